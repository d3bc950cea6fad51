import ExerciseSupport

/// Exercise 02d — Leaky ReLU's slope (Lessons/02-relu.md).
///
///     leakyReLU′(x) = 1 if x > 0, else α
///
/// Tasks:
///   1. Return 1 for positive x.
///   2. Return alpha for negative x and for x = 0 (the same convention as ReLU′(0) = 0).
///
/// Signature (keep it): `func leakyReLUDerivative(_ x: Float, alpha: Float) throws -> Float`.
///
/// Example:
///
///     try leakyReLUDerivative(2, alpha: 0.01)     // 1.0
///     try leakyReLUDerivative(0, alpha: 0.01)     // 0.01
///     try leakyReLUDerivative(-2, alpha: 0.01)    // 0.01
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `leakyReLUDerivative` exactly, on the same inputs and
///     α values as `leakyReLU` (x = 0 first: the slope there is α).
func leakyReLUDerivative(_ x: Float, alpha: Float) throws -> Float {
  // TODO: replace the next line: 1 if x > 0, else alpha.
  throw NotWrittenYet()
}
