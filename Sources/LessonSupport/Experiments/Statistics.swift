import NeuralKit

/// Mean and sample standard deviation of a few numbers (one per seed), printed `97.61 ± 0.08`.
///
///     mean  = Σ xᵢ / n
///     std   = √( Σ (xᵢ − mean)² / (n − 1) )     0 when n = 1
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
  /// percentage).
  ///
  ///     Summary([0.9752, 0.9768]).plusMinus(2, scale: 100)   // "97.60 ± 0.11"
  public func plusMinus(_ decimals: Int, scale: Double = 1) -> String {
    "\(fixed(mean * scale, decimals)) ± \(fixed(standardDeviation * scale, decimals))"
  }
}
