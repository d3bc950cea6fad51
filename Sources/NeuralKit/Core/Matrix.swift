import Kernels

/// A dense matrix of `Float`, stored row by row ("row-major").
///
///     element (r, c) lives at values[r * columns + c]
///
/// A batch of 32 MNIST images is a `Matrix` of 32 rows and 784 columns: one image per
/// row. A dense layer's weights from 784 inputs to 128 units are 784 rows × 128 columns,
/// so that `inputs · weights` gives one row of 128 activations per image.
///
/// Shapes are checked: an operation on matrices whose shapes do not fit stops with a
/// message naming both shapes (`Matrix.product: (32 × 785) · (784 × 128): inner sizes
/// 785 and 784 differ`). Those are programming errors; entry points that take data from
/// outside (`Network.trainStep`, the data loaders) check shapes first and throw instead.
public struct Matrix: Equatable, Sendable {
  /// Number of rows (for a batch: one per example).
  public let rows: Int
  /// Number of columns (for a batch: one per feature).
  public let columns: Int
  /// The elements, row after row: `rows * columns` of them.
  public var values: [Float]

  /// A matrix with every element equal to `value`.
  ///
  ///     Matrix(rows: 2, columns: 3)   // 2 × 3 of zeros
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    require(rows >= 0 && columns >= 0, "Matrix: negative shape (\(rows) × \(columns))")
    self.rows = rows
    self.columns = columns
    self.values = [Float](repeating: value, count: rows * columns)
  }

  /// A matrix whose elements are not set: for results that are written in full next
  /// (products), so they are not first filled with zeros.
  @usableFromInline
  init(uninitializedRows rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    self.values = [Float](unsafeUninitializedCapacity: rows * columns) { _, count in
      count = rows * columns
    }
  }

  /// A matrix over given row-major values.
  ///
  ///     Matrix(rows: 2, columns: 2, values: [1, 2,
  ///                                          3, 4])
  public init(rows: Int, columns: Int, values: [Float]) {
    require(
      values.count == rows * columns,
      "Matrix: \(values.count) values cannot fill (\(rows) × \(columns)); need \(rows * columns)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// A matrix of numbers drawn uniformly from [−limit, limit), row by row, from
  /// `generator`: starting weights (see `Initializer`) and random test data.
  ///
  ///     Matrix(rows: 32, columns: 784, uniformLimit: 1, generator: &generator)
  public init(rows: Int, columns: Int, uniformLimit limit: Float, generator: inout SeededGenerator)
  {
    self.init(
      rows: rows, columns: columns,
      values: (0..<rows * columns).map { _ in generator.nextFloat(in: -limit, limit) })
  }

  /// A matrix from nested arrays, one inner array per row: `Matrix([[1, 2], [3, 4]])`.
  public init(_ rowArrays: [[Float]]) {
    let columns = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      require(
        row.count == columns,
        "Matrix: row \(index) has \(row.count) values but row 0 has \(columns)")
    }
    self.init(rows: rowArrays.count, columns: columns, values: rowArrays.flatMap { $0 })
  }

  /// The shape as text, `(32 × 784)`, for messages.
  public var shapeDescription: String { "(\(rows) × \(columns))" }

  /// Number of elements.
  public var count: Int { values.count }

  /// Element at `row`, `column`.
  public subscript(row: Int, column: Int) -> Float {
    get { values[row * columns + column] }
    set { values[row * columns + column] = newValue }
  }

  /// One row as an array.
  public func row(_ index: Int) -> [Float] {
    Array(values[index * columns..<(index + 1) * columns])
  }

  /// The rows as nested arrays (for printing and for plain-array exercises).
  public var rowArrays: [[Float]] { (0..<rows).map(row) }

  /// The transpose: element (r, c) becomes (c, r).
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for r in 0..<rows {
      for c in 0..<columns { result.values[c * rows + r] = values[r * columns + c] }
    }
    return result
  }

  /// Stops with a message naming both shapes unless `other` has this matrix's shape.
  public func checkSameShape(_ other: Matrix, _ operation: String) {
    require(
      rows == other.rows && columns == other.columns,
      "\(operation): shapes \(shapeDescription) and \(other.shapeDescription) differ")
  }
}

extension Matrix: CustomStringConvertible {
  /// Rows on separate lines, four decimals: handy in lessons and failing tests.
  public var description: String {
    rowArrays.map { row in
      row.map { value in
        let text = fixed(value, 4)
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
      }.joined(separator: " ")
    }.joined(separator: "\n")
  }
}
