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
///     phases.activationShare   // 0.02 with ReLU, say
///
/// Shares are of the median step: each phase's median over the steps. On a shared
/// machine another program sometimes takes the core in the middle of a phase; a mean
/// would add that wait to the phase, the median counts the step once, as one value.
///
/// The weights after each step are bit for bit those of `trainStep` (a test checks it);
/// `trainStep` also scans the inputs for NaN (about 1 % of a step), which this does not.
public struct TrainingPhases: Sendable, Equatable {
  /// The parts of a step, in the order a step runs them.
  public enum Phase: Int, CaseIterable, Sendable {
    case batchConversion, forwardProducts, activation, softmaxAndLoss
    case activationBackward, backwardProducts, optimizer

    /// The name the lesson prints.
    public var name: String {
      switch self {
      case .batchConversion: "batch conversion"
      case .forwardProducts: "forward products"
      case .activation: "activation"
      case .softmaxAndLoss: "softmax and loss"
      case .activationBackward: "activation backward"
      case .backwardProducts: "backward products"
      case .optimizer: "optimizer"
      }
    }
  }

  /// Seconds of every phase, one array per step measured, in `Phase` order.
  public private(set) var stepTimes: [[Double]] = []

  /// No time measured yet.
  public init() {}

  /// Steps measured.
  public var steps: Int { stepTimes.count }

  /// Adds one step's seconds, one per phase in `Phase` order.
  public mutating func record(_ seconds: [Double]) {
    precondition(
      seconds.count == Phase.allCases.count,
      "TrainingPhases: \(seconds.count) times for \(Phase.allCases.count) phases")
    stepTimes.append(seconds)
  }

  /// Seconds of all steps, every phase: the wall time measured.
  public var totalSeconds: Double { stepTimes.reduce(0) { $0 + $1.reduce(0, +) } }

  /// A phase's median over the steps, in seconds (0 before the first step); for an even
  /// count, the mean of the middle two.
  ///
  ///     steps of 3, 1, 2 and 9 µs → 2.5 µs
  public func median(_ phase: Phase) -> Double {
    let sorted = stepTimes.map { $0[phase.rawValue] }.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The median step: the sum of every phase's median, in seconds.
  public var medianStep: Double { Phase.allCases.reduce(0) { $0 + median($1) } }

  /// One phase's share of the median step, in [0, 1]; the shares add up to 1.
  public func share(of phase: Phase) -> Double {
    medianStep > 0 ? median(phase) / medianStep : 0
  }

  /// The activation's share of the median step, forward and backward together:
  ///
  ///     (median activation + median activation backward) / median step
  public var activationShare: Double { share(of: .activation) + share(of: .activationBackward) }

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

  /// One training step on the images at `indices`, each phase timed. `inputs` and
  /// `labels` are reused from step to step.
  public mutating func step<O: Optimizer>(
    _ network: inout Network, on images: LabeledImages, indices: [Int],
    inputs: inout Matrix, labels: inout [Int], optimizer: inout O
  ) {
    var seconds = [Double](repeating: 0, count: Phase.allCases.count)
    var clock = DispatchTime.now().uptimeNanoseconds
    func lap(_ phase: Phase) {  // the time since the last lap goes to `phase`
      let now = DispatchTime.now().uptimeNanoseconds
      seconds[phase.rawValue] += Double(now - clock) / 1e9
      clock = now
    }
    images.fillBatch(indices, into: &inputs, labels: &labels)
    lap(.batchConversion)
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
        lap(.forwardProducts)
        outputs.append(layer.activation.apply(products.last!.preActivation))
        layerInputs.append(outputs.last!)
        lap(.activation)
      }
      let loss = SoftmaxCrossEntropy.evaluate(logits: outputs.last!, labels: labels)
      lap(.softmaxAndLoss)
      var dOutput = loss.dLogits  // dA of the last layer, (batch, classes)
      for l in network.layers.indices.reversed() {
        let dZ = network.layers[l].activation.backward(
          dOutput, preActivation: products[l].preActivation, output: outputs[l])
        lap(.activationBackward)
        let layerGradients = linear[l].backward(
          dZ, inputs: layerInputs[l], forward: products[l], needsInputGradient: l > 0)
        gradients.insert(layerGradients, at: 0)
        if let dX = layerGradients.dX { dOutput = dX }
        lap(.backwardProducts)
      }
    }
    optimizer.update(&network.layers, with: gradients)
    lap(.optimizer)
    record(seconds)
  }

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
