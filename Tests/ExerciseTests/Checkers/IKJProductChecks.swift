import Foundation
import NeuralKit

/// The checks of exercise 08: the i-k-j matrix product on flat row-major arrays against
/// `Matrix.naiveProduct`, element by element within the dot product's error bound.
enum IKJProductChecks {
  /// One product to check: C = A·B with A (rows × inner) and B (inner × columns).
  struct Case {
    var name: String
    var rows: Int
    var inner: Int
    var columns: Int
    var a: [Float]
    var b: [Float]
  }

  /// Edge shapes first (the order also keeps each wrong implementation in
  /// WrongImplementations/Lesson08Wrong.swift from reading out of range before a case
  /// rejects it), then 20 seeded random shapes.
  static let cases: [Case] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson08)
    func uniform(_ count: Int, scale: Float = 1) -> [Float] {
      (0..<count).map { _ in generator.nextFloat(in: -scale, scale) }
    }
    func random(_ name: String, _ rows: Int, _ inner: Int, _ columns: Int) -> Case {
      Case(
        name: name, rows: rows, inner: inner, columns: columns, a: uniform(rows * inner),
        b: uniform(inner * columns))
    }
    var cases = [
      Case(name: "1 × 1 · 1 × 1", rows: 1, inner: 1, columns: 1, a: [3], b: [-2]),
      Case(
        name: "a row times a column: 1 × 3 · 3 × 1", rows: 1, inner: 3, columns: 1,
        a: [1, 2, 3], b: [4, -5, 6]),
      random("non-square: 7 × 13 · 13 × 5", 7, 13, 5),
      Case(
        name: "a column times a row: 3 × 1 · 1 × 4 (inner 1)", rows: 3, inner: 1, columns: 4,
        a: [1, -2, 3], b: [4, 5, -6, 7]),
      Case(
        name: "A all zeros: 5 × 4 · 4 × 6, so C is all zeros", rows: 5, inner: 4, columns: 6,
        a: [Float](repeating: 0, count: 20), b: uniform(24)),
      Case(
        name: "B the identity: 4 × 6 · 6 × 6, so C = A exactly", rows: 4, inner: 6, columns: 6,
        a: uniform(24), b: (0..<36).map { $0 / 6 == $0 % 6 ? 1 : 0 }),
      random("square: 16 × 16 · 16 × 16", 16, 16, 16),
      Case(
        name: "values near ±1000: 4 × 9 · 9 × 3", rows: 4, inner: 9, columns: 3,
        a: uniform(36, scale: 1000), b: uniform(27, scale: 1000)),
      random("an MNIST-sized inner dimension: 33 × 785 · 785 × 17", 33, 785, 17),
    ]
    for index in 1...20 {
      let (rows, inner, columns) = (
        1 + generator.nextInt(below: 40), 1 + generator.nextInt(below: 40),
        1 + generator.nextInt(below: 40)
      )
      cases.append(
        random(
          "random case \(index) of 20 (seed \(CheckSeeds.lesson08)): "
            + "\(rows) × \(inner) · \(inner) × \(columns)", rows, inner, columns))
    }
    return cases
  }()

  /// NeuralKit's textbook triple loop.
  static func reference(_ c: Case) -> [Float] {
    Matrix.naiveProduct(
      Matrix(rows: c.rows, columns: c.inner, values: c.a),
      Matrix(rows: c.inner, columns: c.columns, values: c.b)
    ).values
  }

  /// How far two correct products may be apart at C[i][j] (flat index `index`):
  ///
  ///     2 · γ · Σₖ |A[i][k] · B[k][j]|,   γ = inner · u / (1 − inner · u),  u = 2⁻²⁴
  ///
  /// Adding `inner` rounded products in any order is within γ · Σₖ |…| of the exact sum
  /// (Higham, Accuracy and Stability of Numerical Algorithms, §3.1), so two orders are
  /// within twice that of each other. Computed in Double.
  static func bound(_ c: Case, index: Int) -> Double {
    let (i, j) = (index / c.columns, index % c.columns)
    var magnitude = 0.0
    for k in 0..<c.inner {
      magnitude += abs(Double(c.a[i * c.inner + k]) * Double(c.b[k * c.columns + j]))
    }
    let u = 0x1p-24
    let gamma = Double(c.inner) * u / (1 - Double(c.inner) * u)
    return 2 * gamma * magnitude
  }

  static func tolerance(_ c: Case, index: Int) -> NamedTolerance {
    NamedTolerance(
      tolerance: Tolerance(absolute: bound(c, index: index)),
      reason: "2 · inner · 2⁻²⁴ · Σₖ |A[i][k] · B[k][j]| for this element: adding \(c.inner)"
        + " products in two orders differs by at most this")
  }

  /// The element furthest outside its bound, or `nil` when every element is within.
  static func worstElement(_ c: Case, _ yours: [Float], _ expected: [Float]) -> Int? {
    var worst: (index: Int, ratio: Double)?
    for index in expected.indices where yours[index] != expected[index] {
      let difference = abs(Double(yours[index]) - Double(expected[index]))
      let allowed = bound(c, index: index)
      guard !(difference <= allowed) else { continue }  // NaN is outside
      let ratio = allowed > 0 && difference.isFinite ? difference / allowed : .infinity
      if worst == nil || ratio > worst!.ratio { worst = (index, ratio) }
    }
    return worst?.index
  }

  /// Checks an i-k-j product.
  static func ikjProduct(_ yours: ([Float], [Float], Int, Int, Int) throws -> [Float])
    -> CheckOutcome
  {
    // The bound depends on A and B, which `compare` does not see: `yours` notes the case.
    var current = cases[0]
    return checkCases(
      .ikjProduct, cases: cases,
      describe: { c in
        "\(c.name)\nikjProduct(\(showFlat(c.a, c.rows, c.inner)), "
          + "\(showFlat(c.b, c.inner, c.columns)),\n"
          + "           rows: \(c.rows), inner: \(c.inner), columns: \(c.columns))"
      },
      yours: { c in
        current = c
        return try yours(c.a, c.b, c.rows, c.inner, c.columns)
      },
      reference: reference,
      compare: { yours, expected in compare(current, yours, expected) },
      hint: hint)
  }

  /// Length first, then the element furthest outside its bound.
  static func compare(_ c: Case, _ yours: [Float], _ expected: [Float]) -> Mismatch? {
    guard yours.count == expected.count else {
      return Mismatch(
        yours: "C with \(yours.count) numbers", expected: "C with \(expected.count) numbers",
        tolerance: tolerance(c, index: 0))
    }
    guard let index = worstElement(c, yours, expected) else { return nil }
    let (i, j) = (index / c.columns, index % c.columns)
    let place = "C[\(i)][\(j)] = c[\(index)]"
    return Mismatch(
      yours: "\(place) = \(show(yours[index]))", expected: "\(place) = \(show(expected[index]))",
      tolerance: tolerance(c, index: index))
  }

  /// Mistakes the hints recognise, each redone here where it stays in range.
  enum Mistake: CaseIterable {
    case overwritten, transposedB, innerLoopToRows, aRowWidth

    var hint: String {
      switch self {
      case .overwritten:
        return "each C[i][j] holds only its last product: add with +=, C[i][j] collects all"
          + " `inner` products"
      case .transposedB:
        return "B is read as if transposed: element (k, j) of B is b[k * columns + j]"
      case .innerLoopToRows:
        return "the k loop runs over A's columns (= B's rows): for k in 0..<inner"
      case .aRowWidth:
        return "A's rows are `inner` long: element (i, k) of A is a[i * inner + k]"
      }
    }

    /// C computed with this mistake, or `nil` where it would read out of range.
    func product(_ c: Case) -> [Float]? {
      let (m, kk, n) = (c.rows, c.inner, c.columns)
      var result = [Float](repeating: 0, count: m * n)
      switch self {
      case .overwritten:
        for i in 0..<m {
          for j in 0..<n { result[i * n + j] = c.a[i * kk + kk - 1] * c.b[(kk - 1) * n + j] }
        }
      case .transposedB:
        for i in 0..<m {
          for k in 0..<kk {
            for j in 0..<n { result[i * n + j] += c.a[i * kk + k] * c.b[j * kk + k] }
          }
        }
      case .innerLoopToRows:
        guard m <= kk else { return nil }
        for i in 0..<m {
          for k in 0..<m {
            for j in 0..<n { result[i * n + j] += c.a[i * kk + k] * c.b[k * n + j] }
          }
        }
      case .aRowWidth:
        guard (m - 1) * n + kk <= m * kk else { return nil }
        for i in 0..<m {
          for k in 0..<kk {
            for j in 0..<n { result[i * n + j] += c.a[i * n + k] * c.b[k * n + j] }
          }
        }
      }
      return result
    }
  }

  static func hint(_ c: Case, _ output: [Float], _ expected: [Float]) -> String? {
    if output.count != expected.count {
      return "C is (rows × columns): rows · columns = \(c.rows * c.columns) numbers, row after row"
    }
    if output.contains(where: \.isNaN) {
      return "NaN: start C at zeros, [Float](repeating: 0, count: rows * columns)"
    }
    if output.allSatisfy({ $0 == 0 }) {
      return "C is all zeros: add aik · B[k][j] into C[i][j] inside the three loops"
    }
    for mistake in Mistake.allCases {
      if let product = mistake.product(c), worstElement(c, output, product) == nil {
        return mistake.hint
      }
    }
    return nil
  }

  /// A flat matrix as its numbers when small, else its shape.
  static func showFlat(_ values: [Float], _ rows: Int, _ columns: Int) -> String {
    values.count <= 16 ? "\(values)" : "(\(rows) × \(columns) = \(values.count) numbers)"
  }
}
