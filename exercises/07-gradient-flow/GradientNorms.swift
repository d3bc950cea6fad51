import ExerciseSupport

/// Exercise 07a — the size of each layer's weight gradient (Lessons/07-gradient-flow.md).
/// Stuck? exercises/07-gradient-flow/HINTS.md, one hint at a time.
///
/// After a backward pass every layer has a weight gradient dW, a matrix shaped like its
/// weights (inputs × outputs). Its size is the L2 norm of all its numbers:
///
///     ‖dW‖ = √( Σₖ Σ_c dW[k][c]² )
///
/// Lesson 07 prints this for every layer of a 10-layer network: with Sigmoid it falls
/// from about 0.4 at layer 10 to about 1e-6 at layer 1.
///
/// Your task: return ‖dW‖ for each layer's dW in `weightGradients` (first layer first),
/// in the same order. It must be right for any Float: the test includes a dW of 1e-30
/// and one of 1e20, where a Float square underflows to 0 or overflows to infinity.
///
/// Signature (keep it):
/// `func gradientNorms(_ weightGradients: [[[Float]]]) throws -> [Double]`
///
/// Example (two layers: a 2 × 1 dW and a 1 × 2 dW):
///
///     try gradientNorms([[[3], [4]], [[1e-30, 0]]])
///     // [5.0, 1.0000000031710769e-30]: Float's 1e-30, exactly, as a Double
///
/// What the test checks (`swift test --disable-xctest --filter Lesson07`):
///   - one norm per layer, in order; each within 1e-5 · |expected| of
///     NeuralKit's `GradientFlow.l2Norm`;
///   - edge cases first: [3, 4] → 5, a layer of zeros, a single number, negative
///     numbers, gradients of 1e-30 and of 1e20 (Float squares would give 0 and ∞), no
///     layers at all (→ []);
///   - then the dW of real backward passes (`Network.backpropagate`) of 12 seeded
///     networks with 2 to 6 layers, Sigmoid and ReLU.
func gradientNorms(_ weightGradients: [[[Float]]]) throws -> [Double] {
  // TODO: your code here.
  throw NotWrittenYet()
}
