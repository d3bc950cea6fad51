import Foundation
import NeuralKit

/// Turns lesson 07's measurements into what it prints: tables per part, and a verdict
/// written from the numbers, one sentence per claim of the study.
///
///     let report = GradientFlowReport(experiment: experiment, initial: initial, deep: deep,
///                                     sweep: sweep)
///     print(report.depthTable.text)
///     for sentence in report.verdict { print("- " + sentence) }
///
/// Differences are called only when they exceed 1 percentage point: one seed moves a
/// final accuracy by more than that (lesson 06 measured the spread).
public struct GradientFlowReport: Sendable {
  /// The sizes and rates the numbers come from.
  public var experiment: GradientFlowExperiment
  /// Part 1: measurements at initialisation.
  public var initial: [InitialGradients]
  /// Parts 2 to 4: the deep runs, in `experiment.deepConfigurations` order.
  public var deep: [DeepRun]
  /// Part 5: the learning-rate sweep, if it ran.
  public var sweep: LearningRateSweepResult?

  /// A report of the given results.
  public init(
    experiment: GradientFlowExperiment, initial: [InitialGradients], deep: [DeepRun],
    sweep: LearningRateSweepResult?
  ) {
    self.experiment = experiment
    self.initial = initial
    self.deep = deep
    self.sweep = sweep
  }

  private var deepest: Int { experiment.deepest }

  /// The Glorot measurements at initialisation of the deepest network, one per activation.
  public var deepestInitial: [InitialGradients] {
    initial.filter { $0.initializer == .glorotUniform && $0.depth == deepest }
  }

  /// The deep runs at the base rates with Glorot weights: one per activation and optimizer.
  public var baseRuns: [DeepRun] {
    deep.filter {
      $0.configuration.initializer == .glorotUniform
        && $0.configuration.learningRate == experiment.baseRate($0.configuration.optimizer)
    }
  }

  // MARK: Tables

  /// ‖dW‖ of each layer of the deepest network, mean over the seeds, one column per
  /// activation.
  public var initialNormsTable: TextTable {
    let norms = deepestInitial.map(\.meanNorms)
    let width = experiment.width
    let rows = (norms.first ?? []).indices.map { layer -> [String] in
      let inputs = layer == 0 ? 784 : width
      let outputs = layer == deepest ? 10 : width
      return ["\(layer + 1)", "\(inputs)×\(outputs)"] + norms.map { scientific($0[layer]) }
    }
    return TextTable(
      headers: ["layer", "W"] + deepestInitial.map(\.activation.displayName), rows: rows)
  }

  /// Per depth and activation: the slope's bound, the layer-to-layer ratio and ‖dW₁‖/‖dW_L‖.
  public var depthTable: TextTable {
    let rows = initial.filter { $0.initializer == .glorotUniform }.map { result -> [String] in
      [
        "\(result.depth)", result.activation.displayName,
        result.activation == .sigmoid ? "0.25" : "1",
        result.ratio.map { $0.plusMinus(3) }
          ?? "— (L < 3)",
        "\(scientific(result.firstToLast.mean)) ± \(scientific(result.firstToLast.standardDeviation))",
      ]
    }
    return TextTable(
      headers: ["L", "activation", "bound", "ratio l / l+1", "layer 1 / layer L"], rows: rows)
  }

  /// Validation accuracy after each epoch of the base runs.
  public var accuracyTable: TextTable {
    perEpochTable(1...experiment.options.epochs) { run, epoch in
      Self.percent(
        Self.summary(
          run.results.compactMap {
            $0.history.epochs.count >= epoch && !$0.diverged
              ? $0.history.epochs[epoch - 1].validationAccuracy : nil
          }))
    }
  }

  /// ‖dW₁‖ at the start (epoch 0) and after each epoch of the base runs.
  public var firstLayerNormTable: TextTable {
    perEpochTable(0...experiment.options.epochs) { run, epoch in
      let values = run.results.compactMap {
        $0.measurements.count > epoch ? $0.measurements[epoch].weightGradientNorms[0] : nil
      }
      return values.isEmpty ? "—" : scientific(Summary(values).mean)
    }
  }

  /// A table of the base runs with one column per epoch in `epochs`, after the network
  /// and optimizer columns; `cell(run, epoch)` fills each.
  private func perEpochTable(
    _ epochs: ClosedRange<Int>, _ cell: (DeepRun, Int) -> String
  ) -> TextTable {
    TextTable(
      headers: ["network", "optimizer"] + epochs.map { "epoch \($0)" },
      rows: baseRuns.map { run in Self.runColumns(run) + epochs.map { cell(run, $0) } })
  }

