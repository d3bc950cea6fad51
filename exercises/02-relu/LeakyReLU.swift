import ExerciseSupport

/// Exercise 02c — Leaky ReLU (Lessons/02-relu.md).
/// Stuck? exercises/02-relu/HINTS.md, one hint at a time.
///
/// ReLU with a small slope α on the negative side, so that a unit that only ever sees
/// negative sums still passes a gradient back. α is a parameter (0.01 is common, Keras
/// uses 0.3).
///
/// Your task: return leaky ReLU of x with slope `alpha` on the negative side: x itself
/// for positive x, and a line through 0 with slope α otherwise.
///
/// Signature (keep it): `func leakyReLU(_ x: Float, alpha: Float) throws -> Float`.
///
/// Example:
///
///     try leakyReLU(-2, alpha: 0.3)    // -0.6
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `leakyReLU` exactly (one product rounds the same way
///     everywhere), for α = 0.01, 0.3, 0 and 1 on 0, −0.0, ±0.5, ±1, ±1e-30, ±1e-45,
///     ±1000 and ±3.4e38, then 1 000 seeded random x in [−10, 10] with α in [0, 0.5);
///   - so α must be used as given: not a fixed 0.01.
func leakyReLU(_ x: Float, alpha: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
