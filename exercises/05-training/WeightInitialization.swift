import ExerciseSupport
import Foundation

/// Exercise 05a — starting weights (Lessons/05-training.md).
///
/// A unit of a layer with n inputs sums n products w·x. If the weights are drawn from
/// U(−l, l), each has variance l²/3; Glorot chooses the variance 2 / (fan-in + fan-out),
/// He 2 / fan-in. So l = √(3 · Var).
///
/// Tasks:
///   1. `glorotUniformLimit(fanIn:fanOut:)`: l for Var = 2 / (fanIn + fanOut).
///   2. `heUniformLimit(fanIn:)`: l for Var = 2 / fanIn.
///   3. `initialNetwork(layerSizes:activation:generator:)`: one layer per pair of sizes,
///      weights drawn with Glorot's limit from `generator`, row by row
///      (`generator.nextFloat(in: -l, l)` for W[0][0], W[0][1], …), biases 0.
///
/// Examples:
///
///     try glorotUniformLimit(fanIn: 784, fanOut: 128)   // ≈ 0.08111
///     try heUniformLimit(fanIn: 784)                    // ≈ 0.08748
///     var generator = SeededGenerator(seed: 1)
///     let network = try initialNetwork(
///       layerSizes: [784, 128, 10], activation: .relu, generator: &generator)
///     network.layerSizes                                // [784, 128, 10]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson05`): the limits
/// against NeuralKit's `Initializer` for small, equal, unequal and MNIST-sized fans; the
/// network's sizes, activation, every weight and bias against NeuralKit's
/// `Network(layerSizes:hiddenActivation:generator:)` from the same seed (1 to 4 layers,
/// several seeds), and that exactly the weights were drawn from the generator.
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func glorotUniformLimit(fanIn: Int, fanOut: Int) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}

/// l for He's variance 2 / fanIn (exercise 05a, task 2).
func heUniformLimit(fanIn: Int) throws -> Float {
  // TODO: your code here.
  throw NotWrittenYet()
}

/// A starting network drawn from `generator` (exercise 05a, task 3).
func initialNetwork(
  layerSizes: [Int], activation: HiddenActivation, generator: inout SeededGenerator
) throws -> LearnerNetwork {
  // TODO: your code here.
  throw NotWrittenYet()
}
