import ExerciseSupport
import Foundation

/// Exercise 04b — cross-entropy of one example (Lessons/04-softmax.md).
/// Stuck? exercises/04-softmax/HINTS.md, one hint at a time.
///
/// How surprised the model is by the true class: 0 when it gave the true class
/// probability 1, ln 10 ≈ 2.3026 for a uniform guess among ten classes, infinity for 0.
///
/// Your task: return the cross-entropy loss of one example, given the model's
/// probabilities and the true class `label`, with the natural logarithm (the lesson
/// gives the formula).
///
/// Signature (keep it): `func crossEntropy(probabilities: [Float], label: Int) throws -> Float`.
///
/// Example:
///
///     try crossEntropy(probabilities: [0.1, 0.7, 0.2], label: 1)   // ≈ 0.3567
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - your value equals NeuralKit's `crossEntropy` within 1e-6 + 1e-5 · |expected|;
///   - first on [0.1, 0.7, 0.2] with each label, p = 1 (loss 0), p = 0 (loss +infinity:
///     do not guard it), p = 1e-30, ten equal probabilities, the last class, then on 200
///     seeded random probability vectors of 2 to 10 classes with random labels.
func crossEntropy(probabilities: [Float], label: Int) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}
