import Foundation

// lesson: softmax
/// Softmax: turns a row of scores ("logits") into probabilities that sum to 1.
///
///     softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m),   m = maxⱼ zⱼ
///
/// Subtracting the largest score m changes nothing mathematically (it cancels between top
/// and bottom) and everything numerically: e^1000 overflows Float to infinity and ∞/∞ is
/// NaN, while after the shift every exponent is ≤ 0, so every e^… is in (0, 1] and the
/// largest is exactly 1.
///
///     softmax([1, 2, 3])          // [0.0900, 0.2447, 0.6652]
///     softmax([1000, 1001, 1002]) // the same, not NaN
public func softmax(_ logits: [Float]) -> [Float] {
  guard let largest = logits.max() else { return [] }
  let exponentials = logits.map { exp($0 - largest) }  // each in (0, 1]
  let total = exponentials.reduce(0, +)  // ≥ 1: never 0
  return exponentials.map { $0 / total }
}
// end lesson

/// Softmax applied to each row of a batch of logits, (batch × classes).
public func softmax(_ logits: Matrix) -> Matrix {
  var probabilities = logits
  probabilities.values.withUnsafeMutableBufferPointer { p in
    for r in 0..<logits.rows {
      let row = UnsafeMutableBufferPointer(
        rebasing: p[r * logits.columns..<(r + 1) * logits.columns])
      _ = softmaxInPlace(row)
    }
  }
  return probabilities
}

extension Matrix {
  /// Replaces row `r` (logits) by its softmax and returns the row's logSumExp: see
  /// `softmaxInPlace`.
  mutating func softmaxRow(_ r: Int) -> Float {
    let columns = self.columns
    return values.withUnsafeMutableBufferPointer { values in
      softmaxInPlace(UnsafeMutableBufferPointer(rebasing: values[r * columns..<(r + 1) * columns]))
    }
  }
}

/// Replaces one row of logits by its softmax and returns the row's logSumExp, which the
/// loss needs and which falls out of the same sum: m + log Σⱼ e^(zⱼ − m). One `exp` per
/// logit instead of two (softmax, then `logSumExp`); for a batch of 128 that was 2/3 of
/// the loss's time.
func softmaxInPlace(_ row: UnsafeMutableBufferPointer<Float>) -> Float {
  let largest = row.max() ?? 0
  var total: Float = 0
  for c in row.indices {
    row[c] = exp(row[c] - largest)
    total += row[c]
  }
  for c in row.indices { row[c] /= total }
  return largest.isFinite ? largest + log(total) : largest  // as `logSumExp` below
}

/// The logarithm of Σⱼ e^(zⱼ), computed without overflow as m + log Σⱼ e^(zⱼ − m).
public func logSumExp(_ logits: [Float]) -> Float {
  guard let largest = logits.max(), largest.isFinite else { return logits.max() ?? -.infinity }
  return largest + log(logits.reduce(0) { $0 + exp($1 - largest) })
}
