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
/// Example: on the first Adam step every number moves by about the learning rate,
/// whatever the size of its gradient (with t = 1, α·m/√v is lr · g/|g|).
///
/// What the test checks: every weight and bias (and m, v, t) after one and after several
/// steps against NeuralKit's `SGD` and `Adam`, on networks of 1 to 3 layers.
func sgdStep(_ network: inout LearnerNetwork, gradients: [LayerGradients], learningRate: Float)
  throws
{
  // TODO: your code here.
  throw NotWrittenYet()
}

func adamStep(
  _ network: inout LearnerNetwork, gradients: [LayerGradients], adam: inout AdamMemory,
  learningRate: Float
) throws {
  // TODO: your code here.
  throw NotWrittenYet()
}
