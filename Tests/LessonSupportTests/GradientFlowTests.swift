import Foundation
import TestSupport
import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

@Suite struct GradientFlowTests {
  @Test("the L2 norm sums in Double: no underflow at 1e-30, no overflow at 1e20")
  func l2Norm() {
    #expect(GradientFlow.l2Norm([3, 4]) == 5)
    #expect(GradientFlow.l2Norm([]) == 0)
    let tiny = GradientFlow.l2Norm([3e-30, 4e-30])
    #expect(abs(tiny - 5e-30) <= 1e-36, "\(tiny)")
    let huge = GradientFlow.l2Norm([3e20, -4e20])
    #expect(abs(huge - 5e20) <= 1e14, "\(huge)")
  }

  @Test("a unit is dead when z ≤ 0 for every example; z = 0 counts as dead")
  func deadUnits() {
    let z = Matrix([[-1, 2, 0, -3], [-2, -1, 0, 5], [-4, 3, 0, -1]])
    #expect(GradientFlow.deadUnitFraction(preActivation: z) == 0.5)
    #expect(GradientFlow.deadUnitFraction(preActivation: Matrix([[1, 2]])) == 0)
    #expect(GradientFlow.deadUnitFraction(preActivation: Matrix([[0, -1]])) == 1)
  }

  /// Float rounding of the hand-computed statistics below: values of order 1, a few
  /// Float operations each, so 1e-6 is a few hundred times Float's spacing near 1.
  static let floatTolerance = 1e-6

