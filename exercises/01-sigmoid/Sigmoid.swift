import ExerciseSupport
import Foundation

/// Exercise 01a — the sigmoid, computed without overflow (Lessons/01-sigmoid.md).
///
///     σ(x) = 1 / (1 + e^(−x))
///
/// Tasks:
///   1. For x ≥ 0, return 1 / (1 + exp(-x)). Here e^(−x) is in (0, 1]: it cannot overflow.
///   2. For x < 0, return exp(x) / (1 + exp(x)), the same value rewritten, so that
///      e^(−x) is never computed where it would be e^1000 = infinity.
///
/// Signature (keep it): `func sigmoid(_ x: Float) throws -> Float`. The `throws` is only
/// there so the unfinished stub can say "not written yet"; your code never throws.
///
/// Example:
///
///     try sigmoid(0)      // 0.5
///     try sigmoid(2)      // ≈ 0.880797
///     try sigmoid(-1000)  // 0.0, not NaN
///
/// What the test checks (`swift test --disable-xctest --filter Lesson01`):
///   - your value equals NeuralKit's `sigmoid` within 1e-6 + 1e-5 · |expected|, first on
///     0, ±1, ±2, ±5, ±10, ±88, ±89, ±100, ±1000, ±1e-30 and ±3.4e38 (the largest
///     Float), then on 1 000 seeded random x in [−20, 20];
///   - it is never NaN: NaN for any of those x fails.
func sigmoid(_ x: Float) throws -> Float {
  // TODO: replace the next line with the two cases above.
  throw NotWrittenYet()
}
