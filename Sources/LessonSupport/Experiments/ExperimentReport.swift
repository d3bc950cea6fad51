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

  /// True when the runs evaluated separate test images after training.
  public var hasTest: Bool { result.runs.contains { $0.testCount > 0 } }

  /// The source post's table: train, validation (and test) accuracy and loss, mean ± std
  /// over seeds. With a separate test set the validation loss is left to the markdown
  /// report (`markdownTable`), so a row fits 80 columns.
  public var table: TextTable { table(wide: false) }

  /// Every column: train, validation and test accuracy and loss.
  public var markdownTable: TextTable { table(wide: true) }

  private func table(wide: Bool) -> TextTable {
    // Each column: its header, the part of a run it reads, accuracy (percent) or loss.
    typealias Column = (header: String, part: (ExperimentRun) -> BatchResult?, accuracy: Bool)
    let v = result.split.validationLabel
    let train: (ExperimentRun) -> BatchResult? = { $0.train }
    let validation: (ExperimentRun) -> BatchResult? = { $0.validation }
    let test: (ExperimentRun) -> BatchResult? = { $0.test }
    var columns: [Column] = [("train acc", train, true), ("\(v) acc", validation, true)]
    if hasTest { columns.append(("test acc", test, true)) }
    if !hasTest || wide {
      columns += [("train loss", train, false), ("\(v) loss", validation, false)]
    }
    if hasTest { columns.append(("test loss", test, false)) }
    let rows = result.activations.map { activation -> [String] in
      let runs = result.runs(of: activation)
      let diverged = runs.filter(\.diverged).count
      let cells = columns.map { column -> String in
        let value = { (run: ExperimentRun) in
          column.part(run).map { column.accuracy ? $0.accuracy : Double($0.loss) }
        }
        guard let summary = result.summary(of: activation, value) else { return "diverged" }
        return column.accuracy
          ? summary.plusMinus(2, scale: 100, unit: "%") : summary.plusMinus(4)
      }
      return [activation.displayName] + cells + [
        diverged == 0 ? "\(runs.count)" : "\(runs.count - diverged)/\(runs.count)"
      ]
    }
    // "runs": seeds that trained to the end; 2/3 means one diverged (its row of the
    // per-run list says where).
    return TextTable(headers: ["model"] + columns.map(\.header) + ["runs"], rows: rows)
  }

  /// The first activation against each other one, seed by seed: the difference of final
  /// accuracy in points, validation and (when there is one) test. nil for fewer than two
  /// activations.
  public var pairedTable: TextTable? {
    guard let first = result.activations.first, result.activations.count > 1 else { return nil }
    let v = result.split.validationLabel
    var headers = ["difference", "\(v), per seed", "\(v), mean ± std"]
    if hasTest { headers += ["test, mean ± std"] }
    let rows = result.activations.dropFirst().map { other -> [String] in
      let name = "\(first.displayName) − \(other.displayName)"
      let validation = result.pairedDifferences(first, other) { $0.validation?.accuracy }
      let perSeed =
        validation.values.prefix(5).map { signed($0 * 100, 2) }
        .joined(separator: " ") + (validation.values.count > 5 ? " …" : "")
      var row = [name, perSeed, meanAndSpread(validation)]
      if hasTest {
        row.append(meanAndSpread(result.pairedDifferences(first, other) { $0.test?.accuracy }))
      }
      return row
    }
    return TextTable(headers: headers, rows: rows)
  }

  private func meanAndSpread(_ differences: PairedDifferences) -> String {
    guard !differences.values.isEmpty else { return "—" }
    let summary = differences.summary
    return summary.count > 1
      ? "\(signed(summary.mean * 100, 2)) ± \(fixed(summary.standardDeviation * 100, 2))"
      : "\(signed(summary.mean * 100, 2)) ± —"
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

  /// A verdict written from the numbers. Final accuracy: the first activation against each
  /// other one, from the paired per-seed differences on the validation images (the 95%
  /// confidence interval of their mean: does it exclude 0?), the test images' difference
  /// beside it. Speed: which activation reached the threshold first.
  public var verdict: String {
    guard let first = result.activations.first, result.activations.count > 1 else { return "" }
    let v = result.split.validationWord
    var sentences: [String] = []
    for other in result.activations.dropFirst() {
      sentences.append(accuracySentence(first, other, validation: v))
    }
    if result.seeds.count < 2 {
      sentences.append(
        "From a single seed: run more seeds (--seeds 3) to tell a difference from seed-to-seed"
          + " noise.")
    }
    sentences.append(speedSentence())
    return sentences.joined(separator: " ")
  }

  private func accuracySentence(_ a: Activation, _ b: Activation, validation v: String) -> String {
    let differences = result.pairedDifferences(a, b) { $0.validation?.accuracy }
    let pair = "\(a.displayName) − \(b.displayName)"
    guard !differences.values.isEmpty else {
      let dead = [a, b].filter { result.summary(of: $0) { $0.validation?.accuracy } == nil }
      return dead.map { "\($0.displayName) diverged in every seed." }.joined(separator: " ")
    }
    let mean = differences.summary.mean * 100
    var testPart = ""
    if hasTest {
      let test = result.pairedDifferences(a, b) { $0.test?.accuracy }
      if !test.values.isEmpty {
        testPart = "; on the test images, evaluated once, \(signed(test.summary.mean * 100, 2))"
      }
    }
    let seeds = differences.values.count
    guard let interval = differences.confidenceInterval95 else {
      return "\(pair), final \(v) accuracy: \(signed(mean, 2)) points\(testPart)."
    }
    let opening =
      "\(pair), final \(v) accuracy over \(seeds) paired seeds: \(signed(mean, 2)) points"
      + " (95% interval \(signed(interval.lower * 100, 2)) to \(signed(interval.upper * 100, 2)))"
      + testPart + "."
    guard interval.lower > 0 || interval.upper < 0 else {
      return opening + " The interval includes 0: on this evidence they end level."
    }
    let (winner, loser) = mean > 0 ? (a, b) : (b, a)
    let agree =
      differences.values.allSatisfy { $0 > 0 } || differences.values.allSatisfy { $0 < 0 }
    return opening + " The interval leaves out 0: \(winner.displayName) ends higher than"
      + " \(loser.displayName)\(agree ? ", in every seed" : "")."
  }

  private func speedSentence() -> String {
    let name = result.split.validationWord
    let target = "\(fixed(threshold * 100, 0))% \(name) accuracy"
    let means = result.activations.compactMap { activation -> (Activation, Double)? in
      let hits = result.epochsToReach(threshold, activation).compactMap { $0 }
      return hits.isEmpty ? nil : (activation, Summary(hits).mean)
    }.sorted { $0.1 < $1.1 }
    let never = result.activations.filter { activation in
      !means.contains { $0.0 == activation }
    }
    guard let fastest = means.first else { return "None reached \(target)." }
    let neverPart =
      never.isEmpty
      ? "" : " \(never.map(\.displayName).joined(separator: " and ")) never did."
    guard means.count > 1 else {
      return "Only \(fastest.0.displayName) reached \(target).\(neverPart)"
    }
    let others = means.dropFirst().map { "\(fixed($0.1, 2)) for \($0.0.displayName)" }
      .joined(separator: ", ")
    // Within a fifth of each other: too close to call "first" with thresholds read at
    // evaluation points.
    guard means.last!.1 > fastest.1 * 1.2 else {
      return "They reached \(target) at about the same time (\(fixed(fastest.1, 2)) epochs"
        + " on average for \(fastest.0.displayName), \(others)).\(neverPart)"
    }
    return "\(fastest.0.displayName) reached \(target) first: after \(fixed(fastest.1, 2))"
      + " epochs on average, against \(others).\(neverPart)"
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