  @Test("a unit is saturated when f′(z) < 0.01 for every example; one good example saves it")
  func saturatedUnits() {
    // σ′: unit 0 0.0025 and 0.0066, unit 1 0.25 and 0.0001, unit 2 0.0009 and 0.0003.
    let z = Matrix([[6, 0, -7], [5, 9, -8]])
    #expect(GradientFlow.saturatedUnitFraction(preActivation: z, activation: .sigmoid) == 2.0 / 3)
    // tanh′(3) = 0.0099 < 0.01, tanh′(2.9) = 0.0120 ≥ 0.01: unit 1 is not saturated.
    let t = Matrix([[3.5, 0], [-4, 2.9], [3, 3]])
    #expect(GradientFlow.saturatedUnitFraction(preActivation: t, activation: .tanh) == 0.5)
    let three = Matrix([[3, -3]])
    #expect(GradientFlow.saturatedUnitFraction(preActivation: three, activation: .tanh) == 1)
    // For ReLU, f′ is 0 or 1: saturated is dead.
    let r = Matrix([[-1, 2, 0, -3], [-2, -1, 0, 5], [-4, 3, 0, -1]])
    #expect(
      GradientFlow.saturatedUnitFraction(preActivation: r, activation: .relu)
        == GradientFlow.deadUnitFraction(preActivation: r))
    #expect(GradientFlow.saturatedUnitFraction(preActivation: z, activation: .identity) == 0)
  }

  @Test("the mean slope is f′ averaged over units and examples")
  func meanSlope() {
    #expect(GradientFlow.meanSlope(preActivation: Matrix([[0, 0]]), activation: .sigmoid) == 0.25)
    #expect(GradientFlow.meanSlope(preActivation: Matrix([[1], [-1]]), activation: .relu) == 0.5)
    let z = Matrix([[0.5, -2], [3, 0]])
    let expected =
      [0.5, -2, 3, 0].map { (z: Double) -> Double in
        let s = 1 / (1 + exp(-z))
        return s * (1 - s)
      }.reduce(0, +) / 4
    let measured = GradientFlow.meanSlope(preActivation: z, activation: .sigmoid)
    #expect(abs(measured - expected) <= Self.floatTolerance, "\(measured) vs \(expected)")
  }

  @Test("activation statistics: mean of all outputs, spread = per-unit std averaged")
  func activationStatistics() {
    let statistics = GradientFlow.activationStatistics(Matrix([[0.2, 0.5], [0.6, 0.5]]))
    #expect(abs(statistics.mean - 0.45) <= Self.floatTolerance)
    #expect(abs(statistics.spread - 0.1) <= Self.floatTolerance, "unit 0: 0.2, unit 1: 0")
    let same = GradientFlow.activationStatistics(Matrix([[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]]))
    #expect(same.spread == 0, "the same output for every image: no spread")
    // A unit that is 0 or 1 half the time has std 0.5.
    let split = GradientFlow.activationStatistics(Matrix([[0], [1], [0], [1]]))
    #expect(split.mean == 0.5 && split.spread == 0.5)
  }

  @Test("activity of a hand-built sigmoid layer: dead, saturated, slope, mean, spread")
  func activityOfHandBuiltNetwork() {
    // Z = X · W: [[10, 0], [−10, 0]]. Unit 0 is saturated (σ′(±10) ≈ 4.5e-5) but alive;
    // unit 1 has z = 0 for both: dead by the z ≤ 0 rule, slope 0.25, not saturated.
    let hidden = Dense(weights: Matrix([[10, 0], [0, 1]]), bias: [0, 0], activation: .sigmoid)
    let output = Dense(
      weights: Matrix(rows: 2, columns: 3, repeating: 0.1), bias: [0, 0, 0],
      activation: .identity)
    let network = Network(layers: [hidden, output])
    let activity = GradientFlow.activity(network, inputs: Matrix([[1, 0], [-1, 0]]))
    #expect(activity.count == 1, "hidden layers only")
    let layer = activity[0]
    let high = 1 / (1 + exp(-10.0))
    let slope = high * (1 - high)  // σ′(10) = σ′(−10)
    #expect(layer.deadFraction == 0.5)
    #expect(layer.saturatedFraction == 0.5)
    #expect(abs(layer.meanSlope - (2 * slope + 2 * 0.25) / 4) <= Self.floatTolerance)
    #expect(abs(layer.activationMean - 0.5) <= Self.floatTolerance)
    #expect(abs(layer.activationSpread - (high - (1 - high)) / 4) <= Self.floatTolerance)
  }

  @Test("the mean slope of layers 2 … L − 1, the ones the ratios pass through")
  func hiddenLayerMeanSlope() {
    var measurement = GradientMeasurement(
      loss: 0, weightGradientNorms: [1, 1, 1, 1, 1], deadUnitFractions: [],
      meanSlopes: [0.1, 0.2, 0.3, 0.9])
    #expect(abs(measurement.hiddenLayerMeanSlope! - 0.25) < 1e-12)
    measurement.meanSlopes = [0.1, 0.2]
    #expect(measurement.hiddenLayerMeanSlope == nil)
  }

  @Test("scaled Glorot multiplies Glorot's limit; Adam's ε reaches the optimizer")
  func scaledGlorotAndEpsilon() throws {
    let glorot = Initializer.glorotUniform.limit(fanIn: 128, fanOut: 128)
    #expect(Initializer.scaledGlorotUniform(factor: 4).limit(fanIn: 128, fanOut: 128) == 4 * glorot)
    #expect(Initializer.scaledGlorotUniform(factor: 4).description == "glorot-uniform×4")
    var options = TrainingOptions()
    #expect(try #require(options.makeOptimizer() as? Adam).epsilon == 1e-7, "Keras' default")
    options.adamEpsilon = 1e-10
    #expect(try #require(options.makeOptimizer() as? Adam).epsilon == 1e-10)
  }

  @Test("ratios and their geometric mean")
  func ratios() {
    let ratios = GradientFlow.layerRatios([0.01, 0.04, 0.16])
    #expect(ratios.count == 2)
    #expect(ratios.allSatisfy { abs($0 - 0.25) < 1e-12 })
    #expect(abs(GradientFlow.geometricMean([0.1, 0.4])! - 0.2) < 1e-12)
    #expect(GradientFlow.geometricMean([]) == nil)
    #expect(GradientFlow.geometricMean([0.5, 0]) == nil)
    #expect(GradientFlow.layerRatios([1]).isEmpty)
  }

  @Test("measure reports each layer's ‖dW‖ and each hidden layer's dead units")
  func measureMatchesBackpropagation() throws {
    let network = Network(layerSizes: [16, 6, 5, 10], hiddenActivation: .relu, seed: 3)
    let (inputs, labels) = quadrantImages(count: 20, seed: 4).allInputs()
    let measured = try GradientFlow.measure(network, inputs: inputs, labels: labels)
    let backpropagation = try network.backpropagate(inputs: inputs, labels: labels)
    #expect(measured.weightGradientNorms.count == 3)
    #expect(measured.deadUnitFractions.count == 2, "hidden layers only")
    for (norm, gradients) in zip(measured.weightGradientNorms, backpropagation.gradients) {
      #expect(norm == GradientFlow.l2Norm(gradients.dW.values))
    }
    #expect(measured.loss == backpropagation.loss)
  }

  @Test("deep Sigmoid gradients shrink layer by layer, near the mean σ′; ReLU's keep their size")
  func sigmoidVanishes() throws {
    var generator = SeededGenerator(seed: 9)
    let inputs = Matrix(
      rows: 64, columns: 32, values: (0..<64 * 32).map { _ in generator.nextFloat(in: 0, 1) })
    let labels = (0..<64).map { $0 % 10 }
    let sizes = [32] + Array(repeating: 64, count: 8) + [10]
    let sigmoid = try GradientFlow.measure(
      Network(layerSizes: sizes, hiddenActivation: .sigmoid, seed: 1), inputs: inputs,
      labels: labels)
    let relu = try GradientFlow.measure(
      Network(layerSizes: sizes, hiddenActivation: .relu, seed: 1), inputs: inputs,
      labels: labels)
    let sigmoidRatio = try #require(sigmoid.hiddenLayerRatio)
    let reluRatio = try #require(relu.hiddenLayerRatio)
    // σ′ ≤ 0.25 bounds the slope, not the ratio (Wᵀ also multiplies); with Glorot weights
    // the ratio lands near the mean slope. Half of ReLU's ~1 separates the two clearly.
    let sigmoidSlope = try #require(sigmoid.hiddenLayerMeanSlope)
    #expect(sigmoidSlope <= 0.25, "σ′ ≤ 0.25 is a proven bound on each slope")
    #expect(sigmoidRatio < 0.5, "\(sigmoid.weightGradientNorms)")
    #expect(reluRatio > 0.5, "\(relu.weightGradientNorms)")
    #expect(sigmoid.firstToLastHidden < 1e-3)
  }

  @Test("a tracked run measures at the start and after every epoch, the same each time")
  func trackedRun() {
    let dataset = quadrantDataset()
    var options = TrainingOptions()
    options.hiddenLayers = [8, 8]
    options.epochs = 3
    options.batchSize = 16
    options.learningRate = 0.01
    let probe = dataset.train.batch(Array(0..<32))
    let heldOut = dataset.test.batch(Array(0..<50))
    let run = GradientTrackedRun(options: options, seed: 2)
    let first = run.train(
      on: dataset.train, validation: dataset.test, probe: probe, heldOut: heldOut)
    let second = run.train(
      on: dataset.train, validation: dataset.test, probe: probe, heldOut: heldOut)
    #expect(first.measurements.count == 4)
    #expect(first.measurements.allSatisfy { $0.weightGradientNorms.count == 3 })
    #expect(first.measurements.allSatisfy { $0.deadUnitFractions.count == 2 })
    #expect(first.measurements.allSatisfy { $0.heldOutActivity.count == 2 })
    #expect(first.measurements.allSatisfy { $0.meanSlopes.count == 2 })
    #expect(
      first.measurements.allSatisfy {
        $0.deadUnitFractions == $0.heldOutActivity.map(\.deadFraction)
      })
    #expect(first.measurements == second.measurements, "same weights, same batches")
    #expect(first.test == nil, "no test images given")
    let tested = run.train(
      on: dataset.train, validation: dataset.test, probe: probe, heldOut: heldOut,
      test: dataset.test)
    #expect(tested.test?.count == dataset.test.count)
    #expect(tested.measurements == first.measurements, "testing changes nothing else")
    #expect(first.history.evaluations == second.history.evaluations)
    #expect((first.finalAccuracy ?? 0) > 0.5)
  }

  @Test("the trainer shows the network after each epoch to inspect")
  func inspectSeesEachEpoch() {
    let dataset = quadrantDataset()
    var options = TrainingOptions()
    options.hiddenLayers = [8]
    options.epochs = 2
    var network = Network(layerSizes: [16, 8, 10], hiddenActivation: .relu, seed: 1)
    var seen: [Int] = []
    var networks: [Network] = []
    _ = Trainer(options: options, batchSeed: 1).train(
      &network, on: dataset.train, validation: dataset.test,
      inspect: { trained, record in
        seen.append(record.epoch)
        networks.append(trained)
      })
    #expect(seen == [1, 2])
    #expect(networks.last == network)
  }

  @Test("a sweep reports a diverged rate as diverged and ranks the rest")
  func sweepReportsDivergence() throws {
    let dataset = quadrantDataset()
    var options = TrainingOptions()
    options.hiddenLayers = [8]
    options.epochs = 1
    options.batchSize = 16
    options.scaledPixels = false  // raw 0…255 pixels, no squashing, rate 1: the loss overflows
    let sweep = LearningRateSweep(
      options: options, activations: [.identity], optimizers: [.sgd], learningRates: [0.0001, 1],
      seeds: [1])
    var finished = 0
    let result = sweep.run(on: dataset.train, validation: dataset.test) { event in
      if case .finished = event { finished += 1 }
    }
    #expect(finished == 2)
    #expect(result.points.count == 2)
    #expect(result.accuracy(.identity, .sgd, 1) == nil)
    #expect(result.points(.identity, .sgd, 1).first?.divergence != nil)
    #expect(result.accuracy(.identity, .sgd, 0.0001) != nil)
    #expect(result.bestRate(.identity, .sgd) == 0.0001)
    #expect(result.goodRates(.identity, .sgd) == [0.0001])
    #expect(result.testAccuracy(.identity, .sgd, 0.0001) == nil, "no test images given")
    let tested = sweep.run(on: dataset.train, validation: dataset.test, test: dataset.train)
    let point = try #require(tested.points(.identity, .sgd, 0.0001).first)
    #expect(point.testAccuracy != nil)
    #expect(tested.points(.identity, .sgd, 1).first?.testAccuracy == nil, "diverged: not tested")
  }

  @Test("bar charts: one bar per positive value, none for 0; log scale labelled")
  func barCharts() {
    let text = TextBarChart(
      groups: [("layer 1", [1e-5, 1e-2]), ("layer 2", [0, 1e-2])], seriesNames: ["a", "b"],
      glyphs: ["o", "#"], barWidth: 20
    ).text
    let lines = text.split(separator: "\n")
    #expect(lines.count == 5)
    #expect(lines[0].contains("o") && lines[0].hasSuffix("1.0e-05"))
    #expect(lines[1].contains(String(repeating: "#", count: 20)))
    #expect(!lines[2].contains("o") && lines[2].hasSuffix("0.0e+00"))
    #expect(lines[4].contains("1e-5 … 1e-2"))
    let svg = SVGBarChart(
      title: "t", xLabel: "layer", yLabel: "‖dW‖", categories: ["1", "2"],
      series: [.init(name: "a", values: [1e-5, 0]), .init(name: "b", values: [1e-2, 1e-2])]
    ).svg
    #expect(svg.hasPrefix("<svg"))
    #expect(svg.components(separatedBy: "fill=\"url(#hatch").count - 1 == 3 + 2, "bars + legend")
  }
}

