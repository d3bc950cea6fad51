import NeuralKit

/// `(2 × 3)` for a rectangular nested array, `ragged rows of 3, 2` otherwise.
func shapeText(_ rows: [[Float]]) -> String {
  let counts = Set(rows.map(\.count))
  if counts.count > 1 {
    return "ragged: rows of \(rows.map { "\($0.count)" }.joined(separator: ", "))"
  }
  return "(\(rows.count) × \(rows.first?.count ?? 0))"
}

/// Whether two nested arrays have the same shape.
func sameShape(_ a: [[Float]], _ b: [[Float]]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { $0.count == $1.count }
}

/// A nested array as text when it is small enough to read, else its shape.
func showMatrix(_ rows: [[Float]]) -> String {
  rows.reduce(0) { $0 + $1.count } <= 16 ? "\(rows)" : shapeText(rows)
}

/// Compares a learner's matrix with the reference: shape first, then every element
/// through NeuralKit's `TensorComparison` (the row lessons print).
func compareMatrices(
  _ name: String, _ yours: [[Float]], _ expected: [[Float]], _ tolerance: NamedTolerance
) -> Mismatch? {
  guard sameShape(yours, expected) else {
    return Mismatch(
      yours: "\(name) of shape \(shapeText(yours))",
      expected: "\(name) of shape \(shapeText(expected))", tolerance: tolerance)
  }
  let comparison = TensorComparison(
    name: name, actual: yours.flatMap { $0 }, expected: expected.flatMap { $0 },
    tolerance: tolerance.tolerance)
  if comparison.passed { return nil }
  let columns = max(expected.first?.count ?? 1, 1)
  let (r, c) = (comparison.worstIndex / columns, comparison.worstIndex % columns)
  return Mismatch(
    yours: "\(name)[\(r)][\(c)] = \(show(yours[r][c]))   (\(comparison.row))",
    expected: "\(name)[\(r)][\(c)] = \(show(expected[r][c]))", tolerance: tolerance)
}

/// Compares a learner's vector with the reference: length first, then every element.
func compareVectors(
  _ name: String, _ yours: [Float], _ expected: [Float], _ tolerance: NamedTolerance
) -> Mismatch? {
  guard yours.count == expected.count else {
    return Mismatch(
      yours: "\(name) with \(yours.count) numbers",
      expected: "\(name) with \(expected.count) numbers",
      tolerance: tolerance)
  }
  if yours == expected { return nil }  // also equal infinities
  let comparison = TensorComparison(
    name: name, actual: yours, expected: expected, tolerance: tolerance.tolerance)
  if comparison.passed { return nil }
  let i = comparison.worstIndex
  return Mismatch(
    yours: "\(name)[\(i)] = \(show(yours[i]))   (\(comparison.row))",
    expected: "\(name)[\(i)] = \(show(expected[i]))", tolerance: tolerance)
}

/// The transpose of a rectangular nested array.
func transposed(_ rows: [[Float]]) -> [[Float]] {
  guard let columns = rows.first?.count else { return [] }
  return (0..<columns).map { c in rows.map { $0[c] } }
}
