import Foundation

/// How a dense layer's starting weights are drawn. Biases always start at 0, as in Keras.
///
///     fan-in  = number of inputs to the layer     (784 for the first MNIST layer)
///     fan-out = number of units in the layer      (128)
///
///     glorotUniform   w ~ U(−l, l),  l = √(6 / (fan-in + fan-out))   Keras' default
///     heUniform       w ~ U(−l, l),  l = √(6 / fan-in)                for ReLU layers
///     uniform(limit)  w ~ U(−limit, limit), whatever the layer size
///     scaledGlorotUniform(factor)   Glorot's l times factor (lesson 07: 4, so that
///                                   σ′(0) · 4 = 1 for a sigmoid layer)
///     zeros           w = 0
///
/// Glorot and He scale the range with the layer size, so a unit's weighted sum starts with
/// about the same spread in every layer. `uniform(limit: 1)` and `zeros` are kept on
/// purpose as the bad choices later lessons show: with 784 inputs, limit 1 makes weighted
/// sums of size ~10, where the sigmoid is flat; zeros make every unit in a layer the same
/// forever.
public enum Initializer: Equatable, Sendable, CustomStringConvertible {
  case glorotUniform
  case heUniform
  case uniform(limit: Float)
  case scaledGlorotUniform(factor: Float)
  case zeros

  /// The half-width l of the uniform range for a layer of this size.
  public func limit(fanIn: Int, fanOut: Int) -> Float {
    switch self {
    case .glorotUniform: return (6 / Float(fanIn + fanOut)).squareRoot()
    case .heUniform: return (6 / Float(fanIn)).squareRoot()
    case .uniform(let limit): return limit
    case .scaledGlorotUniform(let factor):
      return factor * Self.glorotUniform.limit(fanIn: fanIn, fanOut: fanOut)
    case .zeros: return 0
    }
  }

  /// A (fanIn × fanOut) weight matrix, drawn row by row from `generator`.
  public func weights(fanIn: Int, fanOut: Int, generator: inout SeededGenerator) -> Matrix {
    if self == .zeros { return Matrix(rows: fanIn, columns: fanOut) }
    return Matrix(
      rows: fanIn, columns: fanOut, uniformLimit: limit(fanIn: fanIn, fanOut: fanOut),
      generator: &generator)
  }

  public var description: String {
    switch self {
    case .glorotUniform: return "glorot-uniform"
    case .heUniform: return "he-uniform"
    case .uniform(let limit): return "uniform(±\(limit))"
    case .scaledGlorotUniform(let factor):
      return "glorot-uniform×\(String(format: "%g", Double(factor)))"
    case .zeros: return "zeros"
    }
  }
}
