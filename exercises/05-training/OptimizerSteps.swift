import ExerciseSupport
import Foundation

/// Exercise 05d — the optimizer's step over the whole network (Lessons/05-training.md).
///
///     SGD    w ← w − lr · g                       for every weight and bias w, gradient g
///
///     Adam   t ← t + 1                            once per step, not per tensor
///            α = lr · √(1 − β2ᵗ) / (1 − β1ᵗ)      the bias correction
///            m ← β1·m + (1 − β1)·g                its own m and v for every w
///            v ← β2·v + (1 − β2)·g²
///            w ← w − α · m / (√v + ε)          β1 = 0.9, β2 = 0.999, ε = 1e-7
///
/// This is Keras' form of Adam, the one NeuralKit uses: ε is added to √v.
///
/// Tasks: `sgdStep` and `adamStep` change `network` (and Adam its `adam` memory) in place.
///
/// Example (one weight 1.0 with gradient 2.0, its bias 0 with gradient 0):
///
///     var network = LearnerNetwork(
///       layers: [LayerParameters(weights: [[1]], bias: [0])], activation: .relu)
///     let gradients = [LayerGradients(dW: [[2]], db: [0])]
///     var sgd = network
///     try sgdStep(&sgd, gradients: gradients, learningRate: 0.1)
///     sgd.layers[0].weights                   // [[0.8]]
///     var adam = AdamMemory(startingFor: network)
///     try adamStep(&network, gradients: gradients, adam: &adam, learningRate: 0.001)
///     network.layers[0].weights               // ≈ [[0.999]]: moved by about lr, whatever |g|
///     adam.step                               // 1
///
/// What the test checks: every weight and bias (and m, v, t) after one and after several
/// steps against NeuralKit's `SGD` and `Adam`, on networks of 1 to 3 layers, gradients
/// of very different sizes, and Adam memories with t > 0 and non-zero m and v.
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func sgdStep(_ network: inout LearnerNetwork, gradients: [LayerGradients], learningRate: Float)
  throws
{
  // TODO: your code here.
  throw NotWrittenYet()
}

/// One Adam step over the whole network; `adam` keeps m, v and t (exercise 05d).
func adamStep(
  _ network: inout LearnerNetwork, gradients: [LayerGradients], adam: inout AdamMemory,
  learningRate: Float
) throws {
  // TODO: your code here.
  throw NotWrittenYet()
}
