import ExerciseSupport
import Foundation

/// Exercise 04a — softmax, without overflow (Lessons/04-softmax.md).
/// Stuck? exercises/04-softmax/HINTS.md, one hint at a time.
///
///     softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ)
///
/// Your task: return softmax(z) for any logits, never NaN. In Float, e^z is infinite for
/// z above about 88.7, and ∞/∞ is NaN; logits of 1000 happen. The lesson shows which
/// rewriting of the formula changes nothing mathematically and keeps every exponential
/// finite.
///
/// Signature (keep it): `func softmax(_ logits: [Float]) throws -> [Float]`. The test never
/// passes an empty array.
///
/// Example:
///
///     try softmax([1000, 1001, 1002])  // ≈ [0.0900, 0.2447, 0.6652], not [nan, nan, nan]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - as many probabilities as logits, each equal to NeuralKit's `softmax` within
///     1e-6 + 1e-5 · (largest expected probability): exp and a division round
///     differently in another order, by ~1e-7;
///   - first on [0], [1, 2, 3], [3, 2, 1], ties ([0, 0, 0, 0], [5, 5]), [1000, 1001, 1002],
///     [−1000, −1000], [−1000, 0, 1000], [88, 89], [1e-30, −1e-30] and ten classes, then on
///     200 seeded random vectors of 1 to 10 logits in [−20, 20]; NaN anywhere fails.
func softmax(_ logits: [Float]) throws -> [Float] {
  // TODO: your code here.
  throw NotWrittenYet()
}
