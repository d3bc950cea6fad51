import Dispatch
import MNISTData
import NeuralKit

/// Where the time of a training step goes, phase by phase: the same step as
/// `Network.trainStep`, written out from public pieces with a clock between them.
///
///     batch conversion     bytes → Float / 255 into the batch (`fillBatch`)
///     forward products     Z = X·W + b, every layer
///     activation           A = f(Z), every hidden layer
///     softmax and loss     probabilities, cross-entropy, dLogits
///     activation backward  dZ = dA ⊙ f′(Z), every hidden layer
///     backward products    dW = Xᵀ·dZ, db, dX = dZ·Wᵀ, layer by layer
///     optimizer            the update of every weight and bias
///
///     var phases = TrainingPhases()
///     phases.train(&network, on: images, batchSize: 32, optimizer: &adam, generator: &g)
///     phases.activationFraction   // 0.02 with ReLU, say
///
/// The weights after each step are bit for bit those of `trainStep` (a test checks it);
/// `trainStep` also scans the inputs for NaN (about 1 % of a step), which this does not.
public struct TrainingPhases: Sendable, Equatable {
  /// Seconds converting pixels into batches.
  public var batchConversion: Double = 0
  /// Seconds in the forward products and bias additions.
  public var forwardProducts: Double = 0
  /// Seconds applying the hidden layers' activation.
  public var activation: Double = 0
  /// Seconds in softmax, the loss and its gradient.
  public var softmaxAndLoss: Double = 0
  /// Seconds multiplying by the activation's derivative.
  public var activationBackward: Double = 0
  /// Seconds in the backward products and bias sums.
  public var backwardProducts: Double = 0
  /// Seconds in the optimizer's update.
  public var optimizer: Double = 0
  /// Steps measured.
  public var steps = 0

  /// No time measured yet.
  public init() {}

  /// The phases in the order a step runs them, with the names the lesson prints.
  public static var phases: [(name: String, seconds: KeyPath<TrainingPhases, Double>)] {
    [
      ("batch conversion", \.batchConversion), ("forward products", \.forwardProducts),
      ("activation", \.activation), ("softmax and loss", \.softmaxAndLoss),
      ("activation backward", \.activationBackward), ("backward products", \.backwardProducts),
      ("optimizer", \.optimizer),
    ]
  }

  /// All phases, in seconds.
  public var total: Double { Self.phases.reduce(0) { $0 + self[keyPath: $1.seconds] } }

  /// One phase's share of the total, in [0, 1].
  public func fraction(of phase: KeyPath<TrainingPhases, Double>) -> Double {
    total > 0 ? self[keyPath: phase] / total : 0
  }

  /// The activation's share of a step, forward and backward together, in [0, 1]:
  ///
  ///     (activation + activation backward) / total
  public var activationFraction: Double {
    total > 0 ? (activation + activationBackward) / total : 0
  }

  /// Seconds per step of a phase (0 before the first step).
  public func perStep(_ phase: KeyPath<TrainingPhases, Double>) -> Double {
    steps > 0 ? self[keyPath: phase] / Double(steps) : 0
  }

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
      step(
        &network, on: images, indices: indices, inputs: &inputs, labels: &labels,
        optimizer: &optimizer)
    }
  }

  // lesson: training-phases
  /// One training step on the images at `indices`, each phase timed. `inputs` and
  /// `labels` are reused from step to step.
  public mutating func step<O: Optimizer>(
    _ network: inout Network, on images: LabeledImages, indices: [Int],
    inputs: inout Matrix, labels: inout [Int], optimizer: inout O
  ) {
    var clock = DispatchTime.now().uptimeNanoseconds
    func lap() -> Double {
      let now = DispatchTime.now().uptimeNanoseconds
      defer { clock = now }
      return Double(now - clock) / 1e9
    }
    images.fillBatch(indices, into: &inputs, labels: &labels)
    batchConversion += lap()
    var gradients: [DenseGradients] = []
    do {  // the layers' copies below end here, before the optimizer changes the weights
      // Each layer without its activation: forward is X·W + b, backward dW, db, dX.
      let linear = network.layers.map {
        Dense(weights: $0.weights, bias: $0.bias, activation: .identity)
      }
      var layerInputs = [inputs]  // X of every layer
      var products: [DenseForward] = []  // Z of every layer
      var outputs: [Matrix] = []  // A = f(Z) of every layer
      for (layer, plain) in zip(network.layers, linear) {
        products.append(plain.forward(layerInputs.last!))  // (batch, out)
        forwardProducts += lap()
        outputs.append(layer.activation.apply(products.last!.preActivation))
        layerInputs.append(outputs.last!)
        activation += lap()
      }
      let loss = SoftmaxCrossEntropy.evaluate(logits: outputs.last!, labels: labels)
      softmaxAndLoss += lap()
      var dOutput = loss.dLogits  // dA of the last layer, (batch, classes)
      for l in network.layers.indices.reversed() {
        let dZ = network.layers[l].activation.backward(
          dOutput, preActivation: products[l].preActivation, output: outputs[l])
        activationBackward += lap()
        let layerGradients = linear[l].backward(
          dZ, inputs: layerInputs[l], forward: products[l], needsInputGradient: l > 0)
        gradients.insert(layerGradients, at: 0)
        if let dX = layerGradients.dX { dOutput = dX }
        backwardProducts += lap()
      }
    }
    optimizer.update(&network.layers, with: gradients)
    self.optimizer += lap()
    steps += 1
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
