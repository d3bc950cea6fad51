/// Worked solution of exercise 04d: p − onehot(y) (exercise 04c) row by row, times the
/// mean's 1/B.
func softmaxCrossEntropyGradient(logits: [[Float]], labels: [Int]) throws -> [[Float]] {
  let scale = 1 / Float(logits.count)
  return try logits.indices.map { r in
    var gradient = try softmax(logits[r])
    gradient[labels[r]] -= 1  // p − onehot(y)
    return gradient.map { $0 * scale }
  }
}
