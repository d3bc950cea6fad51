import Kernels

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
  /// Calls `step(w, g, state)` for W and b of every layer, in that order: the parameters
  /// and their gradient as raw buffers (so the optimizer's loop vectorises), and this
  /// tensor's share of the optimizer's own numbers, `statesPerTensor` arrays of the
  /// tensor's size laid end to end in `state[tensor]` (zeros on the first call).
  func forEachTensor(
    _ layers: inout [Dense], _ gradients: [DenseGradients], state: inout [[Float]],
    statesPerTensor: Int,
    _ step: (TensorBuffer, UnsafeBufferPointer<Float>, TensorBuffer) -> Void
  ) {
    require(
      layers.count == gradients.count,
      "Optimizer: \(gradients.count) gradients for \(layers.count) layers")
    if state.isEmpty {
      state = layers.flatMap {
        [
          [Float](repeating: 0, count: statesPerTensor * $0.weights.count),
          [Float](repeating: 0, count: statesPerTensor * $0.bias.count),
        ]
      }
    }
    for l in layers.indices {
      require(
        gradients[l].dW.rows == layers[l].weights.rows
          && gradients[l].dW.columns == layers[l].weights.columns,
        "Optimizer: layer \(l + 1) has weights \(layers[l].weights.shapeDescription)"
          + " but dW is \(gradients[l].dW.shapeDescription)")
      gradients[l].dW.values.withUnsafeBufferPointer { g in
        layers[l].weights.values.withUnsafeMutableBufferPointer { w in
          state[2 * l].withUnsafeMutableBufferPointer { s in step(w, g, s) }
        }
      }
      gradients[l].db.withUnsafeBufferPointer { g in
        layers[l].bias.withUnsafeMutableBufferPointer { b in
          state[2 * l + 1].withUnsafeMutableBufferPointer { s in step(b, g, s) }
        }
      }
    }
  }
}

/// A tensor's numbers during an optimizer step, as a raw buffer.
typealias TensorBuffer = UnsafeMutableBufferPointer<Float>

extension UnsafeMutableBufferPointer where Element == Float {
  /// The `index`-th of the equal parts of this buffer, `count` numbers long: the running
  /// means an optimizer keeps, laid end to end (Adam: m, then v).
  func part(_ index: Int, length count: Int) -> TensorBuffer {
    TensorBuffer(rebasing: self[index * count..<(index + 1) * count])
  }
}
