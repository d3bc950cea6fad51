import ExerciseSupport

/// Exercise 01b — the sigmoid's slope, written with the sigmoid's output
/// (Lessons/01-sigmoid.md). Stuck? exercises/01-sigmoid/HINTS.md, one hint at a time.
///
/// A sigmoid unit has already computed s = σ(z) in the forward pass. The backward pass
/// needs the slope σ′(z) at the same z. Differentiating σ(z) = 1 / (1 + e^(−z)) gives
///
///     σ′(z) = e^(−z) / (1 + e^(−z))²
///
/// Your task: rewrite that with s alone, no z and no exponential, and return it. Which
/// expression in s is it?
///
/// Signature (keep it): `func sigmoidSlopeFromOutput(_ s: Float) throws -> Float`. The
/// `throws` is only there so the unfinished stub can say "not written yet"; your code
/// never throws.
///
/// Example: at z = 0, s = σ(0) = 0.5 and the slope is 0.25.
///
///     try sigmoidSlopeFromOutput(0.5)   // 0.25
///
/// What the test checks (`swift test --disable-xctest --filter Lesson01`):
///   - your slope equals NeuralKit's `sigmoidDerivative(z)` within 1e-6 + 1e-5 · |expected|
///     for s = σ(z): first s = 0.5, 0, 1, 0.25, 0.75, 0.1, 0.9, 0.999 and 1e-30, then
///     s = σ(z) for 1 000 seeded random z in [−20, 20];
///   - the argument is s, not z: σ′(s) is the slope at the wrong point and fails.
func sigmoidSlopeFromOutput(_ s: Float) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
