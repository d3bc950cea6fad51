import Kernels
import Testing

@testable import MNISTData
@testable import NeuralKit

/// The fast product against the textbook definition, on shapes chosen to hit every edge:
/// tiles of 6 × 16 that do not divide the shape, k longer than one 256 block, a single
/// element, the network's own shapes, all three transpose forms, accumulation, threads.
@Suite struct MatrixProductTests {
  /// (m, k, n) triples. 33 × 785 crosses a k block; 129 × 10 has a ragged 16-column strip.
  static let shapes: [(Int, Int, Int)] = [
    (1, 1, 1), (7, 13, 5), (6, 16, 16), (5, 17, 33), (33, 785, 17), (129, 10, 31),
    (32, 784, 128), (13, 300, 10), (97, 64, 128), (2, 513, 48),
  ]

  @Test("A·B matches the definition", arguments: shapes.indices)
  func plainProduct(_ index: Int) {
    let (m, k, n) = Self.shapes[index]
    var generator = SeededGenerator(seed: UInt64(index))
    let a = Matrix(rows: m, columns: k, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: k, columns: n, uniformLimit: 1, generator: &generator)
    expectClose(a.multiplied(by: b), reference(a, b), a, b)
    #expect(Matrix.naiveProduct(a, b).maxAbsoluteDifference(from: reference(a, b)) <= 1e-3)
  }

  @Test("Aᵀ·B and A·Bᵀ match the definition", arguments: shapes.indices)
  func transposedProducts(_ index: Int) {
    let (m, k, n) = Self.shapes[index]
    var generator = SeededGenerator(seed: 100 + UInt64(index))
    // A stored transposed: k × m.
    let aT = Matrix(rows: k, columns: m, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: k, columns: n, uniformLimit: 1, generator: &generator)
    expectClose(aT.transposedMultiplied(by: b), reference(aT.transposed(), b), aT, b)
    let a = Matrix(rows: m, columns: k, uniformLimit: 1, generator: &generator)
    let bT = Matrix(rows: n, columns: k, uniformLimit: 1, generator: &generator)
    expectClose(a.multiplied(byTransposed: bT), reference(a, bT.transposed()), a, bT)
  }

  @Test("accumulating adds to what C held; two threads give the same numbers")
  func accumulateAndThreads() {
    var generator = SeededGenerator(seed: 7)
    let a = Matrix(rows: 200, columns: 300, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: 300, columns: 40, uniformLimit: 1, generator: &generator)
    let start = Matrix(rows: 200, columns: 40, uniformLimit: 1, generator: &generator)
    var c = start
    Matrix.multiply(a, b, into: &c, accumulating: true)
    expectClose(c, reference(a, b) + start, a, b)
    var oneCore = Matrix(rows: 200, columns: 40)
    var twoCores = Matrix(rows: 200, columns: 40)
    Matrix.multiply(a, b, into: &oneCore, threads: 1)
    Matrix.multiply(a, b, into: &twoCores, threads: 2)
    #expect(oneCore == twoCores, "splitting rows across threads must not change any sum")
  }

  /// Two cores cut C into units in two ways: rows finer than 96 when B has few strips (an
  /// output layer's 10 columns are one), and one unit per strip, which then packs its own
  /// strip, when all rows fit one block. Neither may change a bit, in any transpose form.
  @Test(
    "two cores give the same C as one for the network's shapes",
    arguments: [(128, 128, 10), (32, 784, 128), (128, 784, 128), (128, 10, 128), (13, 40, 10)])
  func coresDoNotChangeBits(_ shape: (Int, Int, Int)) {
    let (m, k, n) = shape
    var generator = SeededGenerator(seed: UInt64(m * 7 + n))
    let a = Matrix(rows: m, columns: k, uniformLimit: 1, generator: &generator)
    let aT = a.transposed()
    let b = Matrix(rows: k, columns: n, uniformLimit: 1, generator: &generator)
    let bT = b.transposed()
    let forms: [(String, Bool, Bool)] = [
      ("A·B", false, false), ("Aᵀ·B", true, false), ("A·Bᵀ", false, true),
    ]
    for (name, transposeA, transposeB) in forms {
      var oneCore = Matrix(rows: m, columns: n)
      var twoCores = Matrix(rows: m, columns: n)
      let (left, right) = (transposeA ? aT : a, transposeB ? bT : b)
      Matrix.multiply(
        left, transposingFirst: transposeA, right, transposingSecond: transposeB, into: &oneCore,
        threads: 1)
      Matrix.multiply(
        left, transposingFirst: transposeA, right, transposingSecond: transposeB, into: &twoCores,
        threads: 2)
      #expect(oneCore == twoCores, "\(name) for \(m) × \(k) × \(n): two cores changed a sum")
      expectClose(twoCores, reference(a, b), a, b)
    }
  }

