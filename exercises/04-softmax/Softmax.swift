import ExerciseSupport
import Foundation

/// Exercise 04a — softmax, without overflow (Lessons/04-softmax.md).
///
///     softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m),   m = the largest zⱼ
///
/// Subtracting m changes nothing mathematically (e^(−m) cancels between top and bottom)
/// and keeps every exponent ≤ 0, so no e^… overflows to infinity and the sum is ≥ 1.
///
/// Tasks:
///   1. Find m, the largest logit (`logits.max()!`: the test never passes an empty array).
///   2. Compute e^(zᵢ − m) for every logit.
///   3. Divide each by their sum.
///
/// Signature (keep it): `func softmax(_ logits: [Float]) throws -> [Float]`.
///
/// Example:
///
///     try softmax([1, 2, 3])           // ≈ [0.0900, 0.2447, 0.6652]
///     try softmax([1000, 1001, 1002])  // the same, not [nan, nan, nan]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - as many probabilities as logits, each equal to NeuralKit's `softmax` within
///     1e-6 + 1e-5 · (largest expected probability): exp and a division round
///     differently in another order, by ~1e-7;
///   - first on [0], [1, 2, 3], [3, 2, 1], ties ([0, 0, 0, 0], [5, 5]), [1000, 1001, 1002],
///     [−1000, −1000], [−1000, 0, 1000], [88, 89], [1e-30, −1e-30] and ten classes, then on
///     200 seeded random vectors of 1 to 10 logits in [−20, 20]; NaN anywhere fails.
func softmax(_ logits: [Float]) throws -> [Float] {
  // TODO: replace the next line with the three steps above.
  throw NotWrittenYet()
}
