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

  @Test("deep Sigmoid gradients shrink by at most 0.25 per layer; ReLU's keep their size")
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
    #expect(sigmoidRatio < 0.25, "\(sigmoid.weightGradientNorms)")
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
    #expect(first.measurements == second.measurements, "same weights, same batches")
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
  func sweepReportsDivergence() {
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

  @Test("the deep runs: three activations × two optimizers, two at 10× Adam, two with He")
  func deepConfigurations() {
    let labels = experiment.deepConfigurations.map(\.label)
    #expect(
      labels == [
        "Sigmoid, sgd 0.01", "ReLU, sgd 0.01", "Leaky ReLU, sgd 0.01", "Sigmoid, adam 0.001",
        "ReLU, adam 0.001", "Leaky ReLU, adam 0.001", "ReLU, adam 0.01", "Leaky ReLU, adam 0.01",
        "ReLU, sgd 0.01, he-uniform", "ReLU, adam 0.001, he-uniform",
      ])
    #expect(experiment.sweepEpochs == 2)
    #expect(experiment.learningRateSweep.options.hiddenLayers == [128])
  }

  @Test("one training seed: the verdict says so")
  func oneSeedCaveat() {
    let report = GradientFlowReport(experiment: experiment, initial: [], deep: [], sweep: nil)
    #expect(report.verdict.last?.contains("one seed") == true)
  }
}
