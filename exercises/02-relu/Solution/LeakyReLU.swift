/// Worked solution of exercise 02c. `max(x, alpha * x)` gives the same only while α ≤ 1.
func leakyReLU(_ x: Float, alpha: Float) throws -> Float {
  x > 0 ? x : alpha * x
}
