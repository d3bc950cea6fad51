// The three products a dense layer needs, A·B, Aᵀ·B and A·Bᵀ, and the textbook triple
// loop they are tested against. The fast product itself lives in the `Kernels` target
// (`Sources/Kernels/Product.swift`, which explains its blocking, packing and threads);
// these functions check shapes and hand it the matrices' storage as pointers. With
// `NEURALKIT_PRODUCT=plain` every product is the triple loop instead (`ProductEngine`):
// slower, and the same network learns the same thing.

import Foundation
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
    if ProductEngine.current == .plain {
      plainProduct(
        a, transposingFirst: transposeA, b, transposingSecond: transposeB, into: &c,
        accumulating: accumulating)
      return
    }
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

  /// `multiply` as the textbook triple loop, for `ProductEngine.plain`: element (i, p)
  /// of op(A) is A[i][p], or A[p][i] when transposed; likewise for B.
  static func plainProduct(
    _ a: Matrix, transposingFirst transposeA: Bool, _ b: Matrix,
    transposingSecond transposeB: Bool, into c: inout Matrix, accumulating: Bool
  ) {
    let k = transposeA ? a.rows : a.columns
    for i in 0..<c.rows {
      for j in 0..<c.columns {
        var sum: Float = 0
        for p in 0..<k {
          sum += (transposeA ? a[p, i] : a[i, p]) * (transposeB ? b[j, p] : b[p, j])
        }
        c[i, j] = accumulating ? c[i, j] + sum : sum
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

/// Which code computes every matrix product: the fast kernel or the triple loop.
///
/// The network's numbers do not depend on it beyond rounding: the triple loop adds the
/// products in another order, so the last bits of a sum differ, and a short training
/// run reaches the same accuracy either way (a test checks it). Only the time changes:
/// the kernel is 50–150 times faster (`swift run -c release benchmark`).
///
///     NEURALKIT_PRODUCT=plain swift run lesson05-training --quick   // the whole run, plain
///
///     ProductEngine.$current.withValue(.plain) { … }   // inside a program or a test
public enum ProductEngine: String, Sendable {
  /// `Kernels`' packed, blocked, multi-core product (the default).
  case packed
  /// The triple loop of `Matrix.naiveProduct`, on one core.
  case plain

  /// The engine products use here: `.plain` when the environment variable
  /// `NEURALKIT_PRODUCT` is `plain`, otherwise `.packed`. A task-local value, so a test
  /// can switch it for its own work without touching other tests running beside it.
  @TaskLocal public static var current: ProductEngine = fromEnvironment()

  /// `NEURALKIT_PRODUCT` read: unset is `.packed`; a value that names no engine stops
  /// the program (exit status 2, as for a bad flag) saying which values there are.
  static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
    -> ProductEngine
  {
    guard let value = environment["NEURALKIT_PRODUCT"] else { return .packed }
    guard let engine = ProductEngine(rawValue: value) else {
      let message = "NEURALKIT_PRODUCT is '\(value)': use 'plain' (the triple loop) or 'packed'."
      FileHandle.standardError.write(Data((message + "\n").utf8))
      exit(2)
    }
    return engine
  }
}
