import Foundation

/// Worked solution of exercise 04a: shift by the largest logit, so every e^… is in (0, 1].
func softmax(_ logits: [Float]) throws -> [Float] {
  let largest = logits.max()!
  let exponentials = logits.map { exp($0 - largest) }
  let total = exponentials.reduce(0, +)  // ≥ 1: the largest contributes e^0 = 1
  return exponentials.map { $0 / total }
}
