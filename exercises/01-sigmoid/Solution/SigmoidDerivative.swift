/// Worked solution of exercise 01b: the slope from σ itself, so it inherits σ's
/// protection against overflow.
func sigmoidDerivative(_ x: Float) throws -> Float {
  let s = try sigmoid(x)
  return s * (1 - s)
}
