import Foundation
import Kernels

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
  /// Per tensor (W₁, b₁, W₂, …), m and then v, each the tensor's size.
  private var moments: [[Float]] = []

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
    step += 1
    // Bias correction in Double: β₂ᵗ is 0.999ᵗ, close to 1 for small t.
    let t = Double(step)
    let correction = (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t))
    let alpha = Float(Double(learningRate) * correction)
    let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
    forEachTensor(&layers, gradients, state: &moments, statesPerTensor: 2) { w, g, moments in
      let m = moments.part(0, length: w.count)
      let v = moments.part(1, length: w.count)
      // lesson: adam-update
      parallelLoop(count: w.count) { range in  // large tensors: ranges on both cores
        for i in range {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i]
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
          w[i] -= alpha * m[i] / (v[i].squareRoot() + epsilon)
        }
      }
      // end lesson
    }
  }

  public var summary: String { "adam(lr \(learningRate))" }
}
