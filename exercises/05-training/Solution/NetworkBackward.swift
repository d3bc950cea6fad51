import ExerciseSupport
import Foundation

/// Worked solution of exercise 05c: from the logits back to the first layer; each
/// layer's dX, through the activation before it, is the next layer's dZ.
func backward(
  _ network: LearnerNetwork, inputs: [[Float]], pass: ForwardPass, dLogits: [[Float]]
) throws -> [LayerGradients] {
  var gradients: [LayerGradients] = []
  var dZ = dLogits  // the last layer has no activation: dZ = dA
  for l in network.layers.indices.reversed() {
    let x = l == 0 ? inputs : pass.activations[l - 1]
    let layer = try denseBackward(inputs: x, weights: network.layers[l].weights, dOutput: dZ)
    gradients.append(LayerGradients(dW: layer.dW, db: layer.db))
    guard l > 0 else { break }
    // Through the activation of layer l − 1: dZ = dA ⊙ f′, f′ from Z or from A.
    let z = pass.preActivations[l - 1]
    let a = pass.activations[l - 1]
    dZ = try layer.dX.indices.map { r in
      try layer.dX[r].indices.map { c in
        layer.dX[r][c] * (try slope(z: z[r][c], a: a[r][c], network.activation))
      }
    }
  }
  return gradients.reversed()
}

/// f′ at a unit whose weighted sum is z and output a.
func slope(z: Float, a: Float, _ activation: HiddenActivation) throws -> Float {
  switch activation {
  case .relu: return try reluDerivative(z)
  case .sigmoid: return a * (1 - a)
  case .leakyReLU(let alpha): return try leakyReLUDerivative(z, alpha: alpha)
  case .tanh: return 1 - a * a
  }
}
