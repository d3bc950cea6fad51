import Foundation

/// Worked solution of exercise 07c (Nielsen, "Neural Networks and Deep Learning", ch. 5).
///
///     |w·σ′(z)| ≥ 1  ⇔  s·(1 − s) ≥ 1/|w|,  s = σ(z)
///                    ⇔  s₋ ≤ s ≤ s₊,  s± = (1 ± √(1 − 4/|w|)) / 2
///
/// z = ln(s / (1 − s)) turns the bounds on s into bounds on z; since 1 − s₊ = s₋ the
/// width in z is 2·ln(s₊/s₋). And z = w·a + b, so the width in a is that divided by |w|.
func growthIntervalWidth(weight: Double) throws -> Double {
  let w = abs(weight)
  guard w > 4 else { return 0 }  // s·(1 − s) ≤ ¼ never reaches 1/|w| > ¼
  let root = (1 - 4 / w).squareRoot()
  let upper = (1 + root) / 2  // s₊
  let lower = (1 - root) / 2  // s₋ = 1 − s₊
  return 2 * log(upper / lower) / w
}
