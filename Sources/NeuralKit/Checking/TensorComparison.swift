import Foundation
import Kernels

/// One tensor compared with its expected value: the row lessons print and exercise tests
/// reuse, so a learner reads the same table everywhere.
///
///     dW1   max|Δ| 2.1e-09   of max 3.4e-02   ok
///     db2   max|Δ| 4.0e-01   of max 9.1e-01   ✗ over 1.0e-06
///
/// A tensor passes when max|Δ| ≤ absolute + relative · (largest |expected|): the same
/// policy for every tensor, so a large gradient is not held to a tiny absolute bound.
public struct TensorComparison: Sendable, Equatable {
  /// The tensor's name: `dW2`.
  public var name: String
  /// The largest |actual − expected| over all elements (∞ if a value is not finite).
  public var maxAbsoluteDifference: Double
  /// The largest finite |expected|.
  public var maxExpectedMagnitude: Double
  /// The bound max|Δ| had to stay within.
  public var allowed: Double
  /// Where the largest difference is (flat index), for messages.
  public var worstIndex: Int

  /// True when max|Δ| is within the allowed bound and every value is finite.
  public var passed: Bool { maxAbsoluteDifference <= allowed }

  /// Compares `actual` with `expected` element by element.
  public init(
    name: String, actual: [Double], expected: [Double], tolerance: Tolerance
  ) {
    require(
      actual.count == expected.count,
      "TensorComparison \(name): \(actual.count) values against \(expected.count) expected")
    self.name = name
    var largest = 0.0
    var worst = 0
    var magnitude = 0.0
    for i in actual.indices {
      // Equal values differ by 0, infinities included (∞ − ∞ would be NaN); any other
      // NaN counts as an infinite difference, so it never passes.
      let difference = actual[i] == expected[i] ? 0 : abs(actual[i] - expected[i])
      let delta = difference.isNaN ? Double.infinity : difference
      if delta > largest || (i == 0 && delta == 0) {
        largest = delta
        worst = i
      }
      if expected[i].isFinite { magnitude = max(magnitude, abs(expected[i])) }
    }
    maxAbsoluteDifference = largest
    maxExpectedMagnitude = magnitude
    allowed = tolerance.absolute + tolerance.relative * magnitude
    worstIndex = worst
  }

  /// Compares Float tensors.
  public init(name: String, actual: [Float], expected: [Float], tolerance: Tolerance) {
    self.init(
      name: name, actual: actual.map(Double.init), expected: expected.map(Double.init),
      tolerance: tolerance)
  }

  /// The aligned row: `dW2   max|Δ| 3.0e-08   of max 1.2e-01   ok`.
  public var row: String {
    let verdict = passed ? "ok" : "✗ over \(scientific(allowed))"
    let padded = name.padding(toLength: max(name.count, 5), withPad: " ", startingAt: 0)
    return "\(padded)  max|Δ| \(scientific(maxAbsoluteDifference))"
      + "   of max \(scientific(maxExpectedMagnitude))   \(verdict)"
  }

  /// Rows for several tensors, names aligned.
  public static func table(_ comparisons: [TensorComparison]) -> String {
    let width = comparisons.map(\.name.count).max() ?? 0
    return comparisons.map { comparison in
      var padded = comparison
      padded.name = comparison.name.padding(toLength: max(width, 5), withPad: " ", startingAt: 0)
      return padded.row
    }.joined(separator: "\n")
  }
}

/// How close two numbers must be: |actual − expected| ≤ absolute + relative · |expected|.
/// Every check in lessons and tests names its tolerance and says why it is that size.
public struct Tolerance: Sendable, Equatable {
  /// The part of the bound that does not scale: what rounding leaves near zero.
  public var absolute: Double
  /// The part that scales with the size of the expected value.
  public var relative: Double

  /// A bound of `absolute + relative · |expected|`.
  public init(absolute: Double, relative: Double = 0) {
    self.absolute = absolute
    self.relative = relative
  }
}

/// `3.0e-08`: two significant digits, the way the comparison rows print numbers.
public func scientific(_ value: Double) -> String {
  value.isFinite ? String(format: "%.1e", value) : "\(value)"
}
