import Testing

@testable import MNISTData
@testable import NeuralKit

@Suite struct TensorComparisonTests {
  @Test("a close tensor passes and prints one aligned row")
  func passing() {
    let row = TensorComparison(
      name: "dW2", actual: [Double](arrayLiteral: 1.0, 2.0), expected: [1.0, 2.000_000_03],
      tolerance: Tolerance(absolute: 1e-6))
    #expect(row.passed)
    #expect(row.row == "dW2    max|Δ| 3.0e-08   of max 2.0e+00   ok")
  }

  @Test("a far tensor fails, names its bound and where it is worst")
  func failing() {
    let row = TensorComparison(
      name: "db1", actual: [Double](arrayLiteral: 0, 5, 1), expected: [0, 4, 1],
      tolerance: Tolerance(absolute: 1e-3, relative: 0.1))
    #expect(!row.passed)
    #expect(row.worstIndex == 1)
    #expect(row.row.hasSuffix("✗ over 4.0e-01"))
  }

  @Test("equal infinities agree; infinity against a number does not")
  func infinities() {
    let same = TensorComparison(
      name: "p", actual: [Double.infinity, -1], expected: [.infinity, -1],
      tolerance: Tolerance(absolute: 0))
    #expect(same.passed)
    let far = TensorComparison(
      name: "p", actual: [Double.infinity], expected: [1], tolerance: Tolerance(absolute: 1e9))
    #expect(!far.passed)
  }

  @Test("NaN never passes")
  func nanFails() {
    let row = TensorComparison(
      name: "dX", actual: [Double.nan], expected: [1], tolerance: Tolerance(absolute: 1e9))
    #expect(!row.passed)
  }
}
