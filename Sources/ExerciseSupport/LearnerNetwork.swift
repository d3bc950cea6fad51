import NeuralKit

// The types of the network you build in exercises/05-training, on plain arrays: what
// your functions take and return, so that the lesson programs can call them
// (`swift run lesson05-training --engine yours`). Nothing here computes anything.

/// The package's seeded random number generator (xoshiro256**), the one NeuralKit draws
/// its weights and batch orders from: the same seed gives your network the same numbers.
///
///     var generator = SeededGenerator(seed: 1)
///     generator.nextFloat(in: -0.1, 0.1)   // a Float in [−0.1, 0.1)
///     generator.nextInt(below: 10)         // an Int in 0..<10
public typealias SeededGenerator = NeuralKit.SeededGenerator

/// One dense layer's numbers: W (inputs × outputs) and b (outputs).
///
///     LayerParameters(weights: [[0.5, -0.5], [0.25, 1]], bias: [0.1, -0.1])
///     // 2 inputs → 2 units
public struct LayerParameters: Equatable, Sendable {
  /// W, one row per input, one column per unit.
  public var weights: [[Float]]
  /// b, one per unit.
  public var bias: [Float]

  /// A layer with the given weights and biases.
  public init(weights: [[Float]], bias: [Float]) {
    self.weights = weights
    self.bias = bias
  }

  /// The same shapes, every number 0: Adam's m and v before the first step.
  public var zeros: LayerParameters {
    LayerParameters(
      weights: weights.map { [Float](repeating: 0, count: $0.count) },
      bias: [Float](repeating: 0, count: bias.count))
  }
}

/// The activation of the hidden layers. The output layer has none: its outputs are the
/// logits, which go through softmax with the loss.
public enum HiddenActivation: Equatable, Sendable, CustomStringConvertible {
  /// max(0, z): `relu` (exercise 02).
  case relu
  /// 1 / (1 + e^(−z)): `sigmoid` (exercise 01).
  case sigmoid
  /// z if z > 0, else alpha · z: `leakyReLU` (exercise 02).
  case leakyReLU(alpha: Float)
  /// tanh(z), Foundation's `tanh`; its slope is 1 − tanh²(z).
  case tanh

  /// `relu`, `sigmoid`, `leaky-relu(0.01)`, `tanh`.
  public var description: String {
    switch self {
    case .relu: return "relu"
    case .sigmoid: return "sigmoid"
    case .leakyReLU(let alpha): return "leaky-relu(\(alpha))"
    case .tanh: return "tanh"
    }
  }
}

/// A network of your own: dense layers, input side first; every layer but the last uses
/// `activation`, the last one's outputs are the logits.
///
///     layers[0]: 784 → 128, activation      layers[1]: 128 → 10, logits
public struct LearnerNetwork: Equatable, Sendable {
  /// The layers, input side first.
  public var layers: [LayerParameters]
  /// The hidden layers' activation.
  public var activation: HiddenActivation

  /// A network of the given layers.
  public init(layers: [LayerParameters], activation: HiddenActivation) {
    self.layers = layers
    self.activation = activation
  }

  /// `[784, 128, 10]`: inputs, then each layer's units.
  public var layerSizes: [Int] {
    guard let first = layers.first else { return [] }
    return [first.weights.count] + layers.map(\.bias.count)
  }
}

/// What a forward pass keeps for the backward pass, per layer, first layer first (each a
/// matrix of one row per example): Z = X·W + b and A = f(Z). The last layer has no
/// activation: its A is its Z, the logits.
public struct ForwardPass: Equatable, Sendable {
  /// Z of every layer.
  public var preActivations: [[[Float]]]
  /// A of every layer; the last is the logits.
  public var activations: [[[Float]]]

  /// A pass with the given Z and A per layer.
  public init(preActivations: [[[Float]]], activations: [[[Float]]]) {
    self.preActivations = preActivations
    self.activations = activations
  }

  /// The logits: the last layer's outputs, (batch × classes).
  public var logits: [[Float]] { activations.last ?? [] }
}

/// One layer's gradients: dW shaped like W, db like b.
public struct LayerGradients: Equatable, Sendable {
  /// ∂loss/∂W, (inputs × outputs).
  public var dW: [[Float]]
  /// ∂loss/∂b, (outputs).
  public var db: [Float]

  /// Gradients with the given values.
  public init(dW: [[Float]], db: [Float]) {
    self.dW = dW
    self.db = db
  }
}

/// What Adam remembers between steps: per layer, m and v shaped like its weights and
/// biases, and t, the number of steps taken so far.
///
///     var adam = AdamMemory(startingFor: network)   // m = v = 0, step 0
public struct AdamMemory: Equatable, Sendable {
  /// m, the running mean of the gradients, per layer.
  public var m: [LayerParameters]
  /// v, the running mean of the squared gradients, per layer.
  public var v: [LayerParameters]
  /// t: steps taken so far; 0 before the first.
  public var step: Int

  /// A memory with the given values.
  public init(m: [LayerParameters], v: [LayerParameters], step: Int) {
    self.m = m
    self.v = v
    self.step = step
  }

  /// The memory before the first step: m and v shaped like `network`, all 0; step 0.
  public init(startingFor network: LearnerNetwork) {
    let zeros = network.layers.map(\.zeros)
    self.init(m: zeros, v: zeros, step: 0)
  }
}
