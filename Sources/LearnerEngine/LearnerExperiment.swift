import LessonSupport
import NeuralKit

/// Lesson 06's experiment on the learner's network: per seed, ReLU and Sigmoid from the
/// same weights on the same batches, and the results table of lesson 06 with a row for
/// the learner's network beside NeuralKit's for each activation.
///
///     model                train acc  test acc  train loss  test loss  runs
///     ReLU, yours             96.88%    93.00%      0.1093     0.2325     1
///     ReLU, NeuralKit         96.88%    93.00%      0.1093     0.2325     1
public struct LearnerExperiment: Sendable {
  /// One run of the learner's network: an activation, a seed, its epochs and its final
  /// loss and accuracy on the training set.
  public struct Run: Sendable {
    public var activation: Activation
    public var seed: UInt64
    public var epochs: [LearnerEpoch] = []
    public var trainLoss: Float?
    public var trainAccuracy: Double?
  }

  /// The activations, in the order of the job.
  public var activations: [Activation]
  /// The seeds, in the order of the job.
  public var seeds: [UInt64]
  /// One run per seed and activation, seed by seed.
  public var runs: [Run]

  /// The runs of `job`, empty until its events arrive.
  public init(job: LearnerJob) {
    activations = job.activations
    seeds = job.seeds
    runs = job.seeds.flatMap { seed in job.activations.map { Run(activation: $0, seed: seed) } }
  }

  /// Records one event of the learner's session.
  public mutating func record(_ event: LearnerSession.Event) {
    switch event {
    case .epoch(let epoch): runs[epoch.run].epochs.append(epoch)
    case .runFinished(let run, let loss, let accuracy):
      runs[run].trainLoss = loss
      runs[run].trainAccuracy = accuracy
    }
  }

  /// Lesson 06's table, a row for yours and a row for NeuralKit's per activation.
  public func table(beside reference: ExperimentResult) -> TextTable {
    let rows = activations.flatMap { activation -> [[String]] in
      let mine = runs.filter { $0.activation == activation }
      func yours(_ metric: (Run) -> Double?, percent: Bool) -> String {
        let values = mine.compactMap(metric)
        guard !values.isEmpty else { return "—" }
        return cell(Summary(values), percent: percent)
      }
      func neuralKit(_ metric: (ExperimentRun) -> Double?, percent: Bool) -> String {
        guard let summary = reference.summary(of: activation, metric) else { return "diverged" }
        return cell(summary, percent: percent)
      }
      let name = activation.displayName
      let referenceRuns = reference.runs(of: activation)
      return [
        [
          "\(name), yours",
          yours({ $0.trainAccuracy }, percent: true),
          yours({ $0.epochs.last?.testAccuracy }, percent: true),
          yours({ $0.trainLoss.map(Double.init) }, percent: false),
          yours({ $0.epochs.last.map { Double($0.testLoss) } }, percent: false),
          "\(mine.count)",
        ],
        [
          "\(name), NeuralKit",
          neuralKit({ $0.train?.accuracy }, percent: true),
          neuralKit({ $0.validation?.accuracy }, percent: true),
          neuralKit({ $0.train.map { Double($0.loss) } }, percent: false),
          neuralKit({ $0.validation.map { Double($0.loss) } }, percent: false),
          "\(referenceRuns.filter { !$0.diverged }.count)",
        ],
      ]
    }
    return TextTable(
      headers: ["model", "train acc", "test acc", "train loss", "test loss", "runs"],
      rows: rows)
  }

  /// `97.81%` for one seed, `97.81 ± 0.12%` (mean ± std) for several.
  private func cell(_ summary: Summary, percent: Bool) -> String {
    if summary.count == 1 {
      return percent ? fixed(summary.mean * 100, 2) + "%" : fixed(summary.mean, 4)
    }
    return percent ? summary.plusMinus(2, scale: 100, unit: "%") : summary.plusMinus(4)
  }

  /// One line per activation: the first epoch the learner's network reached `threshold`
  /// test accuracy, per seed (it is measured at the end of each epoch only).
  public func thresholdLines(_ threshold: Double) -> [String] {
    activations.map { activation in
      let name = activation.displayName.padding(toLength: 8, withPad: " ", startingAt: 0)
      let mine = runs.filter { $0.activation == activation }
      let reached = mine.map { run in
        run.epochs.first { $0.testAccuracy >= threshold }.map { "epoch \($0.epoch)" } ?? "never"
      }
      let seeds = mine.map { "\($0.seed)" }.joined(separator: ", ")
      return "\(name) yours first ≥ \(fixed(threshold * 100, 0))% test accuracy at the end of:"
        + " \(reached.joined(separator: ", ")) (seed\(mine.count == 1 ? "" : "s") \(seeds))"
    }
  }

  /// The largest difference in final test accuracy between yours and NeuralKit's, in
  /// percentage points, over every run; nil when a run is missing.
  public func largestGap(from reference: ExperimentResult) -> Double? {
    var largest = 0.0
    for run in runs {
      guard
        let mine = run.epochs.last?.testAccuracy,
        let theirs = reference.runs.first(where: {
          $0.activation == run.activation && $0.seed == run.seed
        })?.validation?.accuracy
      else { return nil }
      largest = max(largest, abs(mine - theirs) * 100)
    }
    return largest
  }
}
