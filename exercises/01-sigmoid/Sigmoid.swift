import ExerciseSupport
import Foundation

/// Exercise 01a — the sigmoid, computed without overflow (Lessons/01-sigmoid.md).
/// Stuck? exercises/01-sigmoid/HINTS.md, one hint at a time.
///
///     σ(x) = 1 / (1 + e^(−x))
///
/// Your task: return σ(x) for every Float x, never NaN. In Float, e^x is infinite for
/// x above about 88.7, and ∞/∞ is NaN: arrange the computation so that no exponential
/// you compute can overflow, for x = 1000 and for x = −1000.
///
/// Signature (keep it): `func sigmoid(_ x: Float) throws -> Float`. The `throws` is only
/// there so the unfinished stub can say "not written yet"; your code never throws.
///
/// Example:
///
///     try sigmoid(2)      // ≈ 0.880797
///
/// What the test checks (`swift test --disable-xctest --filter Lesson01`):
///   - your value equals NeuralKit's `sigmoid` within 1e-6 + 1e-5 · |expected|, first on
///     0, ±1, ±2, ±5, ±10, ±88, ±89, ±100, ±1000, ±1e-30 and ±3.4e38 (the largest
///     Float), then on 1 000 seeded random x in [−20, 20];
///   - it is never NaN: NaN for any of those x fails.
func sigmoid(_ x: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
