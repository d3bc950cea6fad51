import ExerciseSupport
import Foundation

/// Exercise 05c — a network's backward pass, any number of layers (Lessons/05-training.md).
///
/// You get the forward pass and dLogits = ∂loss/∂logits (exercise 04's
/// `softmaxCrossEntropyGradient`). Work out, from the last layer to the first, each
/// layer's dW and db; the lesson derives one layer, the chain rule links them.
///
/// Shapes: dW like W, db like b; the gradient reaching a hidden layer's output A has A's
/// shape. What f′ is for each `HiddenActivation` is yours to work out (and which of Z and
/// A is cheaper to compute it from).
///
/// Tasks: return one `LayerGradients` per layer, first layer first.
///
/// Example: a one-layer network (no hidden layer) has dW = Xᵀ·dLogits and db the column
/// sums of dLogits:
///
///     let network = LearnerNetwork(
///       layers: [LayerParameters(weights: [[1, -1], [0.5, 0.5]], bias: [0, 0])],
///       activation: .relu)
///     let inputs: [[Float]] = [[1, 2]]
///     let pass = try forward(network, inputs: inputs)
///     let gradients = try backward(network, inputs: inputs, pass: pass, dLogits: [[0.5, -0.5]])
///     gradients[0].dW   // [[0.5, -0.5], [1.0, -1.0]]
///     gradients[0].db   // [0.5, -0.5]
///
/// What the test checks: every dW and db, tensor by tensor, against NeuralKit's
/// `Network.backward` on networks of 1 to 4 layers, each activation, batches of 1 to 8,
/// non-square layers and non-zero biases; the last layer first, where the chain starts.
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func backward(
  _ network: LearnerNetwork, inputs: [[Float]], pass: ForwardPass, dLogits: [[Float]]
) throws -> [LayerGradients] {
  // TODO: your code here.
  throw NotWrittenYet()
}
