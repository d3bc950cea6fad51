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

  /// The deep runs at the base rates with Glorot weights and Adam's default ε: one per
  /// activation and optimizer.
  public var baseRuns: [DeepRun] {
    deep.filter {
      $0.configuration.initializer == .glorotUniform && $0.configuration.adamEpsilon == nil
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

  /// Per depth and activation: the measured mean slope f′ of layers 2 … L − 1, the
  /// layer-to-layer ratio and ‖dW₁‖/‖dW_L‖, each mean ± std over the seeds.
  public var depthTable: TextTable {
    let rows = initial.filter { $0.initializer == .glorotUniform }.map { result -> [String] in
      [
        "\(result.depth)", result.activation.displayName,
        result.meanSlope.map { $0.plusMinus(3) } ?? "— (L < 3)",
        result.ratio.map { $0.plusMinus(3) } ?? "— (L < 3)",
        "\(scientific(result.firstToLast.mean)) ± \(scientific(result.firstToLast.standardDeviation))",
      ]
    }
    return TextTable(
      headers: ["L", "activation", "mean f′", "ratio l / l+1", "layer 1 / layer L"], rows: rows)
  }

  /// Validation accuracy after each epoch of every deep run, and the test accuracy once
  /// at the end. With several seeds the epoch columns show the mean only (so the table
  /// fits 80 columns) and the test column mean ± std.
  public var accuracyTable: TextTable {
    let epochs = 1...experiment.options.epochs
    return TextTable(
      headers: ["network", "optimizer"] + epochs.map { "epoch \($0)" } + ["test"],
      rows: deep.map { run in
        Self.runColumns(run)
          + epochs.map { epoch in
            Self.meanPercent(
              Self.summary(
                run.results.compactMap {
                  $0.history.epochs.count >= epoch && !$0.diverged
                    ? $0.history.epochs[epoch - 1].validationAccuracy : nil
                }))
          } + [run.testAccuracy.map { Self.percent($0) } ?? "—"]
      })
  }

  /// The runs whose first-layer gradient is followed: Glorot-family weights at the base
  /// rates (the ten-times-larger rates and He weights left out).
  public var trackedRuns: [DeepRun] {
    deep.filter {
      $0.configuration.initializer != .heUniform
        && $0.configuration.learningRate == experiment.baseRate($0.configuration.optimizer)
    }
  }

  /// ‖dW₁‖ at the start (epoch 0) and after each epoch of `trackedRuns`.
  public var firstLayerNormTable: TextTable {
    let epochs = 0...experiment.options.epochs
    return TextTable(
      headers: ["network", "optimizer"] + epochs.map { "epoch \($0)" },
      rows: trackedRuns.map { run in
        Self.runColumns(run)
          + epochs.map { epoch in
            let values = run.results.compactMap {
              $0.measurements.count > epoch ? $0.measurements[epoch].weightGradientNorms[0] : nil
            }
            return values.isEmpty ? "—" : scientific(Summary(values).mean)
          }
      })
  }

  /// The Adam runs of ReLU and Leaky ReLU with Glorot weights, ReLU first, smaller rate
  /// first.
  private var adamRectifierRuns: [DeepRun] {
    deep.filter {
      [.relu, .leakyReLU(alpha: 0.01)].contains($0.configuration.activation)
        && $0.configuration.initializer == .glorotUniform && $0.configuration.optimizer == .adam
    }.sorted {
      ($0.configuration.activation == .relu ? 0 : 1, $0.configuration.learningRate)
        < ($1.configuration.activation == .relu ? 0 : 1, $1.configuration.learningRate)
    }
  }

  /// The base run of an activation and optimizer (Glorot weights, base rate, default ε).
  public func baseRun(_ activation: Activation, _ optimizer: OptimizerChoice) -> DeepRun? {
    baseRuns.first {
      $0.configuration.activation == activation && $0.configuration.optimizer == optimizer
        && $0.configuration.adamEpsilon == nil
    }
  }

  /// One column of a per-layer table: a run, before training (`start`) or after it.
  public typealias LayerColumn = (header: String, run: DeepRun, start: Bool)

  /// A table of one value per hidden layer (on the held-out batch) for each column, in
  /// percent, with a last row of the mean over the layers. Diverged runs are left out of
  /// the after-training cells.
  func perLayerShareTable(_ columns: [LayerColumn], _ value: (LayerActivity) -> Double)
    -> TextTable
  {
    func cell(_ column: LayerColumn, _ layerValue: ([LayerActivity]) -> Double) -> String {
      let values = column.run.results.compactMap { result -> Double? in
        guard column.start || !result.diverged else { return nil }
        let measurement = column.start ? result.measurements.first : result.measurements.last
        guard let activity = measurement?.heldOutActivity, !activity.isEmpty else { return nil }
        return layerValue(activity)
      }
      return values.isEmpty ? "—" : fixed(Summary(values).mean * 100, 1) + "%"
    }
    let rows = (0..<deepest).map { layer in
      ["\(layer + 1)"] + columns.map { column in cell(column) { value($0[layer]) } }
    }
    let mean =
      ["mean"] + columns.map { column in cell(column) { Summary($0.map(value)).mean } }
    return TextTable(headers: ["layer"] + columns.map(\.header), rows: rows + [mean])
  }

  /// Dead units per hidden layer: the first ReLU run before training, then every Adam run
  /// of ReLU and Leaky ReLU after it; a last row with the mean over layers.
  public var deadUnitsTable: TextTable {
    let runs = adamRectifierRuns
    guard let first = runs.first else { return TextTable(headers: ["layer"], rows: []) }
    let columns: [LayerColumn] =
      [("start", first, true)]
      + runs.map {
        (
          ($0.configuration.activation == .relu ? "ReLU " : "Leaky ")
            + Self.rate($0.configuration.learningRate), $0, false
        )
      }
    return perLayerShareTable(columns, \.deadFraction)
  }

  /// Saturated units per hidden layer (f′ < 0.01 for every held-out image): Sigmoid at
  /// the start, after SGD and after Adam; Sigmoid with scaled Glorot weights at the start
  /// and after Adam; tanh at the start and after Adam.
  public var saturationTable: TextTable {
    let scaled = Initializer.scaledGlorotUniform(factor: experiment.sigmoidWeightScale)
    let chosen: [(String, DeepRun?, Bool)] = [
      ("σ start", baseRun(.sigmoid, .sgd), true), ("σ sgd", baseRun(.sigmoid, .sgd), false),
      ("σ adam", baseRun(.sigmoid, .adam), false),
      ("σ ×\(Self.rate(experiment.sigmoidWeightScale)) start", run(.sigmoid, .adam, scaled), true),
      ("σ ×\(Self.rate(experiment.sigmoidWeightScale)) adam", run(.sigmoid, .adam, scaled), false),
      ("tanh start", baseRun(.tanh, .adam), true), ("tanh adam", baseRun(.tanh, .adam), false),
    ]
    let columns = chosen.compactMap { header, run, start -> LayerColumn? in
      run.map { (header, $0, start) }
    }
    return perLayerShareTable(columns, \.saturatedFraction)
  }

  /// The runs whose activations are followed epoch by epoch: Sigmoid with SGD, with Adam,
  /// with Adam at the small ε and with Adam from scaled Glorot weights, and ReLU with Adam.
  public var activityRuns: [DeepRun] {
    let sigmoidSmallEpsilon = deep.filter {
      $0.configuration.activation == .sigmoid && $0.configuration.adamEpsilon != nil
    }
    let scaled = Initializer.scaledGlorotUniform(factor: experiment.sigmoidWeightScale)
    return [baseRun(.sigmoid, .sgd), baseRun(.sigmoid, .adam)].compactMap { $0 }
      + sigmoidSmallEpsilon
      + [run(.sigmoid, .adam, scaled), baseRun(.relu, .adam)].compactMap { $0 }
  }

  /// Per hidden layer of `run`, the outputs' mean and spread on the held-out images at the
  /// start and after each epoch, mean over the seeds: `0.500 / 8.4e-02`.
  public func activityTable(_ run: DeepRun) -> TextTable {
    let epochs = 0...experiment.options.epochs
    let rows = (0..<deepest).map { layer -> [String] in
      ["\(layer + 1)"]
        + epochs.map { epoch in
          let activities = run.results.compactMap { result -> LayerActivity? in
            guard result.measurements.count > epoch,
              result.measurements[epoch].heldOutActivity.count > layer
            else { return nil }
            return result.measurements[epoch].heldOutActivity[layer]
          }
          guard !activities.isEmpty else { return "—" }
          let mean = Summary(activities.map(\.activationMean)).mean
          let spread = Summary(activities.map(\.activationSpread)).mean
          return "\(fixed(mean, 3)) / \(scientific(spread))"
        }
    }
    return TextTable(headers: ["layer"] + epochs.map { "epoch \($0)" }, rows: rows)
  }

  /// The deep run of an activation, optimizer and initializer at the base rate.
  public func run(
    _ activation: Activation, _ optimizer: OptimizerChoice, _ initializer: Initializer
  ) -> DeepRun? {
    deep.first {
      $0.configuration.activation == activation && $0.configuration.initializer == initializer
        && $0.configuration.optimizer == optimizer && $0.configuration.adamEpsilon == nil
        && $0.configuration.learningRate == experiment.baseRate(optimizer)
    }
  }

  /// The initializer comparisons: ReLU with Glorot and He, Sigmoid with Glorot and
  /// `sigmoidWeightScale` × Glorot.
  public var initializerPairs: [(activation: Activation, initializer: Initializer)] {
    [
      (.relu, .glorotUniform), (.relu, .heUniform), (.sigmoid, .glorotUniform),
      (.sigmoid, .scaledGlorotUniform(factor: experiment.sigmoidWeightScale)),
    ]
  }

  /// Per initializer comparison: at the start the mean f′ of layers 2 … L − 1 and
  /// ‖dW₁‖/‖dW_L‖ (on the probe batch, over the training seeds), then the validation
  /// accuracy after training with each optimizer.
  public var initializerTable: TextTable {
    let rows = initializerPairs.compactMap { activation, initializer -> [String]? in
      guard let sgd = run(activation, .sgd, initializer) else { return nil }
      let start = sgd.results.map { $0.measurements[0] }
      let slopes = start.compactMap(\.hiddenLayerMeanSlope)
      return [
        activation.displayName, initializer.description,
        slopes.isEmpty ? "—" : fixed(Summary(slopes).mean, 3),
        scientific(Summary(start.map(\.firstToLastHidden)).mean),
      ]
        + [OptimizerChoice.sgd, .adam].map { optimizer in
          Self.percent(run(activation, optimizer, initializer)?.accuracy)
        }
    }
    return TextTable(
      headers: ["network", "weights", "mean f′", "layer 1 / L", "val, sgd", "val, adam"],
      rows: rows)
  }

  /// The sweep's columns: each optimizer with each activation.
  public var sweepColumns: [(optimizer: OptimizerChoice, activation: Activation)] {
    guard let sweep else { return [] }
    return sweep.optimizers.flatMap { optimizer in
      sweep.activations.map { (optimizer: optimizer, activation: $0) }
    }
  }

  /// Final validation accuracy per rate, one column per optimizer and activation; the
  /// mean over the seeds (`chosenRatesTable` gives ± std for the chosen rates).
  public var sweepTable: TextTable {
    guard let sweep else { return TextTable(headers: ["rate"], rows: []) }
    let rows = sweep.learningRates.map { learningRate in
      [Self.rate(learningRate)]
        + sweepColumns.map {
          Self.meanPercent(sweep.accuracy($0.activation, $0.optimizer, learningRate))
        }
    }
    return TextTable(
      headers: ["rate"]
        + sweepColumns.map { "\($0.activation.displayName) \($0.optimizer.rawValue)" },
      rows: rows)
  }

  /// Per sweep column, the rate with the best validation accuracy, that accuracy and the
  /// test accuracy of the same networks, evaluated once.
  public var chosenRatesTable: TextTable {
    guard let sweep else { return TextTable(headers: ["network"], rows: []) }
    let rows = sweepColumns.compactMap { column -> [String]? in
      guard let best = sweep.bestRate(column.activation, column.optimizer) else { return nil }
      return [
        "\(column.activation.displayName) \(column.optimizer.rawValue)", Self.rate(best),
        Self.percent(sweep.accuracy(column.activation, column.optimizer, best)),
        sweep.testAccuracy(column.activation, column.optimizer, best).map { Self.percent($0) }
          ?? "—",
      ]
    }
    return TextTable(headers: ["network", "best rate", "validation", "test"], rows: rows)
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
  /// with each optimizer, Adam's ε, dead and saturated units, the outputs' spread,
  /// learning rates, initialisation.
  public var verdict: [String] {
    var sentences: [String] = []
    if let sentence = gradientFlowSentence { sentences.append(sentence) }
    for optimizer in [OptimizerChoice.sgd, .adam] {
      if let sentence = deepTrainingSentence(optimizer) { sentences.append(sentence) }
    }
    if let sentence = epsilonSentence { sentences.append(sentence) }
    for activation in [Activation.relu, .leakyReLU(alpha: 0.01)] {
      if let sentence = deadUnitSentence(activation) { sentences.append(sentence) }
    }
    if let sentence = saturationSentence { sentences.append(sentence) }
    if let sentence = spreadSentence { sentences.append(sentence) }
    for optimizer in sweep?.optimizers ?? [] {
      if let sentence = learningRateSentence(optimizer) { sentences.append(sentence) }
    }
    sentences += initializerSentences
    if experiment.trainingSeeds.count < 2 {
      sentences.append(
        "Training results are from one seed: differences of a point or two may be noise;"
          + " --seeds 3 gives mean ± std.")
    }
    return sentences
  }

  private var gradientFlowSentence: String? {
    func factor(_ activation: Activation) -> (ratio: Summary, slope: Summary, left: Double)? {
      guard let run = deepestInitial.first(where: { $0.activation == activation }),
        let ratio = run.ratio, let slope = run.meanSlope
      else { return nil }
      return (ratio, slope, run.firstToLast.mean)
    }
    guard let sigmoid = factor(.sigmoid), let relu = factor(.relu) else { return nil }
    let tanh = factor(.tanh).map {
      "; with tanh \(fixed($0.ratio.mean, 2)) (mean tanh′ \(fixed($0.slope.mean, 2)))"
    }
    return "Gradient flow at the start: with Sigmoid each layer going back keeps"
      + " \(fixed(sigmoid.ratio.mean, 2)) of the next one's ‖dW‖, next to a measured mean σ′"
      + " of \(fixed(sigmoid.slope.mean, 2)), so in \(deepest) layers layer 1 gets"
      + " \(Self.times(sigmoid.left)) the last hidden layer's ‖dW‖\(tanh ?? ""); with ReLU the"
      + " factor is \(fixed(relu.ratio.mean, 2)) and layer 1 gets \(Self.times(relu.left)) it."
  }

  private func deepTrainingSentence(_ optimizer: OptimizerChoice) -> String? {
    guard let sigmoid = baseRun(.sigmoid, optimizer), let relu = baseRun(.relu, optimizer)
    else { return nil }
    let learns = (sigmoid.accuracy?.mean ?? 0) >= 0.2
    let tanh = baseRun(.tanh, optimizer).map { "; tanh \(Self.percent($0.accuracy))" }
    return "Deep training with \(optimizer == .sgd ? "plain SGD" : "Adam")"
      + " (\(Self.rate(sigmoid.configuration.learningRate))), validation accuracy: the"
      + " \(deepest)-layer Sigmoid network \(Self.percent(sigmoid.accuracy)) (chance is about"
      + " 10%)" + (learns ? "" : ", it does not learn in this budget") + (tanh ?? "")
      + "; ReLU \(Self.percent(relu.accuracy))."
  }

  private var epsilonSentence: String? {
    guard let small = deep.first(where: { $0.configuration.adamEpsilon != nil }),
      let epsilon = small.configuration.adamEpsilon,
      let standard = baseRun(small.configuration.activation, .adam)
    else { return nil }
    func firstLayer(_ run: DeepRun) -> String {
      let values = run.results.compactMap { $0.measurements.last?.weightGradientNorms.first }
      return values.isEmpty ? "—" : scientific(Summary(values).mean)
    }
    let neither =
      max(small.accuracy?.mean ?? 0, standard.accuracy?.mean ?? 0) < 0.2
      ? "; neither reaches 20% in this budget" : ""
    return "Adam's ε for the deep \(small.configuration.activation.displayName) network:"
      + " \(Self.rate(epsilon)) gives \(Self.percent(small.accuracy)) validation accuracy,"
      + " Keras' 1e-07 \(Self.percent(standard.accuracy))\(neither); layer 1's ‖dW‖ after"
      + " training \(firstLayer(small)) and \(firstLayer(standard))."
  }

  /// The mean over layers of a held-out value of a run, at the start or after training.
  private func layerMean(
    _ run: DeepRun, start: Bool, _ value: (LayerActivity) -> Double
  ) -> String {
    let values = run.results.filter { start || !$0.diverged }.compactMap { result -> Double? in
      guard
        let activity = (start ? result.measurements.first : result.measurements.last)?
          .heldOutActivity, !activity.isEmpty
      else { return nil }
      return Summary(activity.map(value)).mean
    }
    return values.isEmpty ? "— (diverged)" : fixed(Summary(values).mean * 100, 1) + "%"
  }

  /// "Dead ReLU units: 3.4% of hidden units at the start, 13.2% after training with Adam
  /// 0.001, 72.1% with a rate ten times larger (…)."
  private func deadUnitSentence(_ activation: Activation) -> String? {
    let runs = adamRectifierRuns.filter { $0.configuration.activation == activation }
    guard let low = runs.first, let high = runs.last,
      low.configuration.learningRate < high.configuration.learningRate
    else { return nil }
    let name = activation == .relu ? "Dead ReLU units" : "Leaky ReLU units with z ≤ 0 throughout"
    return "\(name): \(layerMean(low, start: true, \.deadFraction)) of hidden units at the"
      + " start, \(layerMean(low, start: false, \.deadFraction)) after training with Adam"
      + " \(Self.rate(low.configuration.learningRate)),"
      + " \(layerMean(high, start: false, \.deadFraction)) with a rate ten times larger"
      + " (\(Self.percent(low.accuracy)) and \(Self.percent(high.accuracy)) validation accuracy)"
      + (activation == .relu
        ? "." : "; unlike dead ReLU units they still pass 0.01 of the gradient.")
  }

  private var saturationSentence: String? {
    let parts = [Activation.sigmoid, .tanh].compactMap { activation -> String? in
      guard let sgd = baseRun(activation, .sgd), let adam = baseRun(activation, .adam) else {
        return nil
      }
      return "\(activation.displayName): \(layerMean(sgd, start: true, \.saturatedFraction)) at"
        + " the start, \(layerMean(sgd, start: false, \.saturatedFraction)) after SGD,"
        + " \(layerMean(adam, start: false, \.saturatedFraction)) after Adam"
    }
    guard !parts.isEmpty else { return nil }
    return "Saturated units (f′ < 0.01 on every held-out image), mean over the hidden layers: "
      + parts.joined(separator: "; ") + "."
  }

  private var spreadSentence: String? {
    guard let run = baseRun(.sigmoid, .adam) else { return nil }
    func spread(_ layer: Int, start: Bool) -> String {
      let values = run.results.compactMap { result -> Double? in
        guard
          let activity = (start ? result.measurements.first : result.measurements.last)?
            .heldOutActivity, activity.count > layer
        else { return nil }
        return activity[layer].activationSpread
      }
      return values.isEmpty ? "—" : scientific(Summary(values).mean)
    }
    return "Deep Sigmoid, Adam: the spread of a layer's outputs over the held-out images is"
      + " \(spread(0, start: true)) in layer 1 and \(spread(deepest - 1, start: true)) in layer"
      + " \(deepest) at the start, \(spread(0, start: false)) and"
      + " \(spread(deepest - 1, start: false)) after training."
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
    let test = [(Activation.relu, reluBest), (.sigmoid, sigmoidBest)].compactMap {
      sweep.testAccuracy($0.0, optimizer, $0.1)
    }
    let tested =
      test.count == 2
      ? " (test \(Self.percent(test[0])) and \(Self.percent(test[1])))" : ""
    return "Learning rates with \(optimizer == .sgd ? "SGD" : "Adam"), chosen on validation:"
      + " best for ReLU \(Self.rate(reluBest)), for Sigmoid \(Self.rate(sigmoidBest))\(tested);"
      + " \(comparison)."
  }

  private var initializerSentences: [String] {
    stride(from: 0, to: initializerPairs.count - 1, by: 2).compactMap { index in
      let (activation, standard) = initializerPairs[index]
      let other = initializerPairs[index + 1].initializer
      guard let standardSGD = run(activation, .sgd, standard),
        let otherSGD = run(activation, .sgd, other),
        let standardAdam = run(activation, .adam, standard),
        let otherAdam = run(activation, .adam, other)
      else { return nil }
      func left(_ run: DeepRun) -> String {
        Self.times(Summary(run.results.map { $0.measurements[0].firstToLastHidden }).mean)
      }
      return "\(standard) vs \(other) for the deep \(activation.displayName) network:"
        + " layer 1 starts with \(left(standardSGD)) and \(left(otherSGD)) the last hidden"
        + " layer's ‖dW‖; validation \(Self.percent(standardSGD.accuracy)) vs"
        + " \(Self.percent(otherSGD.accuracy)) with SGD, \(Self.percent(standardAdam.accuracy))"
        + " vs \(Self.percent(otherAdam.accuracy)) with Adam."
    }
  }

  // MARK: Formatting

  /// `97.41%`, `97.41 ± 0.08%` over several seeds, `diverged` for nil.
  public static func percent(_ summary: Summary?) -> String {
    guard let summary else { return "diverged" }
    return summary.count > 1
      ? summary.plusMinus(2, scale: 100, unit: "%") : "\(fixed(summary.mean * 100, 2))%"
  }

  /// `97.41%`, the mean only, also over several seeds; `diverged` for nil.
  public static func meanPercent(_ summary: Summary?) -> String {
    guard let summary else { return "diverged" }
    return "\(fixed(summary.mean * 100, 2))%"
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
    [run.configuration.networkName, run.configuration.optimizerName]
  }
}
