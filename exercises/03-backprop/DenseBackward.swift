import ExerciseSupport

/// Exercise 03b — a dense layer's backward pass: derive it (Lessons/03-backprop.md).
/// Stuck? exercises/03-backprop/HINTS.md, one hint at a time.
///
/// The forward pass (your `denseForward`):
///
///     Y = X·W + b          X (batch × in), W (in × out), b (out) → Y (batch × out)
///     Y[r][c] = b[c] + Σₖ X[r][k] · W[k][c]
///
/// Some loss L is computed from Y. The layer after this one hands you dY = ∂L/∂Y, one
/// number per entry of Y: `dOutput[r][c]` is how fast L changes when Y[r][c] moves.
///
/// Your task: work out, with the chain rule, and return
///
///     dW = ∂L/∂W      (in × out), one number per weight
///     db = ∂L/∂b      (out), one number per bias
///     dX = ∂L/∂X      (batch × in), one number per input: what the layer below needs
///
/// The lesson shows how to start (one entry, then the pattern); the formulas are yours
/// to find. Any 1/batch of a mean loss is already inside dY.
///
/// Signature (keep it):
/// `func denseBackward(inputs: [[Float]], weights: [[Float]], dOutput: [[Float]]) throws`
/// `  -> (dW: [[Float]], db: [Float], dX: [[Float]])`
///
/// Example (batch 2, 3 inputs, 2 outputs):
///
///     try denseBackward(
///       inputs: [[1, 2, 3],
///                [0, 1, 0]],
///       weights: [[1, 0],
///                 [0, 1],
///                 [1, 1]],
///       dOutput: [[1, 0],
///                 [0, 2]])
///     // dW = [[1, 0], [2, 2], [3, 0]]
///     // db = [1, 2]
///     // dX = [[1, 0, 1], [0, 2, 2]]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson03`):
///   - dW, db and dX in that order: each has the right shape, then every element equals
///     NeuralKit's `Dense.backward` within 1e-5 + 1e-4 · (largest |expected| of that
///     gradient); a failure names the first tensor that is off;
///   - on the same edge cases as the forward pass (non-square shapes catch a transposed
///     product by its shape; square 3 × 3 weights catch it by its values; batch 5 catches
///     a 1/batch too many), then on 50 seeded random shapes with dOutput in [−1, 1].
func denseBackward(inputs: [[Float]], weights: [[Float]], dOutput: [[Float]]) throws -> (
  dW: [[Float]], db: [Float], dX: [[Float]]
) {
  // TODO: your code here.
  throw NotWrittenYet()
}
