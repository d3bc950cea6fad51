import Kernels

/// Stochastic gradient descent, with optional momentum, as Keras' `SGD`.
///
///     without momentum   w ← w − lr · g
///     with momentum μ    v ← μ · v − lr · g
///                        w ← w + v           v starts at 0
///
///     var optimizer = SGD(learningRate: 0.01)
public struct SGD: Optimizer {
  /// Step size lr.
  public var learningRate: Float
  /// Momentum μ in [0, 1); 0 is plain SGD.
  public var momentum: Float
  /// Per tensor, the velocity v (empty without momentum).
  private var velocities: [[Float]] = []

  /// Plain SGD (momentum 0) or SGD with momentum; Keras' default rate is 0.01.
  public init(learningRate: Float = 0.01, momentum: Float = 0) {
    require(learningRate > 0, "SGD: learning rate must be positive, got \(learningRate)")
    require((0..<1).contains(momentum), "SGD: momentum must be in [0, 1), got \(momentum)")
    self.learningRate = learningRate
    self.momentum = momentum
  }

  public mutating func update(_ layers: inout [Dense], with gradients: [DenseGradients]) {
    let (learningRate, momentum) = (self.learningRate, self.momentum)
    let statesPerTensor = momentum == 0 ? 0 : 1
    forEachTensor(&layers, gradients, state: &velocities, statesPerTensor: statesPerTensor) {
      w, g, v in  // v is empty without momentum
      parallelLoop(count: w.count) { range in  // large tensors: ranges on both cores
        for i in range {
          if momentum == 0 {
            w[i] -= learningRate * g[i]
          } else {
            v[i] = momentum * v[i] - learningRate * g[i]
            w[i] += v[i]
          }
        }
      }
    }
  }

  public var summary: String {
    momentum == 0 ? "sgd(lr \(learningRate))" : "sgd(lr \(learningRate), momentum \(momentum))"
  }
}
