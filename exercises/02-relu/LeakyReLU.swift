import ExerciseSupport

/// Exercise 02c — Leaky ReLU (Lessons/02-relu.md).
///
///     leakyReLU(x) = x if x > 0, else α · x
///
/// Tasks:
///   1. Return x when x is positive.
///   2. Otherwise return alpha · x: negative inputs keep a small slope α, so a unit that
///      only ever sees negative sums still learns.
///
/// Signature (keep it): `func leakyReLU(_ x: Float, alpha: Float) throws -> Float`.
///
/// Example:
///
///     try leakyReLU(3, alpha: 0.01)     // 3.0
///     try leakyReLU(-2, alpha: 0.01)    // -0.02
///     try leakyReLU(-2, alpha: 0.3)     // -0.6 (Keras' default α)
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `leakyReLU` exactly (one product rounds the same way
///     everywhere), for α = 0.01, 0.3, 0 and 1 on 0, −0.0, ±0.5, ±1, ±1e-30, ±1e-45,
///     ±1000 and ±3.4e38, then 1 000 seeded random x in [−10, 10] with α in [0, 0.5);
///   - so α must be used as given: not a fixed 0.01.
func leakyReLU(_ x: Float, alpha: Float) throws -> Float {
  // TODO: replace the next line: x if x > 0, else alpha * x.
  throw NotWrittenYet()
}
