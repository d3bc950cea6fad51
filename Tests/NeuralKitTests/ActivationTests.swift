import Testing

@testable import MNISTData
@testable import NeuralKit

@Suite struct ActivationTests {
  static let all: [Activation] = [.sigmoid, .relu, .leakyReLU(alpha: 0.1), .tanh, .identity]

  @Test("sigmoid is finite and exact at the extremes")
  func sigmoidExtremes() {
    for z: Float in [-1000, -100, -88, -20, 0, 20, 88, 100, 1000, -.greatestFiniteMagnitude] {
      #expect(sigmoid(z).isFinite, "σ(\(z)) = \(sigmoid(z))")
      #expect(sigmoidDerivative(z).isFinite, "σ′(\(z)) = \(sigmoidDerivative(z))")
    }
    #expect(sigmoid(0) == 0.5)
    #expect(sigmoid(-1000) == 0)
    #expect(sigmoid(1000) == 1)
    #expect(sigmoidDerivative(0) == 0.25)
  }

  @Test("σ′ is at most 0.25, and symmetric")
  func sigmoidDerivativeBound() {
    for step in -200...200 {
      let z = Float(step) / 10
      #expect(sigmoidDerivative(z) <= 0.25)
      // σ(−z) = 1 − σ(z); in Float, 1 − σ(z) loses digits, so compare to 1e-6.
      #expect(abs(sigmoid(-z) - (1 - sigmoid(z))) < 1e-6)
    }
  }

  @Test("ReLU′(0) = 0, as in TensorFlow and PyTorch; Leaky ReLU′(0) = alpha")
  func derivativesAtZero() {
    #expect(reluDerivative(0) == 0)
    #expect(Activation.relu.derivative(0) == 0)
    #expect(leakyReLUDerivative(0, alpha: 0.01) == 0.01)
    #expect(relu(-3) == 0 && relu(2.5) == 2.5)
    #expect(leakyReLU(-2, alpha: 0.01) == -0.02)
  }

  /// Away from ReLU's corner, each derivative must match the slope of its value. Central
  /// differences in Double with h = 1e-3 on Float functions: Float rounding of the values
  /// (~6e-8) divided by 2h gives ~3e-5 of noise, so 1e-3 is a safe bound.
  @Test("every derivative matches its function's slope", arguments: all)
  func derivativeMatchesSlope(_ activation: Activation) {
    let h: Float = 1e-3
    for z: Float in [-6, -2.5, -1, -0.3, 0.3, 1, 2.5, 6] {
      let slope = (activation.value(z + h) - activation.value(z - h)) / (2 * h)
      #expect(abs(activation.derivative(z) - slope) < 1e-3, "\(activation) at \(z)")
    }
  }

  @Test("apply and backward work element by element", arguments: all)
  func matrixForms(_ activation: Activation) {
    let z = Matrix([[-2, -0.5, 0], [0.5, 2, 7]])
    let upstream = Matrix([[1, 2, 3], [4, 5, 6]])
    let a = activation.apply(z)
    let dz = activation.backward(upstream, preActivation: z, output: a)
    for i in z.values.indices {
      #expect(a.values[i] == activation.value(z.values[i]))
      #expect(abs(dz.values[i] - upstream.values[i] * activation.derivative(z.values[i])) < 1e-6)
    }
  }
}
