import ExerciseSupport

/// Exercise 02b — ReLU's slope (Lessons/02-relu.md).
///
///     relu′(x) = 1 if x > 0, else 0
///
/// Tasks:
///   1. Return 1 for positive x.
///   2. Return 0 for negative x and for x = 0. The slope is undefined at the corner x = 0;
///      TensorFlow and PyTorch use 0 there, and so does NeuralKit.
///
/// Signature (keep it): `func reluDerivative(_ x: Float) throws -> Float`.
///
/// Example:
///
///     try reluDerivative(2)     // 1.0
///     try reluDerivative(0)     // 0.0, not 1
///     try reluDerivative(-2)    // 0.0
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `reluDerivative` exactly, on the same inputs as
///     `relu` (0 and −0.0 first: ReLU′(0) is 0), then 1 000 seeded random x in [−10, 10].
func reluDerivative(_ x: Float) throws -> Float {
  // TODO: replace the next line: 1 if x > 0, else 0.
  throw NotWrittenYet()
}
