/// Worked solution of exercise 02d.
func leakyReLUDerivative(_ x: Float, alpha: Float) throws -> Float {
  x > 0 ? 1 : alpha
}
