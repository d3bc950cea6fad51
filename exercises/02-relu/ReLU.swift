import ExerciseSupport

/// Exercise 02a — ReLU, the rectified linear unit (Lessons/02-relu.md).
/// Stuck? exercises/02-relu/HINTS.md, one hint at a time.
///
///     relu(x) = max(0, x)
///
/// Your task: return relu(x) for every Float x, exactly, including 0 and −0.0 (the test
/// expects +0.0 for both).
///
/// Signature (keep it): `func relu(_ x: Float) throws -> Float`. The `throws` is only
/// there so the unfinished stub can say "not written yet"; your code never throws.
///
/// Example:
///
///     try relu(-2)    // 0.0
///
/// What the test checks (`swift test --disable-xctest --filter Lesson02`):
///   - your value equals NeuralKit's `relu` exactly (a comparison rounds nothing), first on
///     0, −0.0, ±0.5, ±1, ±1e-30, ±1e-45 (the smallest Float), ±1000 and ±3.4e38, then on
///     1 000 seeded random x in [−10, 10].
func relu(_ x: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
