/// Something that changes a network's weights using their gradients, one step per batch.
///
/// The optimizer keeps its own state (momentum, Adam's running averages) per tensor, in
/// the order the layers are given: W of layer 1, b of layer 1, W of layer 2, …
public protocol Optimizer: Sendable {
  /// Moves every layer's weights and biases one step against its gradient.
  mutating func update(_ layers: inout [Dense], with gradients: [DenseGradients])
  /// A short description for tables: `adam(lr 0.001)`.
  var summary: String { get }
}

extension Optimizer {
  /// Calls `step(tensorIndex, parameters, gradient)` for W and b of every layer, with raw
  /// buffers so the inner loops vectorise, and with subnormal numbers flushed to zero
  /// (`withSubnormalsFlushed`): a running mean that decays through them cost Adam's loop
  /// up to 1.75× the time.
  func forEachTensor(
    _ layers: inout [Dense], _ gradients: [DenseGradients],
    _ step: (Int, UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void
  ) {
    require(
      layers.count == gradients.count,
      "Optimizer: \(gradients.count) gradients for \(layers.count) layers")
    withSubnormalsFlushed {
      for l in layers.indices {
        require(
          gradients[l].dW.rows == layers[l].weights.rows
            && gradients[l].dW.columns == layers[l].weights.columns,
          "Optimizer: layer \(l + 1) has weights \(layers[l].weights.shapeDescription)"
            + " but dW is \(gradients[l].dW.shapeDescription)")
        gradients[l].dW.values.withUnsafeBufferPointer { g in
          layers[l].weights.values.withUnsafeMutableBufferPointer { p in step(2 * l, p, g) }
        }
        gradients[l].db.withUnsafeBufferPointer { g in
          layers[l].bias.withUnsafeMutableBufferPointer { p in step(2 * l + 1, p, g) }
        }
      }
    }
  }
}
