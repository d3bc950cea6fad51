import ExerciseSupport
import Foundation

/// Worked solution of exercise 05d.
func sgdStep(_ network: inout LearnerNetwork, gradients: [LayerGradients], learningRate: Float)
  throws
{
  for l in network.layers.indices {
    for k in network.layers[l].weights.indices {
      for c in network.layers[l].weights[k].indices {
        network.layers[l].weights[k][c] -= learningRate * gradients[l].dW[k][c]
      }
    }
    for c in network.layers[l].bias.indices {
      network.layers[l].bias[c] -= learningRate * gradients[l].db[c]
    }
  }
}

func adamStep(
  _ network: inout LearnerNetwork, gradients: [LayerGradients], adam: inout AdamMemory,
  learningRate: Float
) throws {
  let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-7)
  adam.step += 1
  let t = Double(adam.step)
  // In Double, as NeuralKit: β2ᵗ is close to 1 for small t.
  let alpha = Float(
    Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t)))
  /// One number: its m and v, then the number itself.
  func update(_ w: inout Float, _ g: Float, _ m: inout Float, _ v: inout Float) {
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    w -= alpha * m / (v.squareRoot() + epsilon)
  }
  for l in network.layers.indices {
    for k in network.layers[l].weights.indices {
      for c in network.layers[l].weights[k].indices {
        update(
          &network.layers[l].weights[k][c], gradients[l].dW[k][c], &adam.m[l].weights[k][c],
          &adam.v[l].weights[k][c])
      }
    }
    for c in network.layers[l].bias.indices {
      update(&network.layers[l].bias[c], gradients[l].db[c], &adam.m[l].bias[c], &adam.v[l].bias[c])
    }
  }
}
