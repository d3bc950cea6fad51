import ExerciseSupport

/// Exercise 04c — how the loss of one example changes with one logit
/// (Lessons/04-softmax.md). Stuck? exercises/04-softmax/HINTS.md, one hint at a time.
///
/// One example, logits z, probabilities p = softmax(z), true class y, and the loss
///
///     L = −log p[y] = −z[y] + log Σⱼ e^(zⱼ)
///
/// Your task: work out ∂L/∂z[index], the slope of this loss with respect to one logit,
/// and return it. You are given the probabilities p (already computed by the forward
/// pass), the label y and the index; the answer needs nothing else.
///
/// Signature (keep it):
/// `func lossGradientForLogit(probabilities: [Float], label: Int, index: Int) throws -> Float`
///
/// Example: ten classes, all equally likely; a logit that is not the true class.
///
///     try lossGradientForLogit(probabilities: Array(repeating: 0.1, count: 10),
///                              label: 3, index: 7)   // 0.1
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - your slope equals NeuralKit's dLogits (`SoftmaxCrossEntropy.evaluate`, batch 1, on
///     logits whose softmax is your p) within 1e-6 + 1e-5 · |expected|;
///   - first on p = [0.1, 0.7, 0.2] with every label and index, a confident right and a
///     confident wrong model, ten equal probabilities, then 200 seeded random p of 2 to 10
///     classes with random label and index (about half of them index = label).
func lossGradientForLogit(probabilities: [Float], label: Int, index: Int) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
