import ExerciseSupport
import Foundation

/// Exercise 05b — a network's forward pass, any number of layers (Lessons/05-training.md).
///
///     for each layer l, input side first:
///       Z = X·W + b          X = the inputs for the first layer, else the A before
///       A = f(Z)             f = network.activation; the last layer: A = Z (the logits)
///
/// Tasks: return every layer's Z and A, first layer first, as a `ForwardPass`. Your
/// `denseForward` (exercise 03) and activations (exercises 01–02; `tanh` from
/// Foundation) do the arithmetic.
///
/// Example (2 → 2 (relu) → 2, one example):
///
///     let network = LearnerNetwork(layers: [
///       LayerParameters(weights: [[1, -1], [0.5, 0.5]], bias: [0, 0]),
///       LayerParameters(weights: [[1, 0], [0, 1]], bias: [0.1, 0])], activation: .relu)
///     let pass = try forward(network, inputs: [[1, 2]])
///     pass.preActivations   // [[[2.0, 0.0]], [[2.1, 0.0]]]
///     pass.activations      // [[[2.0, 0.0]], [[2.1, 0.0]]]   (relu(0) = 0)
///
/// What the test checks: every Z and A against NeuralKit's `Network.forward` on networks
/// of 1 to 4 layers, each activation, non-square layers, non-zero biases, batches of 1
/// to 8.
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func forward(_ network: LearnerNetwork, inputs: [[Float]]) throws -> ForwardPass {
  // TODO: your code here.
  throw NotWrittenYet()
}
