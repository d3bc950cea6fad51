import ExerciseSupport
import Foundation
import NeuralKit

/// The checks of exercises 05b and 05c: a whole network's forward pass against
/// `Network.forward`, and its backward pass against `Network.backward`, on networks of 1
/// to 4 layers with every hidden activation, non-square layers, non-zero biases and
/// batches of 1 to 8.
enum NetworkPassChecks {
  /// A network, a batch and a dLogits to test on.
  struct Case {
    var name: String
    var network: LearnerNetwork
    var inputs: [[Float]]
    var dLogits: [[Float]]

    var call: String {
      "network: \(network.summary), inputs: \(shapeText(inputs))"
    }
  }

  /// Named cases first (a square network shows a transposed dW by its values, the others
  /// by its shape), then 16 seeded random ones; every activation in the first four.
  static let cases: [Case] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 2)
    func make(_ name: String, _ sizes: [Int], _ activation: HiddenActivation, batch: Int)
      -> Case
    {
      let network = generator.network(sizes, activation)
      let inputs = generator.uniform(batch, sizes[0], 2)
      let dLogits = generator.uniform(batch, sizes.last!, 1).map { $0.map { $0 / Float(batch) } }
      return Case(name: name, network: network, inputs: inputs, dLogits: dLogits)
    }
    var cases = [
      make("2 layers, sigmoid, batch 3", [4, 3, 2], .sigmoid, batch: 3),
      make("2 layers, tanh, batch 2", [3, 5, 4], .tanh, batch: 2),
      make("square layers, relu, batch 3", [3, 3, 3], .relu, batch: 3),
      make("3 layers, leaky ReLU, batch 4", [5, 4, 3, 2], .leakyReLU(alpha: 0.1), batch: 4),
      make("one layer: no hidden layer, batch 2", [3, 2], .relu, batch: 2),
      make("4 layers, sigmoid, batch 5", [2, 5, 4, 3, 6], .sigmoid, batch: 5),
      make("batch 1, tanh", [6, 2, 3], .tanh, batch: 1),
      make("batch 8, leaky ReLU α = 0.3", [3, 4, 2], .leakyReLU(alpha: 0.3), batch: 8),
    ]
    for index in 1...16 {
      let layers = 1 + generator.nextInt(below: 4)
      var sizes = (0..<layers).map { _ in 1 + generator.nextInt(below: 7) }
      sizes.append(2 + generator.nextInt(below: 5))
      cases.append(
        make(
          "random case \(index) of 16 (seed \(CheckSeeds.lesson05 &+ 2))", sizes,
          HiddenActivation.all[index % 4], batch: 1 + generator.nextInt(below: 8)))
    }
    return cases
  }()

  /// NeuralKit's forward pass as a `ForwardPass`.
  static func referenceForward(_ c: Case) -> ForwardPass {
    let passes = c.network.neuralKit.forward(Matrix(c.inputs))
    return ForwardPass(
      preActivations: passes.map(\.preActivation.rowArrays),
      activations: passes.map(\.output.rowArrays))
  }

  // MARK: - forward

  /// Checks a forward pass: per layer, first layer first, Z then A.
  static func forward(_ yours: (LearnerNetwork, [[Float]]) throws -> ForwardPass) -> CheckOutcome {
    checkCases(
      .forward, cases: cases,
      describe: { "\($0.name)\nforward(\($0.call))" },
      yours: { try yours($0.network, $0.inputs) },
      reference: referenceForward, compare: comparePasses,
      hint: { c, output, _ in forwardHint(c, output) })
  }

  static func comparePasses(_ yours: ForwardPass, _ expected: ForwardPass) -> Mismatch? {
    guard yours.preActivations.count == expected.preActivations.count,
      yours.activations.count == expected.activations.count
    else {
      return Mismatch(
        yours:
          "\(yours.preActivations.count) preActivations, \(yours.activations.count) activations",
        expected: "\(expected.preActivations.count) of each, one per layer",
        tolerance: .sumsOfProducts)
    }
    for l in expected.activations.indices {
      if let mismatch = compareMatrices(
        "preActivations[\(l)]", yours.preActivations[l], expected.preActivations[l],
        .sumsOfProducts)
        ?? compareMatrices(
          "activations[\(l)]", yours.activations[l], expected.activations[l], .sumsOfProducts)
      {
        return mismatch
      }
    }
    return nil
  }

  static func forwardHint(_ c: Case, _ output: ForwardPass) -> String? {
    let layers = c.network.layers.count
    if output.activations.count != layers || output.preActivations.count != layers {
      return "one Z and one A per layer, first layer first: this network has \(layers)"
    }
    let expected = referenceForward(c)
    for mistake in ForwardMistake.allCases {
      let result = mistake.forward(c.network, c.inputs)  // one that changes nothing says nothing
      if comparePasses(output, result) == nil && comparePasses(expected, result) != nil {
        return mistake.hint(c.network.activation)
      }
    }
    return nil
  }

  /// Forward passes with one mistake, for the hints.
  enum ForwardMistake: CaseIterable {
    case outputActivated, noActivation, alwaysReLU

    func hint(_ activation: HiddenActivation) -> String {
      switch self {
      case .outputActivated:
        return "the last layer has no activation: its A is its Z, the logits (softmax comes"
          + " with the loss)"
      case .noActivation:
        return "every hidden layer's A is f(Z), with f = network.activation; only the last"
          + " layer's A is its Z"
      case .alwaysReLU:
        return "that is relu: use network.activation (here .\(activation)) for hidden layers"
      }
    }

    func forward(_ network: LearnerNetwork, _ inputs: [[Float]]) -> ForwardPass {
      var pass = ForwardPass(preActivations: [], activations: [])
      var x = inputs
      for (l, layer) in network.layers.enumerated() {
        let z = matrixProduct(x, layer.weights).map { zip($0, layer.bias).map(+) }
        let isOutput = l == network.layers.count - 1
        let f: Activation
        switch self {
        case .outputActivated: f = network.activation.neuralKit
        case .noActivation: f = .identity
        case .alwaysReLU: f = isOutput ? .identity : .relu
        }
        let a = self != .outputActivated && isOutput ? z : z.map { $0.map(f.value) }
        pass.preActivations.append(z)
        pass.activations.append(a)
        x = a
      }
      return pass
    }
  }

  // MARK: - backward

  /// Checks a backward pass given NeuralKit's forward pass: the last layer's dW and db
  /// first (where the chain starts), then each layer before it.
  static func backward(
    _ yours: (LearnerNetwork, [[Float]], ForwardPass, [[Float]]) throws -> [LayerGradients]
  ) -> CheckOutcome {
    checkCases(
      .backward, cases: cases,
      describe: { c in
        "\(c.name)\nbackward(\(c.call),\n         pass: its forward pass,"
          + " dLogits: \(showMatrix(c.dLogits)))"
      },
      yours: { c in try yours(c.network, c.inputs, referenceForward(c), c.dLogits) },
      reference: { c in
        let network = c.network.neuralKit
        let inputs = Matrix(c.inputs)
        return network.backward(Matrix(c.dLogits), inputs: inputs, passes: network.forward(inputs))
          .map { LayerGradients(dW: $0.dW.rowArrays, db: $0.db) }
      },
      compare: compareGradients, hint: backwardHint)
  }

  static func compareGradients(_ yours: [LayerGradients], _ expected: [LayerGradients])
    -> Mismatch?
  {
    guard yours.count == expected.count else {
      return Mismatch(
        yours: "\(yours.count) LayerGradients", expected: "\(expected.count), one per layer",
        tolerance: .sumsOfProducts)
    }
    for l in expected.indices.reversed() {
      if let mismatch = compareMatrices(
        "gradients[\(l)].dW", yours[l].dW, expected[l].dW, .sumsOfProducts)
        ?? compareVectors("gradients[\(l)].db", yours[l].db, expected[l].db, .sumsOfProducts)
      {
        return mismatch
      }
    }
    return nil
  }

  static func backwardHint(_ c: Case, _ output: [LayerGradients], _ expected: [LayerGradients])
    -> String?
  {
    if output.count != expected.count {
      return "one LayerGradients per layer: this network has \(expected.count)"
    }
    if output.count > 1 && compareGradients(output.reversed(), expected) == nil {
      return "first layer first: reverse the list you built from the last layer back"
    }
    let pass = referenceForward(c)
    for mistake in BackwardMistake.allCases {
      if let gradients = mistake.backward(c.network, c.inputs, pass, c.dLogits),
        compareGradients(output, gradients) == nil, compareGradients(expected, gradients) != nil
      {
        return mistake.hint
      }
    }
    let last = expected.count - 1
    if compareMatrices("", output[last].dW, expected[last].dW, .sumsOfProducts) == nil
      && compareVectors("", output[last].db, expected[last].db, .sumsOfProducts) == nil
    {
      return "the last layer is right, a layer before it is not: carry dA = dZ·Wᵀ back, then"
        + " dZ = dA ⊙ f′ of that layer's Z (\(derivativeText(c.network.activation)))"
    }
    return nil
  }

  /// f′ in words, for the hints.
  static func derivativeText(_ activation: HiddenActivation) -> String {
    switch activation {
    case .relu: return "relu′ = 1 where Z > 0, else 0"
    case .sigmoid: return "σ′ = A·(1 − A)"
    case .leakyReLU(let alpha): return "1 where Z > 0, else \(alpha)"
    case .tanh: return "tanh′ = 1 − A²"
    }
  }

  /// Backward passes with one mistake, for the hints; `nil` when the mistake cannot be seen
  /// in that network (f′(A) for ReLU is f′(Z)).
  enum BackwardMistake: CaseIterable {
    case noDerivative, derivativeOfA, derivativeOnLogits, transposedWeightGradient
    case averagedBias, extraMean

    var hint: String {
      switch self {
      case .noDerivative:
        return "the activation's derivative is missing: the dA reaching a hidden layer becomes"
          + " dZ = dA ⊙ f′(Z) before its dW and db"
      case .derivativeOfA:
        return "f′ evaluated at A: A is already f(Z), so σ′ = A·(1 − A) and tanh′ = 1 − A²"
          + " (or sigmoidDerivative(Z)), not sigmoidDerivative(A)"
      case .derivativeOnLogits:
        return "the last layer has no activation: its dZ is dLogits itself, no f′"
      case .transposedWeightGradient:
        return "dW is transposed: dW = Xᵀ·dZ has W's shape (inputs × outputs), not dZᵀ·X"
      case .averagedBias:
        return "db is the plain column sum of dZ: dLogits already carries the mean's 1/batch"
      case .extraMean:
        return "divided by the batch twice: dLogits already carries the mean's 1/batch"
      }
    }

    func backward(
      _ network: LearnerNetwork, _ inputs: [[Float]], _ pass: ForwardPass, _ dLogits: [[Float]]
    ) -> [LayerGradients]? {
      let activation = network.activation
      let batch = Float(inputs.count)
      if self == .derivativeOfA {
        if case .relu = activation { return nil }
        if case .leakyReLU = activation { return nil }
      }
      func slope(_ z: Float, _ a: Float) -> Float {
        switch (self, activation) {
        case (.noDerivative, _): return 1
        case (.derivativeOfA, .sigmoid): return sigmoidDerivative(a)
        case (.derivativeOfA, .tanh): return 1 - tanh(a) * tanh(a)
        default: return activation.neuralKit.derivative(z)
        }
      }
      func throughActivation(_ dA: [[Float]], _ l: Int) -> [[Float]] {
        dA.indices.map { r in
          dA[r].indices.map { c in
            dA[r][c] * slope(pass.preActivations[l][r][c], pass.activations[l][r][c])
          }
        }
      }
      var dZ = self == .extraMean ? dLogits.map { $0.map { $0 / batch } } : dLogits
      let last = network.layers.count - 1
      if self == .derivativeOnLogits { dZ = throughActivation(dZ, last) }
      var gradients: [LayerGradients] = []
      for l in network.layers.indices.reversed() {
        let x = l == 0 ? inputs : pass.activations[l - 1]
        let dW =
          self == .transposedWeightGradient
          ? matrixProduct(transposed(dZ), x) : matrixProduct(transposed(x), dZ)
        let db = columnSums(dZ).map { self == .averagedBias ? $0 / batch : $0 }
        gradients.insert(LayerGradients(dW: dW, db: db), at: 0)
        if l > 0 {
          dZ = throughActivation(matrixProduct(dZ, transposed(network.layers[l].weights)), l - 1)
        }
      }
      return gradients
    }
  }
}
