import ExerciseSupport
import Foundation

/// Exercise 04b — cross-entropy of one example (Lessons/04-softmax.md).
///
///     loss = −log p[label]      natural logarithm
///
/// How surprised the model is by the true class: 0 when it gave the true class
/// probability 1, ln 10 ≈ 2.3026 for a uniform guess among ten classes, infinity for 0.
///
/// Tasks:
///   1. Take the probability of the true class, `probabilities[label]`.
///   2. Return minus its natural logarithm (`log` in Swift is the natural one).
///
/// Signature (keep it): `func crossEntropy(probabilities: [Float], label: Int) throws -> Float`.
///
/// Example:
///
///     try crossEntropy(probabilities: [0.1, 0.7, 0.2], label: 1)   // ≈ 0.3567
///     try crossEntropy(probabilities: [0.1, 0.7, 0.2], label: 0)   // ≈ 2.3026
///
/// What the test checks (`swift test --disable-xctest --filter Lesson04`):
///   - your value equals NeuralKit's `crossEntropy` within 1e-6 + 1e-5 · |expected|;
///   - first on [0.1, 0.7, 0.2] with each label, p = 1 (loss 0), p = 0 (loss +infinity:
///     do not guard it), p = 1e-30, ten equal probabilities, the last class, then on 200
///     seeded random probability vectors of 2 to 10 classes with random labels.
func crossEntropy(probabilities: [Float], label: Int) throws -> Float {
  // TODO: replace the next line: −log of the true class's probability.
  throw NotWrittenYet()
}
