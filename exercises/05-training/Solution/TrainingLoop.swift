import ExerciseSupport
import Foundation

/// Worked solution of exercise 05f.
func trainEpoch(
  _ network: inout LearnerNetwork, adam: inout AdamMemory, inputs: [[Float]], labels: [Int],
  batchSize: Int, learningRate: Float, generator: inout SeededGenerator
) throws -> (loss: Float, accuracy: Double) {
  var lossSum: Double = 0
  var correct = 0
  for batch in try miniBatches(count: inputs.count, batchSize: batchSize, generator: &generator) {
    let x = batch.map { inputs[$0] }
    let y = batch.map { labels[$0] }
    let pass = try forward(network, inputs: x)
    let result = try lossAndCorrect(pass.logits, y)
    lossSum += Double(result.loss) * Double(batch.count)
    correct += result.correct
    let dLogits = try softmaxCrossEntropyGradient(logits: pass.logits, labels: y)
    let gradients = try backward(network, inputs: x, pass: pass, dLogits: dLogits)
    try adamStep(&network, gradients: gradients, adam: &adam, learningRate: learningRate)
  }
  let count = Double(max(inputs.count, 1))
  return (Float(lossSum / count), Double(correct) / count)
}

func evaluate(_ network: LearnerNetwork, inputs: [[Float]], labels: [Int]) throws -> (
  loss: Float, accuracy: Double
) {
  let pass = try forward(network, inputs: inputs)
  let result = try lossAndCorrect(pass.logits, labels)
  return (result.loss, Double(result.correct) / Double(max(inputs.count, 1)))
}

/// The mean cross-entropy of a batch of logits and how many rows predict their label.
func lossAndCorrect(_ logits: [[Float]], _ labels: [Int]) throws -> (loss: Float, correct: Int) {
  var loss: Double = 0
  var correct = 0
  for (row, label) in zip(logits, labels) {
    loss += Double(try crossEntropy(probabilities: softmax(row), label: label))
    let predicted = row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }
    if predicted == label { correct += 1 }
  }
  return (Float(loss / Double(max(logits.count, 1))), correct)
}
