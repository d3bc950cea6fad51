import Foundation

/// Adam (Kingma and Ba, 2015) with Keras' defaults and Keras' form of the update.
///
///     t ← t + 1
///     m ← β₁ · m + (1 − β₁) · g             running mean of gradients
///     v ← β₂ · v + (1 − β₂) · g²            running mean of squared gradients
///     α ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)       bias correction: m, v start at 0
///     w ← w − α · m / (√v + ε)
///
/// Defaults lr = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7 (Keras; PyTorch uses ε = 1e-8 and
/// adds ε after correcting v, a difference invisible in accuracy). Each weight gets its
/// own step size: about lr in the first steps, whatever the size of its gradient.
///
///     var optimizer = Adam()                       // lr 0.001
///     var optimizer = Adam(learningRate: 0.0005)
public struct Adam: Optimizer {
  /// Step size lr (Keras: 0.001).
  public var learningRate: Float
  /// Decay of the running mean of gradients, β₁ (0.9).
  public var beta1: Float
  /// Decay of the running mean of squared gradients, β₂ (0.999).
  public var beta2: Float
  /// ε, added to √v so a weight with tiny gradients does not take huge steps (1e-7).
  public var epsilon: Float
  /// Steps taken so far: t in the formulas.
  public private(set) var step = 0
  private var firstMoments: [[Float]] = []
  private var secondMoments: [[Float]] = []

  /// Adam with Keras' defaults, or the values given.
  public init(
    learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7
  ) {
    require(learningRate > 0, "Adam: learning rate must be positive, got \(learningRate)")
    require((0..<1).contains(beta1), "Adam: beta1 must be in [0, 1), got \(beta1)")
    require((0..<1).contains(beta2), "Adam: beta2 must be in [0, 1), got \(beta2)")
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  public mutating func update(_ layers: inout [Dense], with gradients: [DenseGradients]) {
    if firstMoments.isEmpty {
      let zeros = layers.flatMap {
        [
          [Float](repeating: 0, count: $0.weights.count),
          [Float](repeating: 0, count: $0.bias.count),
        ]
      }
      firstMoments = zeros
      secondMoments = zeros
    }
    step += 1
    // Bias correction in Double: β₂ᵗ is 0.999ᵗ, close to 1 for small t.
    let t = Double(step)
    let correction = (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t))
    let alpha = Float(Double(learningRate) * correction)
    let (b1, b2, eps) = (beta1, beta2, epsilon)
    var m = firstMoments
    var v = secondMoments
    firstMoments = []  // hand the storage over: no copy on write
    secondMoments = []
    forEachTensor(&layers, gradients) { index, w, g in
      m[index].withUnsafeMutableBufferPointer { m in
        v[index].withUnsafeMutableBufferPointer { v in
          let tensor = AdamTensor(w: w, g: g, m: m, v: v)
          // Seven numbers read or written per weight (g, m, v, w): ~45 µs on one core
          // for the 100,352 weights of a 784 × 128 layer, bound by memory (the same
          // loop without its square root and division took as long). Large tensors are
          // shared with the worker pool in independent ranges (the result is the same
          // whoever computes a range).
          let chunks = w.count >= 1 << 15 ? 8 : 1
          let chunk = (w.count + chunks - 1) / chunks
          let update = { (part: Int) in
            for i in part * chunk..<min((part + 1) * chunk, tensor.w.count) {
              tensor.m[i] = b1 * tensor.m[i] + (1 - b1) * tensor.g[i]
              tensor.v[i] = b2 * tensor.v[i] + (1 - b2) * tensor.g[i] * tensor.g[i]
              tensor.w[i] -= alpha * tensor.m[i] / (tensor.v[i].squareRoot() + eps)
            }
          }
          if chunks > 1 {
            WorkerPool.shared.run(units: chunks, update)
          } else {
            update(0)
          }
        }
      }
    }
    firstMoments = m
    secondMoments = v
  }

  public var summary: String { "adam(lr \(learningRate))" }
}

/// One tensor's buffers during an Adam step, handed to the worker pool: each unit writes
/// only its own range of w, m and v.
private struct AdamTensor: @unchecked Sendable {
  let w: UnsafeMutableBufferPointer<Float>
  let g: UnsafeBufferPointer<Float>
  let m: UnsafeMutableBufferPointer<Float>
  let v: UnsafeMutableBufferPointer<Float>
}
