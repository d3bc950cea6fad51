import Foundation

/// The function a layer applies to each unit's weighted sum, with its derivative.
///
///     Dense(inputs: 784, outputs: 128, activation: .relu, ...)
///
/// `.identity` leaves the sum unchanged: the output layer uses it and hands its logits to
/// softmax (see `SoftmaxCrossEntropy`).
public enum Activation: Equatable, Sendable, CustomStringConvertible {
  /// σ(z) = 1 / (1 + e^(−z)), see `sigmoid(_:)`.
  case sigmoid
  /// max(0, z), see `relu(_:)`.
  case relu
  /// z if z > 0, else alpha · z, see `leakyReLU(_:alpha:)`. Defaults differ: Keras'
  /// `LeakyReLU` layer uses 0.3, its `leaky_relu` function (like `tf.nn.leaky_relu`)
  /// 0.2, PyTorch 0.01.
  case leakyReLU(alpha: Float)
  /// tanh(z) = 2σ(2z) − 1: like the sigmoid but centred on 0, slope 1 at 0.
  case tanh
  /// z unchanged.
  case identity

  /// The activation of one weighted sum z.
  public func value(_ z: Float) -> Float {
    switch self {
    case .sigmoid: return NeuralKit.sigmoid(z)
    case .relu: return NeuralKit.relu(z)
    case .leakyReLU(let alpha): return NeuralKit.leakyReLU(z, alpha: alpha)
    case .tanh: return Foundation.tanh(z)
    case .identity: return z
    }
  }

  /// The slope at the weighted sum z.
  ///
  ///     tanh′(z) = 1 − tanh²(z)
  public func derivative(_ z: Float) -> Float {
    switch self {
    case .sigmoid: return sigmoidDerivative(z)
    case .relu: return reluDerivative(z)
    case .leakyReLU(let alpha): return leakyReLUDerivative(z, alpha: alpha)
    case .tanh:
      let t = Foundation.tanh(z)
      return 1 - t * t
    case .identity: return 1
    }
  }

  /// The activation applied to every element: A = f(Z).
  public func apply(_ preActivation: Matrix) -> Matrix {
    switch self {  // one switch per matrix, not per element
    case .sigmoid: return preActivation.map(NeuralKit.sigmoid)
    case .relu: return preActivation.map(NeuralKit.relu)
    case .leakyReLU(let alpha): return preActivation.map { NeuralKit.leakyReLU($0, alpha: alpha) }
    case .tanh: return preActivation.map(Foundation.tanh)
    case .identity: return preActivation
    }
  }

  /// The chain rule through the activation: dZ = dA ⊙ f′(Z), element by element.
  ///
  /// The sigmoid and tanh derivatives are written with the forward pass's output A, which
  /// is already computed: σ′ = A(1 − A), tanh′ = 1 − A². Recomputing σ(Z) would call
  /// `exp` again for every unit of every example.
  public func backward(_ dActivation: Matrix, preActivation: Matrix, output: Matrix) -> Matrix {
    switch self {
    case .sigmoid: return dActivation.combined(with: output) { $0 * $1 * (1 - $1) }
    case .relu: return dActivation.combined(with: preActivation) { $1 > 0 ? $0 : 0 }
    case .leakyReLU(let alpha):
      return dActivation.combined(with: preActivation) { $1 > 0 ? $0 : alpha * $0 }
    case .tanh: return dActivation.combined(with: output) { $0 * (1 - $1 * $1) }
    case .identity: return dActivation
    }
  }

  /// The short name used in descriptions and tables: `relu`, `sigmoid`, `leaky-relu(0.01)`.
  public var description: String {
    switch self {
    case .sigmoid: return "sigmoid"
    case .relu: return "relu"
    case .leakyReLU(let alpha): return "leaky-relu(\(alpha))"
    case .tanh: return "tanh"
    case .identity: return "identity"
    }
  }
}
