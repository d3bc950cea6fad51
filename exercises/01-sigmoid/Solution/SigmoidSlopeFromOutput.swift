/// Worked solution of exercise 01b. With E = e^(−z), σ = 1/(1 + E) and 1 − σ = E/(1 + E),
/// so σ′ = E/(1 + E)² = σ · (1 − σ): two numbers that add up to 1, multiplied.
func sigmoidSlopeFromOutput(_ s: Float) throws -> Float {
  s * (1 - s)
}
