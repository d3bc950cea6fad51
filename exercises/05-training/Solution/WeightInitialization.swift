import ExerciseSupport

/// Worked solution of exercise 05a: Var(U(−l, l)) = l²/3, so l = √(3 · Var).
func glorotUniformLimit(fanIn: Int, fanOut: Int) throws -> Float {
  (3 * 2 / Float(fanIn + fanOut)).squareRoot()
}

func heUniformLimit(fanIn: Int) throws -> Float {
  (3 * 2 / Float(fanIn)).squareRoot()
}

func initialNetwork(
  layerSizes: [Int], activation: HiddenActivation, generator: inout SeededGenerator
) throws -> LearnerNetwork {
  var layers: [LayerParameters] = []
  for (fanIn, fanOut) in zip(layerSizes, layerSizes.dropFirst()) {
    let limit = try glorotUniformLimit(fanIn: fanIn, fanOut: fanOut)
    var weights: [[Float]] = []
    for _ in 0..<fanIn {  // row by row, as NeuralKit draws them
      weights.append((0..<fanOut).map { _ in generator.nextFloat(in: -limit, limit) })
    }
    layers.append(LayerParameters(weights: weights, bias: [Float](repeating: 0, count: fanOut)))
  }
  return LearnerNetwork(layers: layers, activation: activation)
}
