// Element-wise maps, broadcasting a row, and the reductions training needs.
// The products (A·B, Aᵀ·B, A·Bᵀ) live in MatrixProduct.swift.

import Kernels

extension Matrix {
  /// A new matrix with `transform` applied to every element.
  ///
  ///     Matrix([[-1, 2]]).map { max(0, $0) }   // [[0, 2]]
  @inlinable
  public func map(_ transform: (Float) -> Float) -> Matrix {
    var result = Matrix(uninitializedRows: rows, columns: columns)
    // A plain loop over buffers, which the compiler turns into vector instructions once
    // `transform` is inlined (`Array.map` was measured at ~1 ns per element here).
    values.withUnsafeBufferPointer { source in
      result.values.withUnsafeMutableBufferPointer { output in
        for i in 0..<output.count { output[i] = transform(source[i]) }
      }
    }
    return result
  }

  /// Combines two matrices of one shape element by element.
  ///
  ///     a.combined(with: b, *)   // the element-wise (Hadamard) product a ⊙ b
  @inlinable
  public func combined(with other: Matrix, _ combine: (Float, Float) -> Float) -> Matrix {
    checkSameShape(other, "Matrix.combined")
    var result = Matrix(uninitializedRows: rows, columns: columns)
    values.withUnsafeBufferPointer { lhs in
      other.values.withUnsafeBufferPointer { rhs in
        result.values.withUnsafeMutableBufferPointer { out in
          for i in 0..<out.count { out[i] = combine(lhs[i], rhs[i]) }
        }
      }
    }
    return result
  }

  /// Element-wise sum.
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, +) }
  /// Element-wise difference.
  public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, -) }
  /// Every element times a number.
  public static func * (scale: Float, matrix: Matrix) -> Matrix { matrix.map { scale * $0 } }

  /// Adds `row` to every row: the bias step of a dense layer, `X·W + b`.
  ///
  ///     Matrix([[1, 2], [3, 4]]).addingToEachRow([10, 20])   // [[11, 22], [13, 24]]
  public func addingToEachRow(_ row: [Float]) -> Matrix {
    var result = self
    result.addToEachRow(row)
    return result
  }

  /// Adds `row` to every row, in place.
  public mutating func addToEachRow(_ row: [Float]) {
    require(
      row.count == columns,
      "Matrix.addToEachRow: a row of \(row.count) values cannot add to \(shapeDescription)")
    let (rows, columns) = (self.rows, self.columns)
    values.withUnsafeMutableBufferPointer { out in
      row.withUnsafeBufferPointer { add in
        guard let first = out.baseAddress, let add = add.baseAddress else { return }
        for r in 0..<rows {
          let target = first + r * columns  // a row pointer: the inner loop vectorises
          for c in 0..<columns { target[c] += add[c] }
        }
      }
    }
  }

  /// The sum of each column: the bias gradient `db = Σ over the batch of dY`.
  ///
  ///     Matrix([[1, 2], [3, 4]]).columnSums()   // [4, 6]
  public func columnSums() -> [Float] {
    var sums = [Float](repeating: 0, count: columns)
    sums.withUnsafeMutableBufferPointer { out in
      values.withUnsafeBufferPointer { m in
        guard let sum = out.baseAddress, let first = m.baseAddress else { return }
        for r in 0..<rows {
          let row = first + r * columns  // a row pointer: the inner loop vectorises
          for c in 0..<columns { sum[c] += row[c] }
        }
      }
    }
    return sums
  }

  /// The column of the largest element in each row: the predicted class per example.
  /// Ties go to the first (lowest) column, as NumPy's `argmax` does.
  ///
  ///     Matrix([[0.1, 0.7, 0.2], [0.5, 0.5, 0]]).argmaxPerRow()   // [1, 0]
  public func argmaxPerRow() -> [Int] {
    (0..<rows).map { r in
      var best = 0
      var bestValue = values[r * columns]
      for c in 1..<max(columns, 1) where values[r * columns + c] > bestValue {
        best = c
        bestValue = values[r * columns + c]
      }
      return best
    }
  }

  /// The largest absolute difference from another matrix of the same shape.
  public func maxAbsoluteDifference(from other: Matrix) -> Float {
    checkSameShape(other, "Matrix.maxAbsoluteDifference")
    var largest: Float = 0
    for i in values.indices { largest = max(largest, abs(values[i] - other.values[i])) }
    return largest
  }

  /// True when every element is finite (no NaN, no ±infinity): the check `Network`
  /// runs on every batch. The scan is a kernel (`allFinite`), shared between cores for a
  /// large batch; it means the same as `values.allSatisfy(\.isFinite)`.
  public var isFinite: Bool {
    values.withUnsafeBufferPointer(allFinite)
  }
}