  /// The Adam runs of ReLU and Leaky ReLU, ReLU first, smaller rate first.
  private var adamRectifierRuns: [DeepRun] {
    deep.filter {
      $0.configuration.activation != .sigmoid && $0.configuration.initializer == .glorotUniform
        && $0.configuration.optimizer == .adam
    }.sorted {
      ($0.configuration.activation == .relu ? 0 : 1, $0.configuration.learningRate)
        < ($1.configuration.activation == .relu ? 0 : 1, $1.configuration.learningRate)
    }
  }

  /// Dead units per hidden layer: the first ReLU run before training, then every Adam run
  /// of ReLU and Leaky ReLU after it; a last row with the mean over layers.
  public var deadUnitsTable: TextTable {
    let runs = adamRectifierRuns
    guard let first = runs.first else { return TextTable(headers: ["layer"], rows: []) }
    let columns = [(first, true)] + runs.map { ($0, false) }
    func cell(_ run: DeepRun, start: Bool, _ value: (GradientMeasurement) -> Double) -> String {
      let values = run.results.compactMap { result -> Double? in
        guard start || !result.diverged else { return nil }
        return (start ? result.measurements.first : result.measurements.last).map(value)
      }
      return values.isEmpty ? "diverged" : fixed(Summary(values).mean * 100, 1) + "%"
    }
    let rows = (0..<deepest).map { layer in
      ["\(layer + 1)"] + columns.map { cell($0.0, start: $0.1) { $0.deadUnitFractions[layer] } }
    }
    let mean =
      ["mean"] + columns.map { cell($0.0, start: $0.1) { Summary($0.deadUnitFractions).mean } }
    let headers =
      ["layer", "start"]
      + runs.map {
        ($0.configuration.activation == .relu ? "ReLU " : "Leaky ")
          + Self.rate($0.configuration.learningRate)
      }
    return TextTable(headers: headers, rows: rows + [mean])
  }

  /// Glorot against He for the deep ReLU network: ‖dW₁‖/‖dW_L‖ at the start and the test
  /// accuracy with each optimizer.
  public var initializerTable: TextTable {
    let rows = [Initializer.glorotUniform, .heUniform].map { initializer -> [String] in
      let chosen = deep.filter {
        $0.configuration.activation == .relu && $0.configuration.initializer == initializer
          && $0.configuration.learningRate == experiment.baseRate($0.configuration.optimizer)
      }
      let first = chosen.first?.results.map { $0.measurements[0].firstToLastHidden } ?? []
      return [initializer.description, first.isEmpty ? "—" : scientific(Summary(first).mean)]
        + [OptimizerChoice.sgd, .adam].map { optimizer in
          Self.percent(chosen.first { $0.configuration.optimizer == optimizer }?.accuracy)
        }
    }
    return TextTable(
      headers: ["weights", "layer 1 / layer L at start", "test, sgd", "test, adam"], rows: rows)
  }

  /// The sweep's columns: each optimizer with each activation.
  public var sweepColumns: [(optimizer: OptimizerChoice, activation: Activation)] {
    guard let sweep else { return [] }
    return sweep.optimizers.flatMap { optimizer in
      sweep.activations.map { (optimizer: optimizer, activation: $0) }
    }
  }

  /// Final accuracy per rate, one column per optimizer and activation.
  public var sweepTable: TextTable {
    guard let sweep else { return TextTable(headers: ["rate"], rows: []) }
    let rows = sweep.learningRates.map { learningRate in
      [Self.rate(learningRate)]
        + sweepColumns.map {
          Self.percent(sweep.accuracy($0.activation, $0.optimizer, learningRate))
        }
    }
    return TextTable(
      headers: ["rate"]
        + sweepColumns.map { "\($0.activation.displayName) \($0.optimizer.rawValue)" },
      rows: rows)
  }

  /// Accuracy (%) against log₁₀(rate) for one column of the sweep; diverged rates left out.
  public func sweepPoints(_ activation: Activation, _ optimizer: OptimizerChoice) -> [(
    x: Double, y: Double
  )] {
    guard let sweep else { return [] }
    return sweep.learningRates.compactMap { learningRate in
      sweep.accuracy(activation, optimizer, learningRate).map {
        (x: log10(Double(learningRate)), y: $0.mean * 100)
      }
    }
  }

