import Kernels
import NeuralKit

/// Mean and sample standard deviation of a few numbers (one per seed), printed `97.61 ± 0.08`.
///
///     mean  = Σ xᵢ / n
///     std   = √( Σ (xᵢ − mean)² / (n − 1) )     undefined for n = 1 (stored as 0,
///                                               printed "—")
public struct Summary: Equatable, Sendable {
  /// The mean.
  public var mean: Double
  /// The sample standard deviation (divided by n − 1).
  public var standardDeviation: Double
  /// How many values.
  public var count: Int

  /// The summary of `values`; both 0 for none.
  public init(_ values: [Double]) {
    count = values.count
    mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    let m = mean
    let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    standardDeviation = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
  }

  /// Mean and standard deviation with `decimals` decimals, both times `scale` (100 for a
  /// percentage), `unit` after them. One value has no spread (the sample standard
  /// deviation divides by n − 1 = 0): it prints "—", not a made-up 0.
  ///
  ///     Summary([0.9752, 0.9768]).plusMinus(2, scale: 100, unit: "%")   // "97.60 ± 0.11%"
  ///     Summary([0.9752]).plusMinus(2, scale: 100, unit: "%")           // "97.52% ± —"
  public func plusMinus(_ decimals: Int, scale: Double = 1, unit: String = "") -> String {
    guard count > 1 else { return "\(fixed(mean * scale, decimals))\(unit) ± —" }
    return "\(fixed(mean * scale, decimals)) ± \(fixed(standardDeviation * scale, decimals))\(unit)"
  }
}

/// Paired differences: one number per seed, the same seed's run of one activation minus
/// the other's. The seeds are paired by design (same weights, same batches), so the
/// question "does A end higher than B?" is asked of these differences, whose spread leaves
/// out the seed-to-seed variation the two runs share.
///
///     let d = PairedDifferences([0.0012, 0.0030, 0.0005])
///     d.summary.mean                      // 0.00157
///     d.confidenceInterval95              // (lower, upper): Student's t, n − 1 = 2 degrees
///                                         // of freedom; nil for one seed
public struct PairedDifferences: Equatable, Sendable {
  /// One difference per seed, in seed order.
  public var values: [Double]

  /// The differences of the seeds given.
  public init(_ values: [Double]) { self.values = values }

  /// Their mean and sample standard deviation.
  public var summary: Summary { Summary(values) }

  /// The 95% confidence interval of the mean difference, mean ± t · s / √n with Student's t
  /// for n − 1 degrees of freedom: nil for fewer than two seeds (no spread to judge by).
  /// An interval that excludes 0 says the sign of the difference holds beyond the seeds'
  /// noise (assuming roughly normal differences); one that includes 0 does not.
  public var confidenceInterval95: (lower: Double, upper: Double)? {
    let summary = self.summary
    guard summary.count >= 2 else { return nil }
    let half =
      Self.studentT95(degreesOfFreedom: summary.count - 1) * summary.standardDeviation
      / Double(summary.count).squareRoot()
    return (summary.mean - half, summary.mean + half)
  }

  /// Two-sided 95% critical values of Student's t for 1…30 degrees of freedom (standard
  /// tables), 1.96 (the normal limit) beyond.
  public static func studentT95(degreesOfFreedom: Int) -> Double {
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
    require(degreesOfFreedom >= 1, "studentT95: \(degreesOfFreedom) degrees of freedom; need ≥ 1")
    return degreesOfFreedom <= table.count ? table[degreesOfFreedom - 1] : 1.96
  }
}

/// `fixed` with its sign always shown, for differences: `signed(0.5, 2)` is `+0.50`,
/// `signed(-0.5, 2)` is `-0.50`, and a difference that rounds to zero prints `0.00`.
public func signed(_ value: Double, _ decimals: Int) -> String {
  let text = fixed(value, decimals)
  return text.hasPrefix("-") || Double(text) == 0 || value.isNaN ? text : "+" + text
}
