import Testing

@testable import MNISTData
@testable import NeuralKit

@Suite struct OptimizerTests {
  /// One weight w = 0.5 and gradients 0.2, −0.1, 0.4, worked by hand with Keras' formulas
  /// (β₁ = 0.9, β₂ = 0.999, ε = 1e-7, lr = 0.001):
  ///
  ///     t = 1  m = 0.02    v = 0.00004      α = 0.001·√0.001/0.1     = 3.1623e-4
  ///            w = 0.5 − α · 0.02 / (√0.00004 + 1e-7)               = 0.4990000158
  ///     t = 2  m = 0.008   v = 0.00004996   α = 0.001·√0.001999/0.19 = 2.3532e-4
  ///            w = 0.4987336825
  ///     t = 3  m = 0.0472  v = 0.00020991   α = 0.001·√0.002997/0.271 = 2.0201e-4
  ///            w = 0.4980755755
  ///
  /// Float keeps about 7 digits of w ≈ 0.5, so the steps must agree to 1e-7.
  @Test("Adam's first three steps equal the values worked by hand")
  func adamByHand() {
    var layers = [Dense(weights: Matrix([[0.5]]), bias: [0], activation: .identity)]
    var adam = Adam()
    let expected: [Float] = [0.499_000_015_8, 0.498_733_682_5, 0.498_075_575_5]
    for (step, gradient) in [Float(0.2), -0.1, 0.4].enumerated() {
      adam.update(&layers, with: [DenseGradients(dW: Matrix([[gradient]]), db: [0], dX: nil)])
      #expect(abs(layers[0].weights[0, 0] - expected[step]) < 1e-7, "step \(step + 1)")
    }
    #expect(adam.step == 3)
    #expect(layers[0].bias == [0], "a zero gradient leaves the bias where it was")
  }

  /// SGD with momentum 0.9, lr 0.1: v = 0.9·v − 0.1·g, w = w + v.
  ///
  ///     g = 0.2   v = −0.02    w = 0.48
  ///     g = −0.1  v = −0.008   w = 0.472
  ///     g = 0.4   v = −0.0472  w = 0.4248
  @Test("SGD with momentum matches the values worked by hand")
  func sgdMomentumByHand() {
    var layers = [Dense(weights: Matrix([[0.5]]), bias: [1], activation: .identity)]
    var sgd = SGD(learningRate: 0.1, momentum: 0.9)
    let expected: [Float] = [0.48, 0.472, 0.4248]
    for (step, gradient) in [Float(0.2), -0.1, 0.4].enumerated() {
      sgd.update(&layers, with: [DenseGradients(dW: Matrix([[gradient]]), db: [1], dX: nil)])
      #expect(abs(layers[0].weights[0, 0] - expected[step]) < 1e-6, "step \(step + 1)")
    }
    // The bias saw gradient 1 three times: v = −0.1, −0.19, −0.271; b = 1 − 0.561.
    #expect(abs(layers[0].bias[0] - 0.439) < 1e-6)
  }

  @Test("plain SGD takes w − lr·g")
  func plainSGD() {
    var layers = [Dense(weights: Matrix([[1, 2]]), bias: [0, 0], activation: .identity)]
    var sgd = SGD(learningRate: 0.5)
    sgd.update(&layers, with: [DenseGradients(dW: Matrix([[2, -4]]), db: [1, 0], dX: nil)])
    #expect(layers[0].weights == Matrix([[0, 4]]))
    #expect(layers[0].bias == [-0.5, 0])
  }
}