@Suite struct GradientFlowReportTests {
  var experiment: GradientFlowExperiment {
    var options = TrainingOptions()
    options.epochs = 3
    return GradientFlowExperiment(options: options, trainingSeeds: [1])
  }

  /// A sweep of one seed with the given ReLU and Sigmoid accuracies per rate (nil:
  /// diverged), Adam only.
  func sweep(relu: [Double?], sigmoid: [Double?]) -> LearningRateSweepResult {
    let rates: [Float] = [0.001, 0.01, 0.1]
    var points: [LearningRateSweepPoint] = []
    for (activation, values) in [(Activation.relu, relu), (.sigmoid, sigmoid)] {
      for (rate, value) in zip(rates, values) {
        points.append(
          LearningRateSweepPoint(
            activation: activation, optimizer: .adam, learningRate: rate, seed: 1,
            validationAccuracy: value,
            divergence: value == nil
              ? Divergence(
                step: 1, epoch: 1, error: NeuralKitError.nonFiniteLoss(loss: .nan, step: nil))
              : nil))
      }
    }
    return LearningRateSweepResult(
      activations: [.relu, .sigmoid], optimizers: [.adam], learningRates: rates, points: points)
  }

  func sentence(relu: [Double?], sigmoid: [Double?]) -> String {
    GradientFlowReport(
      experiment: experiment, initial: [], deep: [], sweep: sweep(relu: relu, sigmoid: sigmoid)
    ).learningRateSentence(.adam) ?? ""
  }

