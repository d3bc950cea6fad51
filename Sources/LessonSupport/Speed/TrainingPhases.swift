import Dispatch
import MNISTData
import NeuralKit

/// Where the time of a training epoch goes, phase by phase: the same step as
/// `Network.trainStep`, written out from public pieces with a clock between them.
///
///     batch conversion   bytes → Float / 255 into the batch (`fillBatch`)
///     forward            every layer's X·W + b and activation, softmax and loss
///     backward           dZ, dW = Xᵀ·dZ, db, dX = dZ·Wᵀ, layer by layer
///     optimizer          Adam's update of every weight and bias
///
///     var phases = TrainingPhases()
///     phases.train(&network, on: images, batchSize: 32, optimizer: &adam, generator: &g)
///     phases.fraction(of: \.forward)   // 0.27, say
///
/// `trainStep` also scans the inputs for NaN (about 1 % of a step); this does not.
public struct TrainingPhases: Sendable, Equatable {
  /// Seconds converting pixels into batches.
  public var batchConversion: Double = 0
  /// Seconds in the forward pass and the loss.
  public var forward: Double = 0
  /// Seconds in the backward pass.
  public var backward: Double = 0
  /// Seconds in the optimizer's update.
  public var optimizer: Double = 0
  /// Steps measured.
  public var steps = 0

  /// No time measured yet.
  public init() {}

  /// All four phases, in seconds.
  public var total: Double { batchConversion + forward + backward + optimizer }

  /// One phase's share of the total, in [0, 1].
  public func fraction(of phase: KeyPath<TrainingPhases, Double>) -> Double {
    total > 0 ? self[keyPath: phase] / total : 0
  }

  // lesson: training-phases
  /// Trains `network` on `images` for one epoch of shuffled batches (the last, shorter
  /// one dropped) or for `steps` batches if given, adding each phase's time.
  public mutating func train<O: Optimizer>(
    _ network: inout Network, on images: LabeledImages, batchSize: Int, optimizer: inout O,
    generator: inout SeededGenerator, steps: Int? = nil
  ) {
    var inputs = Matrix(rows: batchSize, columns: images.pixelsPerImage)
    var labels: [Int] = []
    let batches = images.miniBatches(size: batchSize, generator: &generator, dropLast: true)
    for indices in batches.prefix(steps ?? batches.count) {
      var clock = DispatchTime.now().uptimeNanoseconds
      func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { clock = now }
        return Double(now - clock) / 1e9
      }
      images.fillBatch(indices, into: &inputs, labels: &labels)
      batchConversion += lap()
      let passes = network.forward(inputs)
      let loss = SoftmaxCrossEntropy.evaluate(logits: passes.last!.output, labels: labels)
      forward += lap()
      let gradients = network.backward(loss.dLogits, inputs: inputs, passes: passes)
      backward += lap()
      optimizer.update(&network.layers, with: gradients)
      self.optimizer += lap()
      self.steps += 1
    }
  }
  // end lesson

  /// The floating-point operations of one training step's products for a dense network
  /// of `layerSizes`: forward X·W for every layer, dW for every layer, dX for all but the
  /// first, each 2 × (batch × inputs × outputs).
  ///
  ///     productOperations(layerSizes: [784, 128, 10], batchSize: 32)   // 13 090 816
  public static func productOperations(layerSizes: [Int], batchSize: Int) -> Int {
    var total = 0
    for (index, (inputs, outputs)) in zip(layerSizes, layerSizes.dropFirst()).enumerated() {
      let one = 2 * batchSize * inputs * outputs
      total += index == 0 ? 2 * one : 3 * one
    }
    return total
  }
}
