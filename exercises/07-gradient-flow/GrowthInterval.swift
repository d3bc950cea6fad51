import ExerciseSupport
import Foundation

/// Exercise 07c — Nielsen's problem: where can a sigmoid layer make a gradient grow?
/// (Lessons/07-gradient-flow.md)
/// Stuck? exercises/07-gradient-flow/HINTS.md, one hint at a time.
///
/// Going back through one sigmoid unit with weight w, bias b and input a multiplies the
/// gradient by
///
///     w · σ′(w·a + b)
///
/// σ′ ≤ ¼ alone does not make gradients vanish: a large |w| could make up for it. The
/// lesson shows that |w · σ′(w·a + b)| ≥ 1 needs |w| ≥ 4. But a large w also pushes w·a + b
/// far from 0, where σ′ is tiny. So for a given w, the inputs a with |w · σ′(w·a + b)| ≥ 1
/// form one interval (or none).
///
/// Your task: return the width of that interval of a, for the given w. It does not depend
/// on b (b only shifts the interval). Return 0 when no a qualifies (|w| ≤ 4: at |w| = 4
/// the interval is a single point).
///
/// Signature (keep it): `func growthIntervalWidth(weight: Double) throws -> Double`.
///
/// Example:
///
///     try growthIntervalWidth(weight: 2)   // 0.0: |2 · σ′| ≤ 0.5 for every a
///
/// What the test checks (`swift test --disable-xctest --filter Lesson07`):
///   - your width is within 1e-9 + 1e-6 · |expected| of the exact one (Double throughout;
///     a closed form and a careful numerical search both land well inside that);
///   - first on w = 0, 1, 3, 4, 4.5, 5, 6, 6.9, 8, 10, 100, 1e6 and negative w (−8: only
///     |w| matters), then on 200 seeded random w in [−50, 50].
func growthIntervalWidth(weight: Double) throws -> Double {
  // TODO: your code here.
  throw NotWrittenYet()
}