  @Test("ReLU more than 1 point behind at every larger rate: the study's advice holds")
  func reluBehind() {
    let text = sentence(relu: [0.93, 0.80, 0.50], sigmoid: [0.90, 0.92, 0.85])
    #expect(text.contains("best for ReLU 0.001, for Sigmoid 0.01"), "\(text)")
    #expect(text.contains("more than 1 point behind Sigmoid at every rate"), "\(text)")
    #expect(text.contains("as the study advises"))
  }

  @Test("gaps of 1 point or less are level, not a verdict")
  func withinOnePoint() {
    let text = sentence(relu: [0.93, 0.925, 0.920], sigmoid: [0.90, 0.93, 0.926])
    #expect(text.contains("within 1 point"), "\(text)")
    #expect(text.contains("no sign here"))
  }

  @Test("a diverged ReLU run counts as behind and prints as diverged")
  func divergedCountsAsBehind() {
    let text = sentence(relu: [0.93, 0.80, nil], sigmoid: [0.90, 0.92, 0.85])
    #expect(text.contains("0.1: diverged vs 85.00%"), "\(text)")
    #expect(text.contains("at every rate"))
  }

  @Test("the deep runs: four activations × two optimizers, 10× Adam, He, ε, 4 × Glorot")
  func deepConfigurations() {
    let labels = experiment.deepConfigurations.map(\.label)
    #expect(
      labels == [
        "Sigmoid, sgd 0.01", "tanh, sgd 0.01", "ReLU, sgd 0.01", "Leaky ReLU, sgd 0.01",
        "Sigmoid, adam 0.001", "tanh, adam 0.001", "ReLU, adam 0.001", "Leaky ReLU, adam 0.001",
        "ReLU, adam 0.01", "Leaky ReLU, adam 0.01", "ReLU, sgd 0.01, he-uniform",
        "ReLU, adam 0.001, he-uniform", "Sigmoid, adam 0.001, ε 1e-10",
        "Sigmoid, sgd 0.01, glorot-uniform×4", "Sigmoid, adam 0.001, glorot-uniform×4",
      ])
    #expect(experiment.sweepEpochs == 2)
    #expect(experiment.learningRateSweep.options.hiddenLayers == [128])
  }

  @Test("the depth table shows the measured mean slope, not a bound")
  func depthTableShowsMeasuredSlope() {
    let measurement = GradientMeasurement(
      loss: 1, weightGradientNorms: [1e-4, 4e-4, 1.6e-3, 6.4e-3, 1], deadUnitFractions: [],
      meanSlopes: [0.2, 0.24, 0.24, 0.2])
    let initial = InitialGradients(
      depth: 4, activation: .sigmoid, initializer: .glorotUniform,
      measurements: [measurement, measurement])
    let report = GradientFlowReport(
      experiment: experiment, initial: [initial], deep: [], sweep: nil)
    let text = report.depthTable.text
    #expect(text.contains("mean f′") && !text.contains("bound"), "\(text)")
    #expect(text.contains("0.240 ± 0.000"), "mean slope of layers 2 and 3: \(text)")
    #expect(text.contains("0.250 ± 0.000"), "ratio 4e-4 / 1.6e-3: \(text)")
  }

  @Test("one training seed: the verdict says so")
  func oneSeedCaveat() {
    let report = GradientFlowReport(experiment: experiment, initial: [], deep: [], sweep: nil)
    #expect(report.verdict.last?.contains("one seed") == true)
  }
}
