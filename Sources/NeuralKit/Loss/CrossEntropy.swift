import Foundation
import Kernels

// lesson: cross-entropy
/// Cross-entropy of one example: how surprised the model is by the true class.
///
///     loss = −log p_label
///
/// p = 1 for the right class gives 0; p = 0.1 (a guess among ten classes) gives
/// ln 10 ≈ 2.303. A probability that rounded to 0 would give infinity, which is why
/// training computes the loss from logits instead (`SoftmaxCrossEntropy`).
///
///     crossEntropy(probabilities: [0.1, 0.7, 0.2], label: 1)   // 0.3567
public func crossEntropy(probabilities: [Float], label: Int) -> Float {
  require(
    probabilities.indices.contains(label),
    "crossEntropy: label \(label) is not a class of \(probabilities.count)")
  return -log(probabilities[label])
}
// end lesson

/// Softmax and sparse categorical cross-entropy together, as Keras'
/// `SparseCategoricalCrossentropy(from_logits=True)`: the loss and its gradient for a
/// batch of logits and integer labels.
///
///     loss     = (1/B) Σᵢ [ logSumExp(zᵢ) − zᵢ,yᵢ ]          mean over the batch
///     dLogits  = (softmax(z) − onehot(y)) / B               (batch × classes)
///
/// Computing −log softmax(z)_y as logSumExp(z) − z_y never takes the log of 0, so the
/// loss stays finite even for logits of ±10⁴. The gradient is that simple because the
/// softmax's and the logarithm's derivatives cancel (lesson 04 shows it); the 1/B comes
/// from taking the mean.
public enum SoftmaxCrossEntropy {
  // lesson: softmax-cross-entropy
  /// The mean loss, the probabilities and dLogits for one batch.
  public static func evaluate(logits: Matrix, labels: [Int]) -> SoftmaxCrossEntropyResult {
    require(
      labels.count == logits.rows,
      "SoftmaxCrossEntropy: \(labels.count) labels for \(logits.rows) rows of logits")
    let batch = logits.rows
    let classes = logits.columns
    var probabilities = logits  // becomes softmax(logits), row by row
    var totalLoss: Double = 0
    for r in 0..<batch {
      let label = labels[r]
      require(
        (0..<classes).contains(label),
        "SoftmaxCrossEntropy: label \(label) in row \(r) is not one of the \(classes) classes")
      let logSumExp = probabilities.softmaxRow(r)  // row r becomes softmax(z); log Σ e^z
      totalLoss += Double(logSumExp - logits[r, label])  // −log p_label
    }
    var dLogits = probabilities
    let scale = 1 / Float(batch)
    for r in 0..<batch { dLogits.values[r * classes + labels[r]] -= 1 }  // p − onehot(y)
    for i in dLogits.values.indices { dLogits.values[i] *= scale }  // the mean's 1/B
    return SoftmaxCrossEntropyResult(
      loss: Float(totalLoss / Double(batch)), probabilities: probabilities, dLogits: dLogits)
  }
  // end lesson
}

/// What `SoftmaxCrossEntropy.evaluate` returns.
public struct SoftmaxCrossEntropyResult: Sendable {
  /// Mean cross-entropy over the batch.
  public var loss: Float
  /// softmax(logits), (batch × classes).
  public var probabilities: Matrix
  /// ∂loss/∂logits = (p − onehot(y)) / batch.
  public var dLogits: Matrix
}
