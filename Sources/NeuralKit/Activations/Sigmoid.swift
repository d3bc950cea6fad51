import Foundation

// lesson: sigmoid
/// The logistic sigmoid: squashes any real number into (0, 1).
///
///     σ(z) = 1 / (1 + e^(−z))
///
/// For very negative z, e^(−z) overflows to infinity (z = −1000 gives e^1000), and
/// 1 / (1 + ∞) happens to give 0, but the same trick in the derivative or in other
/// languages gives NaN. So that half uses e^z / (1 + e^z), the same value rewritten,
/// where e^z is in (0, 1] and cannot overflow.
///
///     sigmoid(0)      // 0.5
///     sigmoid(-1000)  // 0.0, never NaN
public func sigmoid(_ z: Float) -> Float {
  if z >= 0 { return 1 / (1 + exp(-z)) }
  let ez = exp(z)  // in (0, 1): cannot overflow
  return ez / (1 + ez)
}
// end lesson

// lesson: sigmoid-derivative
/// The sigmoid's slope, written with the sigmoid itself.
///
///     σ′(z) = σ(z) · (1 − σ(z))      largest at z = 0, where it is 0.25
///
/// It is never above 0.25, and it vanishes for large |z| ("saturation"): at z = 10 it is
/// about 0.000045. Lesson 07 measures what that does to deep networks.
///
///     sigmoidDerivative(0)   // 0.25
public func sigmoidDerivative(_ z: Float) -> Float {
  let s = sigmoid(z)
  return s * (1 - s)
}
// end lesson
