import MNISTData
import NeuralKit

/// Turns an experiment's runs into what lesson 06 prints and writes: the results table
/// (mean ± std over seeds), how fast each activation reached a threshold, a verdict
/// written from the numbers, curves for charts, and CSV rows.
public struct ExperimentReport: Sendable {
  /// The runs reported on.
  public var result: ExperimentResult
  /// The validation accuracy the "how fast" lines ask about (0.97 for MNIST).
  public var threshold: Double

  /// A report on `result`, asking how soon each activation reached `threshold`.
  public init(result: ExperimentResult, threshold: Double) {
    self.result = result
    self.threshold = threshold
  }

  /// The validation accuracy worth reaching on each data set: a little under what both
  /// activations end with in the default configuration, so the question is how soon.
  public static func threshold(for kind: DatasetKind) -> Double {
    kind == .mnist ? 0.97 : 0.85
  }

  /// The source post's table: train and test accuracy and loss, mean ± std over seeds.
  public var table: TextTable {
    let rows = result.activations.map { activation -> [String] in
      let runs = result.runs(of: activation)
      let diverged = runs.filter(\.diverged).count
      func cell(_ metric: (ExperimentRun) -> Double?, percent: Bool) -> String {
        guard let summary = result.summary(of: activation, metric) else { return "diverged" }
        return percent ? summary.plusMinus(2, scale: 100, unit: "%") : summary.plusMinus(4)
      }
      return [
        activation.displayName,
        cell({ $0.train?.accuracy }, percent: true),
        cell({ $0.validation?.accuracy }, percent: true),
        cell({ $0.train.map { Double($0.loss) } }, percent: false),
        cell({ $0.validation.map { Double($0.loss) } }, percent: false),
        diverged == 0 ? "\(runs.count)" : "\(runs.count - diverged)/\(runs.count)",
      ]
    }
    // "runs": seeds that trained to the end; 2/3 means one diverged (its row of the
    // per-run list says where).
    return TextTable(
      headers: ["model", "train acc", "test acc", "train loss", "test loss", "runs"],
      rows: rows)
  }

  /// One line per activation: when it first reached the threshold, per seed.
  public var thresholdLines: [String] {
    result.activations.map { activation in
      let reached = result.epochsToReach(threshold, activation)
      let hits = reached.compactMap { $0 }
      let name = activation.displayName.padding(toLength: 8, withPad: " ", startingAt: 0)
      guard !hits.isEmpty else {
        return "\(name) never reached \(fixed(threshold * 100, 0))% in any seed"
      }
      let perSeed = reached.map { $0.map { "\(fixed($0, 2))" } ?? "never" }
        .joined(separator: ", ")
      return "\(name) first ≥ \(fixed(threshold * 100, 0))% after \(perSeed) epochs"
        + " (mean \(fixed(Summary(hits).mean, 2)) over \(hits.count) of \(reached.count) seeds)"
    }
  }

