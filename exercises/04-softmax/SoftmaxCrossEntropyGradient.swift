import ExerciseSupport
import Foundation

/// Exercise 04d — the gradient of softmax and cross-entropy together, for a batch
/// (Lessons/04-softmax.md). Stuck? exercises/04-softmax/HINTS.md, one hint at a time.
///
/// The batch loss is the mean over the B examples:
///
///     L = (1/B) Σᵣ −log softmax(z[r])[y[r]]
///
/// Your task: return dLogits = ∂L/∂z, one number per logit (batch × classes). For one
/// example you worked out ∂(−log p[y])/∂z[i] in `lossGradientForLogit`; here there are B
/// examples and a mean.
///
/// Signature (keep it):
/// `func softmaxCrossEntropyGradient(logits: [[Float]], labels: [Int]) throws -> [[Float]]`
///
/// Example (batch 1, so B = 1):
///
///     try softmaxCrossEntropyGradient(logits: [[2, 1, 0.1]], labels: [0])
///     // ≈ [[-0.3410, 0.2424, 0.0986]]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - the shape is the logits' (batch × classes), then every number equals NeuralKit's
///     `SoftmaxCrossEntropy.evaluate(...).dLogits` within 1e-6 + 1e-5 · (largest |expected|);
///   - first on batch 1, batch 3 with different labels, ties, logits of ±1000, batch 5 of
///     2 classes and batch 4 of 10 classes, then on 50 seeded random batches (1 to 6 rows,
///     2 to 10 classes, logits in [−10, 10]).
func softmaxCrossEntropyGradient(logits: [[Float]], labels: [Int]) throws -> [[Float]] {
  // TODO: your code here.
  throw NotWrittenYet()
}
