import ExerciseSupport

/// Exercise 03b — a dense layer's backward pass (Lessons/03-backprop.md).
///
/// Given dY = ∂L/∂Y for Y = X·W + b, the chain rule gives
///
///     dW = Xᵀ·dY          (in × batch)·(batch × out) → (in × out), W's shape
///     db = Σ_rows dY      the sum of each column of dY → (out), b's shape
///     dX = dY·Wᵀ          (batch × out)·(out × in) → (batch × in), X's shape
///
///     dW[k][c] = Σᵣ X[r][k] · dY[r][c]
///     db[c]    = Σᵣ dY[r][c]
///     dX[r][k] = Σ_c dY[r][c] · W[k][c]
///
/// Each gradient has the shape of the thing it is the gradient of: that is the quickest
/// check of a transposed product.
///
/// Tasks:
///   1. dW: (inputs × outputs), dW[k][c] = sum over rows r of inputs[r][k] · dOutput[r][c].
///   2. db: one per output, the plain sum of column c of dOutput over the batch. No 1/batch
///      here: if the loss is a mean, its gradient dY already carries the 1/batch.
///   3. dX: (batch × inputs), dX[r][k] = sum over c of dOutput[r][c] · weights[k][c].
///   4. Return them as `(dW: …, db: …, dX: …)`.
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
///     gradient);
///   - on the same edge cases as the forward pass (non-square shapes catch a transposed
///     product by its shape; square 3 × 3 weights catch it by its values; batch 5 catches
///     a 1/batch in db), then on 50 seeded random shapes with dOutput in [−1, 1].
func denseBackward(inputs: [[Float]], weights: [[Float]], dOutput: [[Float]]) throws -> (
  dW: [[Float]], db: [Float], dX: [[Float]]
) {
  // TODO: replace the next line with the four steps above.
  throw NotWrittenYet()
}
