import ExerciseSupport

/// Exercise 02b — ReLU's slope (Lessons/02-relu.md).
/// Stuck? exercises/02-relu/HINTS.md, one hint at a time.
///
/// Your task: return the slope of relu(x) = max(0, x) at x. At the corner x = 0 the slope
/// is undefined; TensorFlow, PyTorch and NeuralKit all use the slope of the left piece
/// there, and so must you.
///
/// Signature (keep it): `func reluDerivative(_ x: Float) throws -> Float`.
///
/// Example:
///
///     try reluDerivative(-2)    // 0.0
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `reluDerivative` exactly, on the same inputs as
///     `relu` (0 and −0.0 first), then 1 000 seeded random x in [−10, 10].
func reluDerivative(_ x: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
