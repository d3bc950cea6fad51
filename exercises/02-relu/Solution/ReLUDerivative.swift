/// Worked solution of exercise 02b: `>` rather than `>=`, so the slope at 0 is 0.
func reluDerivative(_ x: Float) throws -> Float {
  x > 0 ? 1 : 0
}
