import Testing

@testable import MNISTData
@testable import NeuralKit

/// The element-wise operations run as vector loops over raw buffers; these tests check
/// them element by element on shapes whose sizes leave a tail after the last full vector.
@Suite struct MatrixOperationsTests {
  /// 37 elements: four vectors of eight plus a tail of five, and two of sixteen plus five.
  static let positions = [0, 7, 8, 31, 32, 36]

  @Test("isFinite finds a NaN or an infinity wherever it is", arguments: positions)
  func isFiniteFindsEveryNonFinite(_ position: Int) {
    for bad in [Float.nan, .signalingNaN, .infinity, -.infinity] {
      var matrix = Matrix(rows: 1, columns: 37, repeating: 1)
      matrix.values[position] = bad
      #expect(!matrix.isFinite, "\(bad) at element \(position) was not found")
    }
  }

  /// 128 × 784 (a batch of 128 images) is scanned in two halves on the pool: the ends of
  /// both halves and the elements either side of the cut.
  @Test(
    "isFinite on a large matrix finds NaN in either half, and accepts a finite one",
    arguments: [0, 50_175, 50_176, 100_351])
  func isFiniteInHalves(_ position: Int) {
    var matrix = Matrix(rows: 128, columns: 784, repeating: 0.5)
    let finiteBefore = matrix.isFinite  // not inside #expect: it would print all 100 352
    #expect(finiteBefore)
    matrix.values[position] = .nan
    let finiteAfter = matrix.isFinite
    #expect(!finiteAfter, "NaN at element \(position) of 100 352 was not found")
  }

  @Test("isFinite accepts every finite extreme")
  func isFiniteAcceptsExtremes() {
    let extremes: [Float] = [
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
      .leastNormalMagnitude, 0, -0.0, 1,
    ]
    #expect(Matrix(rows: 1, columns: extremes.count, values: extremes).isFinite)
    #expect(Matrix(rows: 0, columns: 3).isFinite, "an empty matrix has nothing non-finite")
  }

  @Test("map, addToEachRow and columnSums equal their definitions", arguments: [(3, 37), (5, 16)])
  func elementwiseOperations(_ rows: Int, _ columns: Int) {
    var generator = SeededGenerator(seed: 21)
    let matrix = Matrix(
      rows: rows, columns: columns,
      values: (0..<rows * columns).map { _ in generator.nextFloat(in: -2, 2) })
    let row = (0..<columns).map { _ in generator.nextFloat(in: -1, 1) }
    let mapped = matrix.map { $0 * $0 - 1 }
    let shifted = matrix.addingToEachRow(row)
    let sums = matrix.columnSums()
    for r in 0..<rows {
      for c in 0..<columns {
        #expect(mapped[r, c] == matrix[r, c] * matrix[r, c] - 1)
        #expect(shifted[r, c] == matrix[r, c] + row[c])
      }
    }
    for c in 0..<columns {
      var sum: Float = 0
      for r in 0..<rows { sum += matrix[r, c] }  // the same order, so the same rounding
      #expect(sums[c] == sum, "column \(c)")
    }
  }
}
