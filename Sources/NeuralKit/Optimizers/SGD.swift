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
  private var velocities: [[Float]] = []

  /// Plain SGD (momentum 0) or SGD with momentum; Keras' default rate is 0.01.
  public init(learningRate: Float = 0.01, momentum: Float = 0) {
    require(learningRate > 0, "SGD: learning rate must be positive, got \(learningRate)")
    require((0..<1).contains(momentum), "SGD: momentum must be in [0, 1), got \(momentum)")
    self.learningRate = learningRate
    self.momentum = momentum
  }

  public mutating func update(_ layers: inout [Dense], with gradients: [DenseGradients]) {
    let lr = learningRate
    let mu = momentum
    if mu == 0 {
      forEachTensor(&layers, gradients) { _, w, g in
        for i in w.indices { w[i] -= lr * g[i] }
      }
      return
    }
    if velocities.isEmpty {
      velocities = layers.flatMap {
        [
          [Float](repeating: 0, count: $0.weights.count),
          [Float](repeating: 0, count: $0.bias.count),
        ]
      }
    }
    var velocities = self.velocities
    self.velocities = []  // hand the storage over: no copy on write
    forEachTensor(&layers, gradients) { index, w, g in
      velocities[index].withUnsafeMutableBufferPointer { v in
        for i in w.indices {
          v[i] = mu * v[i] - lr * g[i]
          w[i] += v[i]
        }
      }
    }
    self.velocities = velocities
  }

  public var summary: String {
    momentum == 0 ? "sgd(lr \(learningRate))" : "sgd(lr \(learningRate), momentum \(momentum))"
  }
}
