import ExerciseSupport

/// Exercise 07b — the share of dead ReLU units in a layer (Lessons/07-gradient-flow.md).
///
/// `preActivations` is one hidden layer's Z for a batch: one row per example, one column
/// per unit. A unit is dead on this batch when its z is ≤ 0 for every example: ReLU then
/// outputs 0 for all of them and its slope is 0 for all of them (also at z = 0 exactly),
/// so no gradient reaches its weights.
///
///     preActivations (3 examples × 4 units)
///       [[-1,  2, 0, -3],
///        [-2, -1, 0,  5],
///        [-4,  3, 0, -1]]
///     unit 0: −1, −2, −4   dead
///     unit 1:  2, −1,  3   alive (positive for some example)
///     unit 2:  0,  0,  0   dead (0 is not > 0)
///     unit 3: −3,  5, −1   alive
///     → 2 dead of 4 units = 0.5
///
/// Tasks:
///   1. For each unit (column), check whether any example (row) has z > 0.
///   2. Count the units for which none does.
///   3. Return that count divided by the number of units, as a `Double` in [0, 1].
///
/// Signature (keep it):
/// `func deadUnitFraction(_ preActivations: [[Float]]) throws -> Double`
///
/// Example: the batch above.
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
  // TODO: replace the next line with the three steps above.
  throw NotWrittenYet()
}
