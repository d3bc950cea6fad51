/// Worked solution of exercise 01c: the slope from σ itself, so it inherits σ's
/// protection against overflow.
func sigmoidDerivative(_ x: Float) throws -> Float {
  try sigmoidSlopeFromOutput(sigmoid(x))
}
