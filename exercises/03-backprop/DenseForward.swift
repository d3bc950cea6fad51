import ExerciseSupport

/// Exercise 03a — a dense layer's forward pass (Lessons/03-backprop.md).
/// Stuck? exercises/03-backprop/HINTS.md, one hint at a time.
///
///     Y = X·W + b        (batch × in)·(in × out) + (out) → (batch × out)
///
/// Rows of X are the examples of a batch; W has one row per input and one column per
/// output unit; b has one number per output unit, added to every row.
///
/// Your task: return Y for the given inputs X, weights W and bias b, as plain nested
/// arrays (`inputs[r][k]` is input k of example r).
///
/// Signature (keep it):
/// `func denseForward(inputs: [[Float]], weights: [[Float]], bias: [Float]) throws -> [[Float]]`
///
/// Example (batch 2, 3 inputs, 2 outputs):
///
///     try denseForward(
///       inputs: [[1, 2, 3],
///                [0, 1, 0]],
///       weights: [[1, 0],
///                 [0, 1],
///                 [1, 1]],
///       bias: [0.5, -1])
///     // [[4.5, 4.0],
///     //  [0.5, 0.0]]
///
/// What the test checks (`swift test --disable-xctest --filter Lesson03`):
///   - the shape is (batch × outputs), then every element equals NeuralKit's
///     `Dense.forward` within 1e-5 + 1e-4 · (largest |expected|): sums of products round
///     differently in another order;
///   - first on edge cases (1 × 1, non-square shapes such as 2 × 3 → 4, batch 1, batch 5,
///     square 3 × 3 weights, inputs of zeros so Y is the bias, values near ±1000, non-zero
///     biases throughout), then on 50 seeded random shapes up to 6 × 7 → 7 with values in
///     [−1, 1].
func denseForward(inputs: [[Float]], weights: [[Float]], bias: [Float]) throws -> [[Float]] {
  // TODO: your code here.
  throw NotWrittenYet()
}
