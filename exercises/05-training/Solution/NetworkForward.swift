import ExerciseSupport
import Foundation

/// Worked solution of exercise 05b: layer after layer, each one's A the next one's X.
func forward(_ network: LearnerNetwork, inputs: [[Float]]) throws -> ForwardPass {
  var pass = ForwardPass(preActivations: [], activations: [])
  var x = inputs
  for (index, layer) in network.layers.enumerated() {
    let z = try denseForward(inputs: x, weights: layer.weights, bias: layer.bias)
    let isOutput = index == network.layers.count - 1
    let a = isOutput ? z : try z.map { row in try row.map { try activate($0, network.activation) } }
    pass.preActivations.append(z)
    pass.activations.append(a)
    x = a
  }
  return pass
}

/// f(z) for a hidden unit.
func activate(_ z: Float, _ activation: HiddenActivation) throws -> Float {
  switch activation {
  case .relu: return try relu(z)
  case .sigmoid: return try sigmoid(z)
  case .leakyReLU(let alpha): return try leakyReLU(z, alpha: alpha)
  case .tanh: return tanh(z)
  }
}
