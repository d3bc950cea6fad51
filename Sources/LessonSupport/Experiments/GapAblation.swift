import MNISTData
import NeuralKit

/// The source post's gap, attributed: its notebook ran one configuration (Sigmoid about
/// 55% on Fashion-MNIST), its code shows another (both activations about 88%). Starting
/// from the notebook's run, change one factor at a time toward the code as shown, then
/// all of them together, and see how much of each activation's gap every change closes.
///
///     let ablation = GapAblation(seeds: [1, 2, 3], epochs: 10)
///     let result = ablation.run(on: fashion) { event in … }
///     print(GapAblationReport(result: result).table.text)
///
/// Each configuration is a controlled `ActivationExperiment`: per seed, ReLU and Sigmoid
/// start from the same weights and see the same batches.
public struct GapAblation: Sendable {
  /// One configuration: what it changes and the training it runs.
  public struct Configuration: Sendable {
    /// The table's name for it: `+ Adam 0.001`.
    public var name: String
    /// Everything but the activation.
    public var options: TrainingOptions
    /// Where its training and validation images come from.
    public var split: Split
  }

  /// The activations compared.
  public var activations: [Activation]
  /// One run per activation, configuration and seed.
  public var seeds: [UInt64]
  /// Epochs of every run (the post's notebook ran 10).
  public var epochs: Int

  /// An ablation of `activations` over `seeds`, `epochs` epochs each.
  public init(activations: [Activation] = [.relu, .sigmoid], seeds: [UInt64], epochs: Int = 10) {
    self.activations = activations
    self.seeds = seeds
    self.epochs = epochs
  }

  /// The notebook's run, the four single changes toward the code as shown, and all four.
  public var configurations: [Configuration] {
    // lesson: ablation-configurations
    var notebook = TrainingOptions()
    notebook.hiddenLayers = [128, 128]
    notebook.optimizer = .sgd
    notebook.learningRate = 0.01
    notebook.batchSize = 1000
    notebook.epochs = epochs
    var oneLayer = notebook
    oneLayer.hiddenLayers = [128]
    var adam = notebook
    adam.optimizer = .adam
    adam.learningRate = 0.001
    var batch32 = notebook
    batch32.batchSize = 32
    var code = adam
    code.hiddenLayers = [128]
    code.batchSize = 32
    return [
      Configuration(name: "the notebook's run", options: notebook, split: .combined8020),
      Configuration(name: "+ official split", options: notebook, split: .testAsValidation),
      Configuration(name: "+ one hidden layer", options: oneLayer, split: .combined8020),
      Configuration(name: "+ Adam 0.001", options: adam, split: .combined8020),
      Configuration(name: "+ batch 32", options: batch32, split: .combined8020),
      Configuration(name: "all four: the code shown", options: code, split: .testAsValidation),
    ]
    // end lesson
  }

  /// Runs every configuration on `dataset`; `observe` sees each run's events.
  public func run(
    on dataset: Dataset,
    observe: (_ configuration: Int, ExperimentEvent) -> Void = { _, _ in }
  ) -> GapAblationResult {
    let results = configurations.enumerated().map { index, configuration in
      ActivationExperiment(
        options: configuration.options, activations: activations, seeds: seeds,
        split: configuration.split
      ).run(on: dataset) { observe(index, $0) }
    }
    return GapAblationResult(
      datasetName: dataset.kind.displayName, names: configurations.map(\.name),
      activations: activations, results: results)
  }
}

/// Every configuration's experiment, in the order of `GapAblation.configurations`: the
/// first is the notebook's run, the last the code as shown.
public struct GapAblationResult: Sendable {
  /// The data set's name: `Fashion-MNIST`.
  public var datasetName: String
  /// The configurations' names.
  public var names: [String]
  /// The activations compared.
  public var activations: [Activation]
  /// One experiment per configuration.
  public var results: [ExperimentResult]

  /// Final validation accuracy of `activation` in configuration `index`, mean ± std over
  /// the seeds that did not diverge; nil if all diverged.
  public func accuracy(_ index: Int, _ activation: Activation) -> Summary? {
    results[index].summary(of: activation) { $0.validation?.accuracy }
  }

  /// How much of `activation`'s gap (the code's accuracy minus the notebook's) the
  /// change of configuration `index` closes on its own: 0 is none, 1 all of it, above 1
  /// more than all. nil when a run diverged or there is no gap to close.
  public func shareClosed(_ index: Int, _ activation: Activation) -> Double? {
    guard let base = accuracy(0, activation)?.mean,
      let code = accuracy(results.count - 1, activation)?.mean,
      let here = accuracy(index, activation)?.mean, abs(code - base) > 1e-9
    else { return nil }
    return (here - base) / (code - base)
  }
}

/// What lesson 06 prints of an ablation: a table and, per activation, a sentence.
public struct GapAblationReport: Sendable {
  /// The ablation reported on.
  public var result: GapAblationResult

  /// A report on `result`.
  public init(result: GapAblationResult) { self.result = result }

  /// One row per configuration: per activation, final validation accuracy (mean ± std
  /// over seeds) and the share of its gap the change closes alone.
  public var table: TextTable {
    let last = result.results.count - 1
    let rows = result.names.indices.map { index -> [String] in
      var row = [result.names[index]]
      for activation in result.activations {
        row.append(
          result.accuracy(index, activation)?.plusMinus(2, scale: 100, unit: "%") ?? "diverged")
        if index == 0 || index == last {
          row.append(index == 0 ? "start" : "100%")
        } else {
          row.append(result.shareClosed(index, activation).map { "\(fixed($0 * 100, 0))%" } ?? "—")
        }
      }
      return row
    }
    let headers =
      ["configuration"] + result.activations.flatMap { [$0.displayName + " acc", "closes"] }
    return TextTable(headers: headers, rows: rows)
  }

  /// Per activation: the whole gap, the single change that closes most of it, and what
  /// the single changes add up to (the rest is how changes interact).
  public var sentences: [String] {
    let last = result.results.count - 1
    return result.activations.compactMap { activation in
      guard let base = result.accuracy(0, activation), let code = result.accuracy(last, activation)
      else { return "\(activation.displayName): a run diverged; no gap to attribute." }
      let shares = (1..<last).compactMap { index in
        result.shareClosed(index, activation).map { (result.names[index], $0) }
      }
      let gap = (code.mean - base.mean) * 100
      var sentence =
        "\(activation.displayName): \(fixed(base.mean * 100, 2))% → \(fixed(code.mean * 100, 2))%"
        + " (\(signed(gap, 2)) points)."
      if let best = shares.max(by: { $0.1 < $1.1 }) {
        let name = best.0.hasPrefix("+ ") ? String(best.0.dropFirst(2)) : best.0
        let sum = shares.reduce(0) { $0 + $1.1 }
        sentence +=
          " Alone, \(name) closes the most: \(fixed(best.1 * 100, 0))% of it; the four single"
          + " changes add up to \(fixed(sum * 100, 0))%"
          + (abs(sum - 1) > 0.1
            ? ", so the changes interact: together they do not simply add." : ".")
      }
      return sentence
    }
  }
}
