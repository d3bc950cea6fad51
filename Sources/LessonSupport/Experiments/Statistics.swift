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