  /// B read in place starts its strips on 64-byte boundaries and packs the columns around
  /// them into one "wrap" strip, so each of the 16 possible starting offsets of B takes a
  /// different path. Every path must give the same numbers, bit for bit: each element is
  /// summed in the same order whichever strip and lane it falls in.
  @Test(
    "B at each of the 16 float offsets from a cache line gives the same C",
    arguments: [16, 48, 128])
  func everyAlignmentOfB(_ n: Int) {
    let (m, k) = (32, 40)
    var generator = SeededGenerator(seed: 9)
    let a = Matrix(rows: m, columns: k, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: k, columns: n, uniformLimit: 1, generator: &generator)
    let expected = reference(a, b)
    var first: [Float]?
    // A 64-byte aligned buffer with room to place B at offsets 0…15 floats.
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: (k * n + 16) * 4, alignment: 64)
    defer { buffer.deallocate() }
    let floats = buffer.bindMemory(to: Float.self, capacity: k * n + 16)
    for offset in 0..<16 {
      (floats + offset).update(from: b.values, count: k * n)
      var c = Matrix(rows: m, columns: n, repeating: .nan)
      a.values.withUnsafeBufferPointer { aBuffer in
        c.values.withUnsafeMutableBufferPointer { cBuffer in
          ProductOperands(
            m: m, n: n, k: k, a: aBuffer.baseAddress, aRowStride: k, aColumnStride: 1,
            b: UnsafePointer(floats + offset), bRowStride: n, bColumnStride: 1,
            c: cBuffer.baseAddress, accumulate: false
          ).run(threads: 2)
        }
      }
      expectClose(c, expected, a, b)
      if let first {
        let differing = c.values.indices.first { c.values[$0] != first[$0] }
        #expect(
          differing == nil,
          "B at offset \(offset) floats changed element \(differing ?? 0) of C")
      } else {
        first = c.values
      }
    }
  }

  @Test("an empty inner dimension gives zeros")
  func emptyInner() {
    let a = Matrix(rows: 3, columns: 0)
    let b = Matrix(rows: 0, columns: 4)
    var c = Matrix(rows: 3, columns: 4, repeating: 9)
    Matrix.multiply(a, b, into: &c)
    #expect(c == Matrix(rows: 3, columns: 4))
  }

  @Test("a shape mismatch stops with both shapes named")
  func shapeMismatchMessage() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 32, columns: 785).multiplied(by: Matrix(rows: 784, columns: 128))
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(message.contains("(32 × 785) · (784 × 128)"), "message was: \(message)")
    }
  }

  // MARK: - Helpers

  /// The product in Double, rounded once at the end.
  func reference(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
      for j in 0..<b.columns {
        var sum = 0.0
        for p in 0..<a.columns { sum += Double(a[i, p]) * Double(b[p, j]) }
        c[i, j] = Float(sum)
      }
    }
    return c
  }

  /// A Float sum of k products, in any order, is within k · ε · Σ|aᵢ bᵢ| of the exact sum
  /// (ε = 2⁻²⁴, the standard bound for floating-point dot products), plus the final
  /// rounding of the reference. That bound, element by element, is the tolerance.
  func expectClose(
    _ actual: Matrix, _ expected: Matrix, _ a: Matrix, _ b: Matrix,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.rows == expected.rows && actual.columns == expected.columns)
    let k = Float(max(a.columns, a.rows))  // a generous k for either orientation
    let unitRoundoff: Float = 0x1p-24
    var worst: (index: Int, excess: Float)? = nil
    for i in actual.values.indices {
      // Inputs are in [-1, 1], so Σ|aᵢ bᵢ| ≤ k.
      let bound = (k + 1) * unitRoundoff * k + unitRoundoff * abs(expected.values[i])
      let excess = abs(actual.values[i] - expected.values[i]) - bound
      if excess > 0 && excess > (worst?.excess ?? 0) { worst = (i, excess) }
    }
    #expect(
      worst == nil,
      "element \(worst?.index ?? 0): \(actual.values[worst?.index ?? 0]) vs \(expected.values[worst?.index ?? 0])",
      sourceLocation: sourceLocation)
  }
}
