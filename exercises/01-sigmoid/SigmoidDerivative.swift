import ExerciseSupport
import Foundation

/// Exercise 01b — the sigmoid's slope (Lessons/01-sigmoid.md).
///
///     σ′(x) = σ(x) · (1 − σ(x))        at most 0.25, at x = 0
///
/// Tasks:
///   1. Compute s = σ(x) with your `sigmoid` from Sigmoid.swift (`let s = try sigmoid(x)`).
///   2. Return s · (1 − s).
///
/// Signature (keep it): `func sigmoidDerivative(_ x: Float) throws -> Float`.
///
/// Example:
///
///     try sigmoidDerivative(0)      // 0.25
///     try sigmoidDerivative(2)      // ≈ 0.104994
///     try sigmoidDerivative(-1000)  // 0.0, not NaN
///
/// What the test checks (`swift test --disable-xctest --filter Lesson01`):
///   - your value equals NeuralKit's `sigmoidDerivative` within 1e-6 + 1e-5 · |expected|,
///     on the same inputs as `sigmoid` (0, ±1 … ±1000, ±1e-30, ±3.4e38, then 1 000 seeded
///     random x in [−20, 20]);
///   - it is never NaN. The textbook form e^(−x) / (1 + e^(−x))² gives ∞/∞ = NaN at
///     x = −1000: use σ itself.
///
/// Caution: the derivative is of σ at x. `x * (1 - x)` is the right formula applied to the
/// wrong number.
func sigmoidDerivative(_ x: Float) throws -> Float {
  // TODO: replace the next line with s · (1 − s), s = try sigmoid(x).
  throw NotWrittenYet()
}