  // MARK: Verdict

  /// One sentence per claim, from the numbers: gradient flow at the start, deep training
  /// with each optimizer, dead units, learning rates, initialisation.
  public var verdict: [String] {
    var sentences: [String] = []
    if let sentence = gradientFlowSentence { sentences.append(sentence) }
    for optimizer in [OptimizerChoice.sgd, .adam] {
      if let sentence = deepTrainingSentence(optimizer) { sentences.append(sentence) }
    }
    for activation in [Activation.relu, .leakyReLU(alpha: 0.01)] {
      if let sentence = deadUnitSentence(activation) { sentences.append(sentence) }
    }
    for optimizer in sweep?.optimizers ?? [] {
      if let sentence = learningRateSentence(optimizer) { sentences.append(sentence) }
    }
    if let sentence = initializerSentence { sentences.append(sentence) }
    if experiment.trainingSeeds.count < 2 {
      sentences.append(
        "Training results are from one seed: differences of a point or two may be noise;"
          + " --seeds 3 gives mean ± std.")
    }
    return sentences
  }

  private var gradientFlowSentence: String? {
    let sigmoidRun = deepestInitial.first { $0.activation == .sigmoid }
    let reluRun = deepestInitial.first { $0.activation == .relu }
    guard let sigmoidRun, let reluRun, let sigmoid = sigmoidRun.ratio, let relu = reluRun.ratio
    else { return nil }
    return "Gradient flow at the start: with Sigmoid each layer going back keeps"
      + " \(fixed(sigmoid.mean, 2)) of the next one's ‖dW‖"
      + " (\(sigmoid.mean <= 0.25 ? "within" : "above") the 0.25 bound), so in"
      + " \(deepest) layers layer 1 gets \(Self.times(sigmoidRun.firstToLast.mean)) the last"
      + " hidden layer's ‖dW‖; with ReLU the factor is \(fixed(relu.mean, 2)) and layer 1"
      + " gets \(Self.times(reluRun.firstToLast.mean)) it."
      + (sigmoid.mean <= 0.25 && relu.mean > 0.5 ? " The study's claim 2 holds as measured." : "")
  }

  private func deepTrainingSentence(_ optimizer: OptimizerChoice) -> String? {
    let runs = baseRuns.filter { $0.configuration.optimizer == optimizer }
    guard let sigmoid = runs.first(where: { $0.configuration.activation == .sigmoid }),
      let relu = runs.first(where: { $0.configuration.activation == .relu })
    else { return nil }
    let learns = (sigmoid.accuracy?.mean ?? 0) >= 0.2
    return "Deep training with \(optimizer == .sgd ? "plain SGD" : "Adam")"
      + " (\(Self.rate(sigmoid.configuration.learningRate))): the \(deepest)-layer Sigmoid"
      + " network reaches \(Self.percent(sigmoid.accuracy)) (chance is about 10%)"
      + (learns ? "" : ", it does not learn in this budget")
      + "; ReLU reaches \(Self.percent(relu.accuracy))."
  }

  /// "Dead ReLU units: 3.4% of hidden units at the start, 13.2% after training with Adam
  /// 0.001, 72.1% with a rate ten times larger (…)."
  private func deadUnitSentence(_ activation: Activation) -> String? {
    let runs = adamRectifierRuns.filter { $0.configuration.activation == activation }
    guard let low = runs.first, let high = runs.last,
      low.configuration.learningRate < high.configuration.learningRate
    else { return nil }
    func mean(_ run: DeepRun, start: Bool) -> String {
      let values = run.results.filter { start || !$0.diverged }.compactMap {
        (start ? $0.measurements.first : $0.measurements.last).map {
          Summary($0.deadUnitFractions).mean
        }
      }
      return values.isEmpty ? "— (diverged)" : fixed(Summary(values).mean * 100, 1) + "%"
    }
    let name = activation == .relu ? "Dead ReLU units" : "Leaky ReLU units with z ≤ 0 throughout"
    return "\(name): \(mean(low, start: true)) of hidden units at the start,"
      + " \(mean(low, start: false)) after training with Adam"
      + " \(Self.rate(low.configuration.learningRate)),"
      + " \(mean(high, start: false)) with a rate ten times larger"
      + " (\(Self.percent(low.accuracy)) and \(Self.percent(high.accuracy)) test accuracy)"
      + (activation == .relu
        ? "." : "; unlike dead ReLU units they still pass 0.01 of the gradient.")
  }

