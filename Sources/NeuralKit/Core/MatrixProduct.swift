// The three products a dense layer needs, A·B, Aᵀ·B and A·Bᵀ, and the textbook triple
// loop they are tested against. The fast product itself lives in the `Kernels` target
// (`Sources/Kernels/Product.swift`, which explains its blocking, packing and threads);
// these functions check shapes and hand it the matrices' storage as pointers.

import Kernels

extension Matrix {
  /// The matrix product A·B.
  ///
  ///     (m × k) · (k × n) → (m × n),   C[i][j] = Σₚ A[i][p] · B[p][j]
  ///
  ///     Matrix([[1, 2]]).multiplied(by: Matrix([[3], [4]]))   // [[11]]
  public func multiplied(by other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: rows, columns: other.columns)
    Matrix.multiply(self, other, into: &result)
    return result
  }

  /// Aᵀ·B without building Aᵀ: the weight gradient `dW = Xᵀ · dY`.
  ///
  ///     (k × m)ᵀ · (k × n) → (m × n)
  public func transposedMultiplied(by other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: columns, columns: other.columns)
    Matrix.multiply(self, transposingFirst: true, other, into: &result)
    return result
  }

  /// A·Bᵀ without building Bᵀ: the input gradient `dX = dY · Wᵀ`.
  ///
  ///     (m × k) · (n × k)ᵀ → (m × n)
  public func multiplied(byTransposed other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: rows, columns: other.rows)
    Matrix.multiply(self, other, transposingSecond: true, into: &result)
    return result
  }

  /// The general product into an existing matrix: `C = op(A)·op(B)`, or
  /// `C += op(A)·op(B)` when `accumulating`. `op` transposes when asked.
  ///
  /// - Parameter threads: how many cores may share the work; `nil` decides by size
  ///   (`parallelProductThreshold`), `1` forces one core.
  public static func multiply(
    _ a: Matrix, transposingFirst transposeA: Bool = false,
    _ b: Matrix, transposingSecond transposeB: Bool = false,
    into c: inout Matrix, accumulating: Bool = false, threads: Int? = nil
  ) {
    let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    let shapeA = transposeA ? "\(a.shapeDescription)ᵀ" : a.shapeDescription
    let shapeB = transposeB ? "\(b.shapeDescription)ᵀ" : b.shapeDescription
    require(
      k == kB, "Matrix.product: \(shapeA) · \(shapeB): inner sizes \(k) and \(kB) differ")
    require(
      c.rows == m && c.columns == n,
      "Matrix.product: \(shapeA) · \(shapeB) gives (\(m) × \(n)), not \(c.shapeDescription)")
    a.values.withUnsafeBufferPointer { aBuffer in
      b.values.withUnsafeBufferPointer { bBuffer in
        c.values.withUnsafeMutableBufferPointer { cBuffer in
          ProductOperands(
            m: m, n: n, k: k,
            a: aBuffer.baseAddress, aRowStride: transposeA ? 1 : k,
            aColumnStride: transposeA ? m : 1,
            b: bBuffer.baseAddress, bRowStride: transposeB ? 1 : n,
            bColumnStride: transposeB ? k : 1,
            c: cBuffer.baseAddress, accumulate: accumulating
          ).run(threads: threads)
        }
      }
    }
  }

  /// The textbook triple loop, kept as the reference the fast product is tested
  /// against and as the first rung of lesson 08.
  ///
  ///     for i, for j: C[i][j] = Σₚ A[i][p] · B[p][j]
  public static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    require(
      a.columns == b.rows,
      "Matrix.naiveProduct: \(a.shapeDescription) · \(b.shapeDescription): inner sizes differ")
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
      for j in 0..<b.columns {
        var sum: Float = 0
        for p in 0..<a.columns { sum += a[i, p] * b[p, j] }
        c[i, j] = sum
      }
    }
    return c
  }
}
