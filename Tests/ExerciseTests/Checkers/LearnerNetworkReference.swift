import ExerciseSupport
import NeuralKit

// What the checks of exercise 05 share: the learner's plain-array network as NeuralKit's
// `Network` and back, seeded random networks to test on, and how cases describe them.

extension HiddenActivation {
  /// The same activation in NeuralKit.
  var neuralKit: Activation {
    switch self {
    case .relu: return .relu
    case .sigmoid: return .sigmoid
    case .leakyReLU(let alpha): return .leakyReLU(alpha: alpha)
    case .tanh: return .tanh
    }
  }

  /// Every activation a case cycles through.
  static let all: [HiddenActivation] = [.relu, .sigmoid, .leakyReLU(alpha: 0.1), .tanh]
}

extension LearnerNetwork {
  /// The same network in NeuralKit: the last layer `.identity`, the others `activation`.
  var neuralKit: Network {
    Network(
      layers: layers.indices.map { l in
        Dense(
          weights: Matrix(layers[l].weights), bias: layers[l].bias,
          activation: l == layers.count - 1 ? .identity : activation.neuralKit)
      })
  }

  /// NeuralKit's layers as plain arrays.
  init(_ layers: [Dense], activation: HiddenActivation) {
    self.init(
      layers: layers.map { LayerParameters(weights: $0.weights.rowArrays, bias: $0.bias) },
      activation: activation)
  }

  /// `4 → 3 (relu) → 2`.
  var summary: String {
    var parts = ["\(layerSizes.first ?? 0)"]
    for (l, layer) in layers.enumerated() {
      parts.append("\(layer.bias.count)" + (l == layers.count - 1 ? "" : " (\(activation))"))
    }
    return parts.joined(separator: " → ")
  }
}

/// Per layer, the one that applies `operation` to matching numbers of `a` and `b`.
func combineLayers(
  _ a: [LayerParameters], _ b: [LayerParameters], _ operation: (Float, Float) -> Float
) -> [LayerParameters] {
  zip(a, b).map { x, y in
    LayerParameters(
      weights: zip(x.weights, y.weights).map { zip($0, $1).map(operation) },
      bias: zip(x.bias, y.bias).map(operation))
  }
}

/// Gradients as layer parameters (dW as weights, db as bias), to combine them with m and v.
func asParameters(_ gradients: [LayerGradients]) -> [LayerParameters] {
  gradients.map { LayerParameters(weights: $0.dW, bias: $0.db) }
}

/// Compares two lists of layers tensor by tensor, the first layer first:
/// `network.layers[1].bias`, `adam.m[0].weights`.
/// The first mismatch between two trained states: the network's layers, then Adam's m
/// and v, then its step count.
func compareTrainedState(
  _ yours: (network: LearnerNetwork, adam: AdamMemory),
  _ expected: (network: LearnerNetwork, adam: AdamMemory),
  parameters: NamedTolerance, moments: NamedTolerance
) -> Mismatch? {
  if let mismatch = compareLayers(
    "network.layers", yours.network.layers, expected.network.layers, parameters)
    ?? compareLayers("adam.m", yours.adam.m, expected.adam.m, moments)
    ?? compareLayers("adam.v", yours.adam.v, expected.adam.v, moments)
  {
    return mismatch
  }
  if yours.adam.step != expected.adam.step {
    return Mismatch(
      yours: "adam.step = \(yours.adam.step)", expected: "adam.step = \(expected.adam.step)",
      tolerance: .stepCount)
  }
  return nil
}

/// The first mismatch between a mean loss and an accuracy and the expected ones.
func compareLossAndAccuracy(
  _ yours: (loss: Float, accuracy: Double), _ expected: (loss: Float, accuracy: Double)
) -> Mismatch? {
  if !isClose(yours.loss, expected.loss, .trainingLoss) {
    return Mismatch(
      yours: "loss = \(show(yours.loss))", expected: "loss = \(show(expected.loss))",
      tolerance: .trainingLoss)
  }
  if yours.accuracy != expected.accuracy {
    return Mismatch(
      yours: "accuracy = \(yours.accuracy)", expected: "accuracy = \(expected.accuracy)",
      tolerance: .countOfRight)
  }
  return nil
}

func compareLayers(
  _ prefix: String, _ yours: [LayerParameters], _ expected: [LayerParameters],
  _ tolerance: NamedTolerance
) -> Mismatch? {
  guard yours.count == expected.count else {
    return Mismatch(
      yours: "\(prefix) with \(yours.count) layers", expected: "\(expected.count) layers",
      tolerance: tolerance)
  }
  for l in expected.indices {
    if let mismatch = compareMatrices(
      "\(prefix)[\(l)].weights", yours[l].weights, expected[l].weights, tolerance)
      ?? compareVectors("\(prefix)[\(l)].bias", yours[l].bias, expected[l].bias, tolerance)
    {
      return mismatch
    }
  }
  return nil
}

/// Whether `yours` agrees with `expected` within `tolerance`, every tensor.
func sameLayers(
  _ yours: [LayerParameters], _ expected: [LayerParameters], _ tolerance: NamedTolerance
) -> Bool {
  compareLayers("", yours, expected, tolerance) == nil
}

/// Seeded random numbers for the checks of exercise 05.
extension SeededGenerator {
  /// (rows × columns) numbers in [−scale, scale).
  mutating func uniform(_ rows: Int, _ columns: Int, _ scale: Float) -> [[Float]] {
    (0..<rows).map { _ in (0..<columns).map { _ in nextFloat(in: -scale, scale) } }
  }

  /// A network of the given sizes: weights in [−1, 1), biases in [−0.5, 0.5), never 0.
  mutating func network(_ sizes: [Int], _ activation: HiddenActivation) -> LearnerNetwork {
    LearnerNetwork(
      layers: zip(sizes, sizes.dropFirst()).map { fanIn, fanOut in
        LayerParameters(weights: uniform(fanIn, fanOut, 1), bias: uniform(1, fanOut, 0.5)[0])
      }, activation: activation)
  }
}

/// a·b with plain loops.
func matrixProduct(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
  a.map { row in
    (0..<(b.first?.count ?? 0)).map { c in
      var sum: Float = 0
      for k in row.indices { sum += row[k] * b[k][c] }
      return sum
    }
  }
}

/// The sum of each column.
func columnSums(_ rows: [[Float]]) -> [Float] {
  transposed(rows).map { $0.reduce(0, +) }
}
