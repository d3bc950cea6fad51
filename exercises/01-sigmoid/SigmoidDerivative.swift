import ExerciseSupport

/// Exercise 01c — the sigmoid's slope at z (Lessons/01-sigmoid.md).
/// Stuck? exercises/01-sigmoid/HINTS.md, one hint at a time.
///
/// Your task: return σ′(z), the slope of the sigmoid at z, for every Float z, without
/// NaN. You have written both pieces already (Sigmoid.swift and SigmoidSlopeFromOutput.swift).
///
/// Signature (keep it): `func sigmoidDerivative(_ x: Float) throws -> Float`.
///
/// Example:
///
///     try sigmoidDerivative(2)      // ≈ 0.104994
///
/// What the test checks (`swift test --disable-xctest --filter Lesson01`):
///   - your value equals NeuralKit's `sigmoidDerivative` within 1e-6 + 1e-5 · |expected|,
///     on the same inputs as `sigmoid` (0, ±1 … ±1000, ±1e-30, ±3.4e38, then 1 000 seeded
///     random x in [−20, 20]);
///   - it is never NaN, also at x = ±89 and ±1000, where e^|x| is infinite in Float.
func sigmoidDerivative(_ x: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