  /// "ReLU wants a smaller rate": compares the two at every rate above the smaller of
  /// their best rates; a gap counts when it exceeds 1 point.
  public func learningRateSentence(_ optimizer: OptimizerChoice) -> String? {
    guard let sweep, let reluBest = sweep.bestRate(.relu, optimizer),
      let sigmoidBest = sweep.bestRate(.sigmoid, optimizer)
    else { return nil }
    let smallerBest = min(reluBest, sigmoidBest)
    let above = sweep.learningRates.filter { $0 > smallerBest }.map { learningRate in
      (
        learningRate, sweep.accuracy(.relu, optimizer, learningRate),
        sweep.accuracy(.sigmoid, optimizer, learningRate)
      )
    }
    // A diverged run counts as −100%: behind anything that trained.
    let gaps = above.map { (($0.1?.mean ?? -1) - ($0.2?.mean ?? -1)) * 100 }
    let reluBehind = gaps.filter { $0 < -1 }.count
    let reluAhead = gaps.filter { $0 > 1 }.count
    let list = above.map { "\(Self.rate($0.0)): \(Self.percent($0.1)) vs \(Self.percent($0.2))" }
      .joined(separator: ", ")
    let from = "above \(Self.rate(smallerBest))"
    let comparison: String
    if above.isEmpty {
      comparison = "no larger rate to compare"
    } else if reluBehind == above.count {
      comparison =
        "\(from) ReLU is more than 1 point behind Sigmoid at every rate (\(list)):"
        + " it tolerates large rates less well, as the study advises"
    } else if reluAhead == above.count {
      comparison =
        "\(from) ReLU is more than 1 point ahead at every rate (\(list)), against the"
        + " study's advice"
    } else if reluBehind == 0 && reluAhead == 0 {
      comparison =
        "\(from) the two are within 1 point (\(list)): no sign here that ReLU wants a"
        + " smaller rate"
    } else {
      comparison =
        "\(from) ReLU is more than 1 point behind at \(reluBehind) of \(above.count) rates"
        + " (\(list))"
    }
    return "Learning rates with \(optimizer == .sgd ? "SGD" : "Adam"): best for ReLU"
      + " \(Self.rate(reluBest)), for Sigmoid \(Self.rate(sigmoidBest)); \(comparison)."
  }

  private var initializerSentence: String? {
    func accuracy(_ initializer: Initializer, _ optimizer: OptimizerChoice) -> Summary? {
      deep.first {
        $0.configuration.activation == .relu && $0.configuration.initializer == initializer
          && $0.configuration.optimizer == optimizer
          && $0.configuration.learningRate == experiment.baseRate(optimizer)
      }?.accuracy
    }
    guard let glorotSGD = accuracy(.glorotUniform, .sgd), let heSGD = accuracy(.heUniform, .sgd),
      let glorotAdam = accuracy(.glorotUniform, .adam), let heAdam = accuracy(.heUniform, .adam)
    else { return nil }
    return "Glorot vs He for the deep ReLU network: \(Self.percent(glorotSGD)) vs"
      + " \(Self.percent(heSGD)) with SGD, \(Self.percent(glorotAdam)) vs"
      + " \(Self.percent(heAdam)) with Adam."
  }

  // MARK: Formatting

  /// `97.41%`, `97.41 ± 0.08%` over several seeds, `diverged` for nil.
  public static func percent(_ summary: Summary?) -> String {
    guard let summary else { return "diverged" }
    return summary.count > 1
      ? summary.plusMinus(2, scale: 100, unit: "%") : "\(fixed(summary.mean * 100, 2))%"
  }

  /// `0.0001`, `0.001`, `0.01`, `1` as a learner types them (not `0.010000001`).
  public static func rate(_ value: Float) -> String {
    String(format: "%g", Double(value))
  }

  /// `3.4e-06 ×` for tiny factors, `2.15 ×` otherwise.
  static func times(_ value: Double) -> String {
    (value < 0.01 ? scientific(value) : fixed(value, 2)) + " ×"
  }

  static func summary(_ values: [Double]) -> Summary? {
    values.isEmpty ? nil : Summary(values)
  }

  /// `ReLU`, `sgd 0.01`: the first two columns of the training tables.
  static func runColumns(_ run: DeepRun) -> [String] {
    [
      run.configuration.activation.displayName,
      "\(run.configuration.optimizer.rawValue) \(rate(run.configuration.learningRate))",
    ]
  }
}
