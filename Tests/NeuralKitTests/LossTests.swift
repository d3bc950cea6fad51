import Foundation
import Testing

@testable import MNISTData
@testable import NeuralKit

@Suite struct LossTests {
  @Test("softmax rows sum to 1 and stay finite for logits of ±1e4")
  func softmaxStable() {
    let logits = Matrix([[1e4, -1e4, 0], [1000, 1001, 1002], [-1e4, -1e4, -1e4], [0, 0, 0]])
    let p = softmax(logits)
    #expect(p.isFinite)
    for r in 0..<p.rows {
      // Three Float terms: rounding leaves the sum within a few ulps of 1.
      #expect(abs(p.row(r).reduce(0, +) - 1) < 1e-6)
    }
    #expect(p[0, 0] == 1)
    #expect(abs(p[2, 1] - 1.0 / 3) < 1e-6)
    #expect(softmax([1000, 1001, 1002]) == softmax([0, 1, 2]))
  }

  @Test("the loss stays finite for logits of ±1e4, even when the label is the loser")
  func crossEntropyStable() {
    let logits = Matrix([[1e4, -1e4], [-1e4, 1e4]])
    let result = SoftmaxCrossEntropy.evaluate(logits: logits, labels: [1, 1])
    #expect(result.loss.isFinite)
    #expect(abs(result.loss - 1e4) < 1)  // row 0 contributes 2e4, row 1 contributes 0
    #expect(result.dLogits.isFinite)
  }

  @Test("ten equal logits give loss ln 10")
  func uniformGuess() {
    let result = SoftmaxCrossEntropy.evaluate(
      logits: Matrix(rows: 4, columns: 10), labels: [0, 3, 9, 5])
    #expect(abs(result.loss - Float(log(10.0))) < 1e-6)
  }

  /// dLogits = (p − onehot(y)) / B against central differences of the Double loss.
  @Test("dLogits matches finite differences, 1/batch included")
  func gradientMatchesFiniteDifferences() {
    var generator = SeededGenerator(seed: 9)
    let logits = Matrix(
      rows: 3, columns: 4, values: (0..<12).map { _ in generator.nextFloat(in: -3, 3) })
    let labels = [2, 0, 3]
    let analytic = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels).dLogits
    let numeric = GradientCheck.numericalGradient(
      of: { values in
        (0..<3).reduce(0.0) { total, r in
          let row = Array(values[r * 4..<(r + 1) * 4])
          let largest = row.max()!
          return total + largest + log(row.reduce(0) { $0 + exp($1 - largest) }) - row[labels[r]]
        } / 3
      }, at: logits.values.map(Double.init))
    let comparison = TensorComparison(
      name: "dLogits", actual: analytic.values.map(Double.init), expected: numeric,
      tolerance: GradientCheck.tolerance)
    #expect(comparison.passed, "\(comparison.row)")
  }

  @Test("cross-entropy of one example is −log p")
  func crossEntropyOfOne() {
    #expect(abs(crossEntropy(probabilities: [0.1, 0.7, 0.2], label: 1) - 0.356_675) < 1e-6)
  }
}
