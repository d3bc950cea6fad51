/// Worked solution of exercise 04c.
///
///     ∂/∂zᵢ (−z[y])             = −1 if i = y, else 0
///     ∂/∂zᵢ log Σⱼ e^(zⱼ)       = e^(zᵢ) / Σⱼ e^(zⱼ) = p[i]
///
/// so ∂L/∂zᵢ = p[i] − onehot(y)[i]: the derivatives of softmax and the logarithm cancel.
func lossGradientForLogit(probabilities: [Float], label: Int, index: Int) throws -> Float {
  probabilities[index] - (index == label ? 1 : 0)
}
