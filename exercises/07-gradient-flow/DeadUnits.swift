import ExerciseSupport

/// Exercise 07b — the share of dead ReLU units in a layer (Lessons/07-gradient-flow.md).
/// Stuck? exercises/07-gradient-flow/HINTS.md, one hint at a time.
///
/// `preActivations` is one hidden layer's Z for a batch: one row per example, one column
/// per unit. A ReLU unit is dead on this batch when no gradient can reach its weights
/// through any example. (Think about what ReLU's slope is at each z, including z = 0.)
///
/// Your task: return the fraction of the layer's units that are dead on this batch, a
/// `Double` in [0, 1].
///
/// Signature (keep it):
/// `func deadUnitFraction(_ preActivations: [[Float]]) throws -> Double`
///
/// Example (3 examples × 4 units):
///
///     try deadUnitFraction([[-1, 2, 0, -3], [-2, -1, 0, 5], [-4, 3, 0, -1]])   // 0.5
///
/// What the test checks (`swift test --disable-xctest --filter Lesson07`):
///   - your fraction equals NeuralKit's `GradientFlow.deadUnitFraction` within 1e-6;
///   - edge cases first: the example above, one example, one unit, every unit dead,
///     none dead, a unit positive in one example only, z exactly 0, more units than
///     examples and more examples than units;
///   - then every hidden layer's Z from the forward passes of 12 seeded ReLU networks,
///     some with negative biases that kill units.
func deadUnitFraction(_ preActivations: [[Float]]) throws -> Double {
  // TODO: your code here.
  throw NotWrittenYet()
}
