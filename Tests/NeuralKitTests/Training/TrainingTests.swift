import Foundation
import Testing

@testable import Kernels
@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

/// A small learnable data set: 4 × 4 images whose label is the brightest quadrant
/// (0…3), with noise; classes 4…9 never occur, like a data set with unused labels.
func quadrantImages(count: Int, seed: UInt64) -> LabeledImages {
  var generator = SeededGenerator(seed: seed)
  var pixels: [UInt8] = []
  var labels: [UInt8] = []
  for _ in 0..<count {
    let label = generator.nextInt(below: 4)
    for row in 0..<4 {
      for column in 0..<4 {
        let quadrant = (row / 2) * 2 + column / 2
        let base = quadrant == label ? 180 : 40
        pixels.append(UInt8(base + generator.nextInt(below: 60)))
      }
    }
    labels.append(UInt8(label))
  }
  return LabeledImages(pixels: pixels, labels: labels, imageRows: 4, imageColumns: 4)
}

func quadrantDataset() -> Dataset {
  Dataset(
    kind: .mnist, train: quadrantImages(count: 300, seed: 1),
    test: quadrantImages(count: 100, seed: 2))
}

@Suite struct TrainerTests {
  var options: TrainingOptions {
    var options = TrainingOptions()
    options.hiddenLayers = [8]
    options.epochs = 3
    options.batchSize = 16
    options.learningRate = 0.01
    options.evaluateEvery = 5
    return options
  }

  @Test("training learns the quadrant task and records every epoch")
  func learns() {
    let dataset = quadrantDataset()
    var network = Network(
      layerSizes: options.layerSizes(inputs: 16, classes: 10), hiddenActivation: .relu, seed: 1)
    var steps = 0
    let history = Trainer(options: options, batchSeed: 7).train(
      &network, on: dataset.train, validation: dataset.test
    ) { event in
      if case .step = event { steps += 1 }
    }
    #expect(history.epochs.map(\.epoch) == [1, 2, 3])
    #expect(steps == 3 * 19, "300 images in batches of 16: 18 full and one of 12, per epoch")
    #expect(history.epochs.last!.step == steps)
    // Evaluations every 5 steps of epoch 1 (5, 10, 15), then one per epoch end.
    #expect(history.evaluations.map(\.step) == [5, 10, 15, 19, 38, 57])
    #expect(history.final!.validationAccuracy >= 0.9, "\(history.final!)")
    #expect(history.divergence == nil)
  }

  @Test("one batch seed, one history; another seed, another batch order")
  func reproducible() {
    let dataset = quadrantDataset()
    func run(batchSeed: UInt64) -> (TrainingHistory, Network) {
      var network = Network(layerSizes: [16, 8, 10], hiddenActivation: .sigmoid, seed: 3)
      var history = Trainer(options: options, batchSeed: batchSeed).train(
        &network, on: dataset.train, validation: dataset.test)
      for index in history.epochs.indices { history.epochs[index].seconds = 0 }  // time varies
      return (history, network)
    }
    let (first, firstNetwork) = run(batchSeed: 5)
    let (second, secondNetwork) = run(batchSeed: 5)
    #expect(first == second)
    #expect(firstNetwork == secondNetwork)
    #expect(run(batchSeed: 6).1 != firstNetwork)
  }

  @Test("a diverging run stops, says where, and does not crash")
  func divergence() throws {
    let dataset = quadrantDataset()
    var options = options
    options.optimizer = .sgd
    options.learningRate = 1
    options.scaledPixels = false
    options.activation = .identity
    var network = Network(layerSizes: [16, 8, 10], hiddenActivation: .identity, seed: 1)
    var reported: Divergence?
    let history = Trainer(options: options, batchSeed: 1).train(
      &network, on: dataset.train, validation: dataset.test
    ) { event in
      if case .diverged(let divergence) = event { reported = divergence }
    }
    let divergence = try #require(history.divergence)
    #expect(divergence == reported)
    #expect(divergence.message.contains("smaller learning rate"))
    #expect(network.layers.allSatisfy { $0.weights.isFinite }, "weights stay finite")
  }
}

@Suite struct ActivationExperimentTests {
  @Test("per seed, every activation starts from the same weights")
  func sameStartingWeights() {
    for seed: UInt64 in [1, 2, 3] {
      let relu = Network(layerSizes: [784, 128, 10], hiddenActivation: .relu, seed: seed)
      let sigmoid = Network(layerSizes: [784, 128, 10], hiddenActivation: .sigmoid, seed: seed)
      #expect(relu.layers.map(\.weights) == sigmoid.layers.map(\.weights))
      #expect(relu.layers.map(\.bias) == sigmoid.layers.map(\.bias))
    }
  }

  @Test("runs every seed and activation, reproducibly, and summarises them")
  func runsAndSummarises() throws {
    var options = TrainingOptions()
    options.hiddenLayers = [8]
    options.epochs = 2
    options.batchSize = 16
    options.learningRate = 0.01
    let experiment = ActivationExperiment(
      options: options, activations: [.relu, .sigmoid], seeds: [1, 2])
    let result = experiment.run(on: quadrantDataset())
    #expect(result.runs.map(\.seed) == [1, 1, 2, 2])
    #expect(result.runs.map(\.activation) == [.relu, .sigmoid, .relu, .sigmoid])
    let again = experiment.run(on: quadrantDataset())
    #expect(
      result.runs.map(\.validation) == again.runs.map(\.validation), "same seeds, same numbers")
    let summary = try #require(result.summary(of: .relu) { $0.validation?.accuracy })
    let values = result.runs(of: .relu).map { $0.validation!.accuracy }
    #expect(summary.mean == Summary(values).mean)
    let report = ExperimentReport(result: result, threshold: 0.5)
    #expect(report.table.text.contains("ReLU") && report.table.text.contains("Sigmoid"))
    #expect(!report.verdict.isEmpty)
    #expect(report.epochRows.count == 2 * 2 * 2, "runs × epochs")
    #expect(report.epochRows.allSatisfy { $0.count == ExperimentReport.epochHeader.count })
  }
}

@Suite struct SplitTests {
  @Test("combined-80-20 pools both splits and keeps every class 80/20")
  func combined() {
    let dataset = quadrantDataset()
    let (training, validation) = Split.combined8020.apply(to: dataset, seed: 1)
    #expect(training.count + validation.count == 400)
    let pooled = dataset.train.classCounts().enumerated().map {
      $1 + dataset.test.classCounts()[$0]
    }
    for label in 0..<4 {
      #expect(training.classCounts()[label] == pooled[label] * 4 / 5)
    }
    #expect(Split.combined8020.apply(to: dataset, seed: 1).0 == training, "seeded")
    let standard = Split.standard.apply(to: dataset, seed: 1)
    #expect(standard.0 == dataset.train && standard.1 == dataset.test)
  }
}

@Suite struct SummaryTests {
  @Test("mean and sample standard deviation")
  func meanAndSpread() {
    let summary = Summary([1, 2, 3, 4])
    #expect(summary.mean == 2.5)
    #expect(abs(summary.standardDeviation - 1.290_994) < 1e-6)  // √(5/3)
    #expect(Summary([7]).standardDeviation == 0)
  }

  @Test("plusMinus prints mean ± std, scaled")
  func plusMinus() {
    #expect(Summary([1, 2, 3, 4]).plusMinus(3) == "2.500 ± 1.291")
    #expect(Summary([0.9752, 0.9768]).plusMinus(2, scale: 100) == "97.60 ± 0.11")
  }
}