  /// A verdict written from the numbers: which activation ended higher and whether the gap
  /// is larger than the seed-to-seed spread, and which reached the threshold first.
  public var verdict: String {
    guard result.activations.count == 2 else { return "" }
    let (a, b) = (result.activations[0], result.activations[1])
    var sentences: [String] = []
    let summaryA = result.summary(of: a) { $0.validation?.accuracy }
    let summaryB = result.summary(of: b) { $0.validation?.accuracy }
    if let sa = summaryA, let sb = summaryB {
      let gap = (sa.mean - sb.mean) * 100
      let spread = max(sa.standardDeviation, sb.standardDeviation) * 100
      let (winner, loser) = gap >= 0 ? (a, b) : (b, a)
      if sa.count < 2 || sb.count < 2 {
        sentences.append(
          "Final test accuracy: \(a.displayName) \(fixed(sa.mean * 100, 2))%,"
            + " \(b.displayName) \(fixed(sb.mean * 100, 2))%, a gap of \(fixed(abs(gap), 2))"
            + " points from a single seed: run more seeds (--seeds 3) to see whether it is"
            + " larger than the seed-to-seed spread.")
      } else if abs(gap) <= max(2 * spread, 0.1) {
        sentences.append(
          "Final test accuracy: \(a.displayName) \(fixed(sa.mean * 100, 2))%,"
            + " \(b.displayName) \(fixed(sb.mean * 100, 2))%. The gap, \(fixed(abs(gap), 2))"
            + " points, is within twice the seed-to-seed spread (\(fixed(spread, 2))): on"
            + " this evidence they end level.")
      } else {
        sentences.append(
          "Final test accuracy: \(winner.displayName) ends \(fixed(abs(gap), 2)) points above"
            + " \(loser.displayName) (\(fixed(sa.mean * 100, 2))% vs \(fixed(sb.mean * 100, 2))%"
            + " for \(a.displayName) vs \(b.displayName)), more than twice the seed-to-seed"
            + " spread (\(fixed(spread, 2))).")
      }
    } else {
      for (activation, summary) in [(a, summaryA), (b, summaryB)] where summary == nil {
        sentences.append("\(activation.displayName) diverged in every seed.")
      }
    }
    let speedA = result.epochsToReach(threshold, a).compactMap { $0 }
    let speedB = result.epochsToReach(threshold, b).compactMap { $0 }
    let target = "\(fixed(threshold * 100, 0))% test accuracy"
    switch (speedA.isEmpty, speedB.isEmpty) {
    case (true, true):
      sentences.append("Neither reached \(target).")
    case (false, true), (true, false):
      let (fast, slow) = speedA.isEmpty ? (b, a) : (a, b)
      sentences.append("Only \(fast.displayName) reached \(target); \(slow.displayName) never did.")
    case (false, false):
      let (meanA, meanB) = (Summary(speedA).mean, Summary(speedB).mean)
      let (fast, slow, fastMean, slowMean) =
        meanA <= meanB ? (a, b, meanA, meanB) : (b, a, meanB, meanA)
      if slowMean > fastMean * 1.2 {
        sentences.append(
          "\(fast.displayName) reached \(target) first: after \(fixed(fastMean, 2)) epochs on"
            + " average, against \(fixed(slowMean, 2)) for \(slow.displayName).")
      } else {
        sentences.append(
          "Both reached \(target) at about the same time (\(fixed(meanA, 2)) and"
            + " \(fixed(meanB, 2)) epochs).")
      }
    }
    return sentences.joined(separator: " ")
  }

  /// Validation accuracy (percent) against epochs, averaged over the seeds, per activation.
  public var accuracyCurves: [SVGLineChart.Series] {
    curves { Double($0.accuracy * 100) }
  }

  /// Validation loss against epochs, averaged over the seeds, per activation.
  public var lossCurves: [SVGLineChart.Series] {
    curves { Double($0.loss) }
  }

  private func curves(_ value: (EvaluationPoint) -> Double) -> [SVGLineChart.Series] {
    result.activations.map { activation in
      let histories = result.runs(of: activation).map(\.history.evaluations)
      let length = histories.map(\.count).max() ?? 0
      let points = (0..<length).compactMap { index -> (x: Double, y: Double)? in
        let values = histories.filter { $0.count > index }.map { value($0[index]) }
        guard let first = histories.first(where: { $0.count > index }) else { return nil }
        return (x: first[index].epochs, y: Summary(values).mean)
      }
      return SVGLineChart.Series(name: activation.displayName, points: points)
    }
  }

  /// One CSV row per (activation, seed, epoch).
  public static let epochHeader = [
    "dataset", "activation", "seed", "epoch", "step", "train_loss", "train_accuracy",
    "validation_loss", "validation_accuracy", "seconds",
  ]

  /// This result's per-epoch rows.
  public var epochRows: [[String]] {
    result.runs.flatMap { run in
      run.history.epochs.map { epoch in
        [
          result.datasetName, run.activation.description, "\(run.seed)", "\(epoch.epoch)",
          "\(epoch.step)", fixed(epoch.trainLoss, 6), fixed(epoch.trainAccuracy, 6),
          fixed(epoch.validationLoss, 6), fixed(epoch.validationAccuracy, 6),
          fixed(epoch.seconds, 3),
        ]
      }
    }
  }

  /// One CSV row per validation point (within the first epoch and at epoch ends).
  public static let evaluationHeader = [
    "dataset", "activation", "seed", "step", "epochs", "validation_loss", "validation_accuracy",
  ]

  /// This result's validation points.
  public var evaluationRows: [[String]] {
    result.runs.flatMap { run in
      run.history.evaluations.map { point in
        [
          result.datasetName, run.activation.description, "\(run.seed)", "\(point.step)",
          fixed(point.epochs, 4), fixed(point.loss, 6), fixed(point.accuracy, 6),
        ]
      }
    }
  }
}

extension Activation {
  /// The name tables use: `ReLU`, `Sigmoid`, `Leaky ReLU`, `tanh`.
  public var displayName: String {
    switch self {
    case .relu: return "ReLU"
    case .sigmoid: return "Sigmoid"
    case .leakyReLU: return "Leaky ReLU"
    case .tanh: return "tanh"
    case .identity: return "identity"
    }
  }
}
