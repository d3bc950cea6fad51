import Foundation

/// Worked solution of exercise 04b.
func crossEntropy(probabilities: [Float], label: Int) throws -> Float {
  -log(probabilities[label])
}
