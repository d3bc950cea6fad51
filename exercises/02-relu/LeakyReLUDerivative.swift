import ExerciseSupport

/// Exercise 02d — Leaky ReLU's slope (Lessons/02-relu.md).
/// Stuck? exercises/02-relu/HINTS.md, one hint at a time.
///
/// Your task: return the slope of your `leakyReLU` at x, for the given α, with the same
/// convention at the corner x = 0 as `reluDerivative`.
///
/// Signature (keep it): `func leakyReLUDerivative(_ x: Float, alpha: Float) throws -> Float`.
///
/// Example:
///
///     try leakyReLUDerivative(2, alpha: 0.01)     // 1.0
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `leakyReLUDerivative` exactly, on the same inputs and
///     α values as `leakyReLU` (x = 0 first).
func leakyReLUDerivative(_ x: Float, alpha: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
