import ExerciseSupport
import Foundation

/// Exercise 04c — the gradient of softmax and cross-entropy together, for a batch
/// (Lessons/04-softmax.md).
///
/// The batch loss is the mean L = (1/B) Σᵣ −log softmax(zᵣ)[yᵣ]. Its gradient with respect
/// to the logits is
///
///     dLogits[r][c] = (p[r][c] − onehot(y[r])[c]) / B,    p[r] = softmax(z[r])
///
/// where onehot(y)[c] is 1 for c = y and 0 otherwise, and B is the batch size.
///
/// Tasks:
///   1. For each row r, compute p = softmax of that row (your `softmax` from Softmax.swift
///      works: `try softmax(logits[r])`).
///   2. Subtract 1 at the true class: p[labels[r]] − 1.
///   3. Divide every number by the batch size B = logits.count (the mean's 1/B).
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
///     2 to 10 classes, logits in [−10, 10]). A missing 1/B fails every case with B > 1.
func softmaxCrossEntropyGradient(logits: [[Float]], labels: [Int]) throws -> [[Float]] {
  // TODO: replace the next line with the three steps above.
  throw NotWrittenYet()
}
