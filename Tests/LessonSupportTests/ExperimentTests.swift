import Foundation
import TestSupport
import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

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
    let images = Split.combined8020.apply(to: dataset, seed: 1)
    let (training, validation) = (images.training, images.validation)
    #expect(training.count + validation.count == 400 && images.test == nil)
    let pooled = dataset.train.classCounts().enumerated().map {
      $1 + dataset.test.classCounts()[$0]
    }
    for label in 0..<4 {
      #expect(training.classCounts()[label] == pooled[label] * 4 / 5)
    }
    #expect(Split.combined8020.apply(to: dataset, seed: 1).training == training, "seeded")
    #expect(Split.combined8020.apply(to: dataset, seed: 2).training != training, "by the seed")
    let keras = Split.testAsValidation.apply(to: dataset, seed: 1)
    #expect(keras.training == dataset.train && keras.validation == dataset.test)
    #expect(keras.test == nil)
  }

  @Test("holdout validates on 10% of each class of the training images, tests on the test set")
  func holdout() throws {
    let dataset = quadrantDataset()
    let images = Split.holdout.apply(to: dataset, seed: 1)
    #expect(images.test == dataset.test)
    #expect(images.training.count + images.validation.count == dataset.train.count)
    for label in 0..<4 {
      let all = dataset.train.classCounts()[label]
      #expect(images.training.classCounts()[label] == all * 90 / 100)
      #expect(images.validation.classCounts()[label] == all - all * 90 / 100)
    }
    // Disjoint: every training image is used once, in one of the two parts.
    let key = { (part: LabeledImages) in
      (0..<part.count).map { part.image($0).map(String.init).joined(separator: ",") }
    }
    let seen = key(images.training) + key(images.validation)
    try #require(Set(key(dataset.train)).count == dataset.train.count, "noisy images are unique")
    #expect(Set(seen) == Set(key(dataset.train)) && Set(seen).count == seen.count)
    // The same draw for every seed: paired runs validate on the same images.
    #expect(Split.holdout.apply(to: dataset, seed: 2).validation == images.validation)
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
    #expect(Summary([0.9752, 0.9768]).plusMinus(2, scale: 100, unit: "%") == "97.60 ± 0.11%")
  }

  @Test("one value has no spread: a dash, not ± 0")
  func oneValue() {
    #expect(Summary([0.9752]).plusMinus(2, scale: 100, unit: "%") == "97.52% ± —")
    #expect(Summary([0.0815]).plusMinus(4) == "0.0815 ± —")
  }
}
