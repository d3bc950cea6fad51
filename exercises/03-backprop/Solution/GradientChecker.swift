/// Worked solution of exercise 03c, the policy of NeuralKit's `GradientCheck`.
///
///     ∂L/∂pᵢ ≈ (L(p + h·eᵢ) − L(p − h·eᵢ)) / 2h       central difference, error ~ h²
///
/// h = 1e-5: the h² error is ~1e-10 and Double's rounding, ~1e-16·|L| / h, stays ~1e-11.
/// The tolerance is relative to the largest numerical gradient: the claimed gradient
/// carries Float rounding, ~1e-7 of its largest entry, so 1e-4 of it leaves margin, and
/// a wrong formula (a transposed product, a missing 1/batch) is off by 10–100 % of it.
/// An absolute tolerance cannot work for gradients of 1e4 and 1e-8 alike, and an error
/// relative to each entry divides by zero where the gradient is 0.
func gradientCheckFails(loss: ([Double]) -> Double, parameters: [Double], gradient: [Double])
  throws -> Bool
{
  let h = 1e-5
  var point = parameters
  var numerical: [Double] = []
  for i in parameters.indices {
    point[i] = parameters[i] + h
    let up = loss(point)
    point[i] = parameters[i] - h
    let down = loss(point)
    point[i] = parameters[i]  // put it back before nudging the next one
    numerical.append((up - down) / (2 * h))
  }
  let scale = numerical.map(abs).max() ?? 0
  let worst = zip(gradient, numerical).map { abs($0 - $1) }.max() ?? 0
  return !(worst <= 1e-4 * scale)  // also true for NaN
}
