import Foundation
import TestSupport
import Testing

@testable import MNISTData
@testable import NeuralKit

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
