import ExerciseSupport
import Foundation

/// Worked solution of exercise 05: the lesson's formulas in order, built from the functions
/// of exercises 02–04, then Adam on each of W1, b1, W2, b2.
func trainingStep(
  network: TwoLayerNetwork, adam: AdamState, inputs: [[Float]], labels: [Int],
  learningRate: Float
) throws -> (network: TwoLayerNetwork, adam: AdamState, loss: Float) {
  // Forward.
  let z1 = try denseForward(inputs: inputs, weights: network.weights1, bias: network.bias1)
  let hidden = try z1.map { try $0.map(relu) }  // (batch, hidden)
  let logits = try denseForward(inputs: hidden, weights: network.weights2, bias: network.bias2)

  // Loss: the mean cross-entropy over the batch, before the update.
  var total: Float = 0
  for r in logits.indices {
    total += try crossEntropy(probabilities: softmax(logits[r]), label: labels[r])
  }
  let loss = total / Float(logits.count)

  // Backward, last layer first.
  let dLogits = try softmaxCrossEntropyGradient(logits: logits, labels: labels)  // has the 1/B
  let layer2 = try denseBackward(inputs: hidden, weights: network.weights2, dOutput: dLogits)
  let dZ1 = try zip(layer2.dX, z1).map { dHidden, z in  // dH ⊙ relu′(Z1)
    try zip(dHidden, z).map { try $0 * reluDerivative($1) }
  }
  let layer1 = try denseBackward(inputs: inputs, weights: network.weights1, dOutput: dZ1)

  // Adam: t once per step, then the same update on every tensor.
  var updated = network
  var state = adam
  state.step += 1
  let t = Double(state.step)
  let correction = (1 - pow(Double(adamBeta2), t)).squareRoot() / (1 - pow(Double(adamBeta1), t))
  let alpha = Float(Double(learningRate) * correction)
  (updated.weights1, state.m.weights1, state.v.weights1) = adamUpdate(
    network.weights1, layer1.dW, adam.m.weights1, adam.v.weights1, alpha: alpha)
  (updated.bias1, state.m.bias1, state.v.bias1) = adamUpdate(
    network.bias1, layer1.db, adam.m.bias1, adam.v.bias1, alpha: alpha)
  (updated.weights2, state.m.weights2, state.v.weights2) = adamUpdate(
    network.weights2, layer2.dW, adam.m.weights2, adam.v.weights2, alpha: alpha)
  (updated.bias2, state.m.bias2, state.v.bias2) = adamUpdate(
    network.bias2, layer2.db, adam.m.bias2, adam.v.bias2, alpha: alpha)
  return (updated, state, loss)
}

private let adamBeta1: Float = 0.9
private let adamBeta2: Float = 0.999
private let adamEpsilon: Float = 1e-7

/// Adam on one vector, element by element: the new w, m and v.
private func adamUpdate(
  _ w: [Float], _ g: [Float], _ m: [Float], _ v: [Float], alpha: Float
) -> ([Float], [Float], [Float]) {
  var (w, m, v) = (w, m, v)
  for i in w.indices {
    m[i] = adamBeta1 * m[i] + (1 - adamBeta1) * g[i]
    v[i] = adamBeta2 * v[i] + (1 - adamBeta2) * g[i] * g[i]
    w[i] -= alpha * m[i] / (v[i].squareRoot() + adamEpsilon)
  }
  return (w, m, v)
}

/// Adam on a matrix: row by row.
private func adamUpdate(
  _ w: [[Float]], _ g: [[Float]], _ m: [[Float]], _ v: [[Float]], alpha: Float
) -> ([[Float]], [[Float]], [[Float]]) {
  var (newW, newM, newV): ([[Float]], [[Float]], [[Float]]) = ([], [], [])
  for r in w.indices {
    let (wRow, mRow, vRow) = adamUpdate(w[r], g[r], m[r], v[r], alpha: alpha)
    newW.append(wRow)
    newM.append(mRow)
    newV.append(vRow)
  }
  return (newW, newM, newV)
}
