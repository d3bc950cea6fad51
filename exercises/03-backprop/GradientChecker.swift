import ExerciseSupport

/// Exercise 03c — a gradient checker: does a backward pass agree with finite differences?
/// (Lessons/03-backprop.md). Stuck? exercises/03-backprop/HINTS.md, one hint at a time.
///
/// `loss` computes a loss from a list of parameters, all in Double. `gradient` is what a
/// backward pass claims ∂loss/∂parameters[i] is at `parameters`, one number per
/// parameter. Your task: decide whether that claim is wrong.
///
///   - Estimate each ∂loss/∂parameters[i] yourself from `loss` alone, by nudging that one
///     parameter: the lesson explains why the central difference is the one to use, and
///     which step h.
///   - Compare your estimates with `gradient` and return true when they disagree by more
///     than rounding can explain. Choosing that tolerance is the real design question:
///     the claimed gradient was computed in Float, so it carries Float's rounding
///     (~1e-7 of the largest number); in the test the largest gradient of a layer is
///     about 1e4 in one case and 6e-8 in another.
///
/// Signature (keep it):
/// `func gradientCheckFails(loss: ([Double]) -> Double, parameters: [Double],`
/// `                        gradient: [Double]) throws -> Bool`
///
/// Example: loss = p₀² + 3·p₁ at (2, 5); the true gradient is (4, 3).
///
///     try gradientCheckFails(loss: { $0[0] * $0[0] + 3 * $0[1] },
///                            parameters: [2, 5], gradient: [4, 2])   // true
///
/// What the test checks (`swift test --disable-xctest --filter Lesson03`):
///   - the loss is that of a small dense layer, Y = X·W + b with a mean squared error over
///     the batch; the parameters are W, b and X, flattened into one list (so the gradient
///     is dW, db and dX, flattened the same way);
///   - you answer false for NeuralKit's own backward pass (Float), on a square layer, a
///     non-square one with an input that is always 0, one with values near ±100 and one
///     with values near 1e-7;
///   - you answer true for broken backward passes: dW transposed, the 1/batch forgotten,
///     dX computed with W instead of Wᵀ, db summed along the wrong axis, db divided by the
///     batch a second time, and the 1/batch forgotten on the 1e-7 layer.
func gradientCheckFails(loss: ([Double]) -> Double, parameters: [Double], gradient: [Double])
  throws -> Bool
{
  // TODO: your code here.
  throw NotWrittenYet()
}
