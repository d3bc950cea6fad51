import ExerciseSupport
import Foundation

/// Exercise 05f — an epoch of training, and evaluation (Lessons/05-training.md).
///
/// `trainEpoch`: draw this epoch's `miniBatches` from `generator`; for each batch, in
/// order: the forward pass, the batch's mean loss and how many it classifies right
/// (both before the update), dLogits, the backward pass, and an `adamStep`. Return the
/// epoch's mean loss and accuracy over every image it saw (each batch weighted by its
/// size: what Keras prints as the training loss and accuracy).
///
/// `evaluate`: the mean loss and the accuracy of `network` on every image of a set,
/// changing nothing.
///
/// A prediction is the class with the largest logit (the first one on a tie).
///
/// Example:
///
///     var generator = SeededGenerator(seed: 1)
///     var network = try initialNetwork(layerSizes: [784, 128, 10], activation: .relu,
///                                      generator: &generator)
///     var adam = AdamMemory(startingFor: network)
///     let epoch = try trainEpoch(&network, adam: &adam, inputs: images, labels: labels,
///                                batchSize: 32, learningRate: 0.001, generator: &generator)
///     let test = try evaluate(network, inputs: testImages, labels: testLabels)
///
///     // Every logit 0: softmax gives 1/2 each, a tie that class 0 wins.
///     let even = LearnerNetwork(
///       layers: [LayerParameters(weights: [[0, 0]], bias: [0, 0])], activation: .relu)
///     try evaluate(even, inputs: [[1], [2], [3], [4]], labels: [0, 1, 0, 0])
///     // (loss: 0.6931472, accuracy: 0.75): ln 2, and 3 of 4 right
///
/// What the test checks: after an epoch on small data sets the network, Adam's memory,
/// the loss and the accuracy against NeuralKit's `Trainer` on the same seed; `evaluate`
/// against `Network.evaluate`, including a tie (every logit equal: class 0 wins).
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func trainEpoch(
  _ network: inout LearnerNetwork, adam: inout AdamMemory, inputs: [[Float]], labels: [Int],
  batchSize: Int, learningRate: Float, generator: inout SeededGenerator
) throws -> (loss: Float, accuracy: Double) {
  // TODO: your code here.
  throw NotWrittenYet()
}

/// The mean loss and the accuracy of `network` on a whole set (exercise 05f).
func evaluate(_ network: LearnerNetwork, inputs: [[Float]], labels: [Int]) throws -> (
  loss: Float, accuracy: Double
) {
  // TODO: your code here.
  throw NotWrittenYet()
}
