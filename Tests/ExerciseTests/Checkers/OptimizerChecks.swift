import ExerciseSupport
import Foundation

@testable import NeuralKit  // DenseGradients' memberwise initializer: gradients of our own

/// The checks of exercise 05d: SGD's and Adam's step over a whole network against
/// NeuralKit's `SGD` and `Adam`, several steps in a row on networks of 1 to 3 layers.
///
/// Each step starts from NeuralKit's state after the previous one, so every step is checked
/// on its own and a counter-example can be repeated exactly. NeuralKit's `Adam` keeps m and
/// v private; the expected m and v are its formulas applied here to the same gradients (the
/// worked solution passing shows the two agree).
enum OptimizerChecks {
  /// One step to check: the state before it, the gradients and NeuralKit's result.
  struct Step {
    var caseName: String
    var number: Int
    var count: Int
    var network: LearnerNetwork
    var adam: AdamMemory
    var gradients: [LayerGradients]
    var learningRate: Float
    var expected: (network: LearnerNetwork, adam: AdamMemory)

    func describe(_ call: String) -> String {
      let start = number == 1 ? "the start" : "NeuralKit's state after step \(number - 1)"
      return "\(caseName): step \(number) of \(count), from \(start)\n"
        + "\(call)(&network (\(network.summary)), gradients: one per layer,\(call == "adamStep" ? " adam: step \(adam.step)," : "")"
        + " learningRate: \(learningRate))"
    }
  }

  /// A network and a learning rate to take a few steps with.
  struct Setup {
    var name: String
    var sizes: [Int]
    var learningRate: Float
  }

  /// Named setups (one layer, square layers, three layers; Keras' learning rate), then 6
  /// seeded random ones; every setup has non-zero biases.
  static let setups: [Setup] = {
    var setups = [
      Setup(name: "one layer 3 → 2", sizes: [3, 2], learningRate: 0.1),
      Setup(name: "square layers 3 → 3 → 3", sizes: [3, 3, 3], learningRate: 0.01),
      Setup(name: "3 layers 2 → 5 → 3 → 4", sizes: [2, 5, 3, 4], learningRate: 0.001),
      Setup(name: "2 layers 4 → 3 → 2", sizes: [4, 3, 2], learningRate: 0.05),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 3)
    for index in 1...6 {
      let sizes = (0...(1 + generator.nextInt(below: 3))).map { _ in 1 + generator.nextInt(below: 6)
      }
      setups.append(
        Setup(
          name: "random network \(index) of 6 (seed \(CheckSeeds.lesson05 &+ 3))", sizes: sizes,
          learningRate: [0.001, 0.01, 0.1][generator.nextInt(below: 3)]))
    }
    return setups
  }()

  /// Gradients shaped like `network`, a different size per tensor (Adam's step does not
  /// depend on it, SGD's does).
  static func randomGradients(_ network: LearnerNetwork, _ generator: inout SeededGenerator)
    -> [LayerGradients]
  {
    network.layers.map { layer in
      let scale = [Float(0.01), 0.1, 1, 5][generator.nextInt(below: 4)]
      return LayerGradients(
        dW: generator.uniform(layer.weights.count, layer.bias.count, scale),
        db: generator.uniform(1, layer.bias.count, scale)[0])
    }
  }

  static func neuralKitGradients(_ gradients: [LayerGradients]) -> [DenseGradients] {
    gradients.map { DenseGradients(dW: Matrix($0.dW), db: $0.db, dX: nil) }
  }

  /// Every step of every setup with NeuralKit's `SGD` (3 steps each).
  static let sgdSteps: [Step] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 4)
    return setups.flatMap { setup -> [Step] in
      var network = generator.network(setup.sizes, .relu)
      var reference = network.neuralKit
      var optimizer = SGD(learningRate: setup.learningRate)
      return (1...3).map { number in
        let gradients = randomGradients(network, &generator)
        optimizer.update(&reference.layers, with: neuralKitGradients(gradients))
        let updated = LearnerNetwork(reference.layers, activation: .relu)
        let adam = AdamMemory(startingFor: network)
        defer { network = updated }
        return Step(
          caseName: setup.name, number: number, count: 3, network: network, adam: adam,
          gradients: gradients, learningRate: setup.learningRate, expected: (updated, adam))
      }
    }
  }()

  /// Every step of every setup with NeuralKit's `Adam` (4 steps each: the later ones start
  /// from t > 0 and non-zero m and v).
  static let adamSteps: [Step] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 5)
    return setups.flatMap { setup -> [Step] in
      var network = generator.network(setup.sizes, .relu)
      var adam = AdamMemory(startingFor: network)
      var reference = network.neuralKit
      var optimizer = Adam(learningRate: setup.learningRate)
      return (1...4).map { number in
        let gradients = randomGradients(network, &generator)
        optimizer.update(&reference.layers, with: neuralKitGradients(gradients))
        let (beta1, beta2) = (optimizer.beta1, optimizer.beta2)
        let g = asParameters(gradients)
        let updated = (
          LearnerNetwork(reference.layers, activation: .relu),
          AdamMemory(
            m: combineLayers(adam.m, g) { m, g in beta1 * m + (1 - beta1) * g },
            v: combineLayers(adam.v, g) { v, g in beta2 * v + (1 - beta2) * g * g },
            step: optimizer.step)
        )
        defer { (network, adam) = updated }
        return Step(
          caseName: setup.name, number: number, count: 4, network: network, adam: adam,
          gradients: gradients, learningRate: setup.learningRate, expected: updated)
      }
    }
  }()

  // MARK: - SGD

  /// Checks an SGD step: every weight and bias.
  static func sgdStep(_ yours: (inout LearnerNetwork, [LayerGradients], Float) throws -> Void)
    -> CheckOutcome
  {
    checkCases(
      .sgdStep, cases: sgdSteps, describe: { $0.describe("sgdStep") },
      yours: { step in
        var network = step.network
        try yours(&network, step.gradients, step.learningRate)
        return network
      },
      reference: { $0.expected.network },
      compare: { compareLayers("network.layers", $0.layers, $1.layers, .sgdParameters) },
      hint: { step, output, expected in
        for mistake in SGDMistake.allCases {
          let result = mistake.step(step)
          if sameLayers(output.layers, result, .sgdParameters)
            && !sameLayers(expected.layers, result, .sgdParameters)
          {
            return mistake.hint
          }
        }
        return nil
      })
  }

  /// SGD steps with one mistake, for the hints.
  enum SGDMistake: CaseIterable {
    case signFlipped, biasesUnchanged, weightsUnchanged, nothingChanged

    var hint: String {
      switch self {
      case .signFlipped:
        return "w ← w − learningRate · g, a minus: a plus climbs the loss"
      case .biasesUnchanged: return "the biases did not move: b ← b − learningRate · db too"
      case .weightsUnchanged: return "the weights did not move: W ← W − learningRate · dW too"
      case .nothingChanged:
        return "nothing changed: change `network` itself (it is inout), every layer"
      }
    }

    func step(_ step: Step) -> [LayerParameters] {
      let lr = step.learningRate
      return zip(step.network.layers, step.gradients).map { layer, g in
        var result = layer
        if self == .nothingChanged { return result }
        if self != .weightsUnchanged {
          result.weights = zip(layer.weights, g.dW).map {
            zip($0, $1).map { w, g in self == .signFlipped ? w + lr * g : w - lr * g }
          }
        }
        if self != .biasesUnchanged {
          result.bias = zip(layer.bias, g.db).map { w, g in
            self == .signFlipped ? w + lr * g : w - lr * g
          }
        }
        return result
      }
    }
  }

  // MARK: - Adam

  /// Checks an Adam step: the network, then m, v and t.
  static func adamStep(
    _ yours: (inout LearnerNetwork, [LayerGradients], inout AdamMemory, Float) throws -> Void
  ) -> CheckOutcome {
    checkCases(
      .adamStep, cases: adamSteps, describe: { $0.describe("adamStep") },
      yours: { step -> (network: LearnerNetwork, adam: AdamMemory) in
        var (network, adam) = (step.network, step.adam)
        try yours(&network, step.gradients, &adam, step.learningRate)
        return (network, adam)
      },
      reference: { $0.expected },
      compare: { yours, expected in
        compareTrainedState(
          yours, expected, parameters: .adamParameters, moments: .adamMoments)
      },
      hint: adamHint)
  }

  static func adamHint(
    _ step: Step, _ output: (network: LearnerNetwork, adam: AdamMemory),
    _ expected: (network: LearnerNetwork, adam: AdamMemory)
  ) -> String? {
    let layers = output.network.layers.flatMap { $0.weights.joined() + $0.bias }
    if layers.contains(where: \.isNaN) && output.adam.step == step.adam.step {
      return "NaN: add 1 to adam.step before the bias correction (with t = 0 it is 0/0)"
    }
    let tensors = 2 * step.network.layers.count
    if output.adam.step == step.adam.step + tensors && tensors > 1 {
      return "adam.step went up by \(tensors), once per tensor: add 1 once per step, before"
        + " the loop"
    }
    for mistake in AdamMistake.allCases {
      let result = mistake.step(step)  // a mistake that changes nothing here says nothing
      if sameLayers(output.network.layers, result, .adamParameters)
        && !sameLayers(expected.network.layers, result, .adamParameters)
      {
        return mistake.hint
      }
    }
    if compareLayers("", output.network.layers, expected.network.layers, .adamParameters) == nil {
      if !sameLayers(output.adam.m, expected.adam.m, .adamMoments)
        || !sameLayers(output.adam.v, expected.adam.v, .adamMoments)
      {
        return "the network is right but m or v is not what you used: store the new m and v"
          + " in `adam` (it is inout)"
      }
      return "adam.step is t: the step count you were given plus 1"
    }
    return nil
  }

  /// Adam steps with one mistake, for the hints.
  enum AdamMistake: CaseIterable {
    case noBiasCorrection, textbookEpsilon, plainSGD, signFlipped, stepPerTensor

    var hint: String {
      switch self {
      case .noBiasCorrection:
        return "a missing bias correction: α = learningRate · √(1 − β2ᵗ) / (1 − β1ᵗ), not"
          + " learningRate (m and v start at 0 and need it)"
      case .textbookEpsilon:
        return "ε in the paper's place: use Keras' form w − α · m / (√v + ε) with α bias-corrected"
      case .plainSGD:
        return "that is plain SGD, w − learningRate · g: use Adam's m, v and α"
      case .signFlipped:
        return "updated with the gradient's sign flipped: w − α · m / (√v + ε), a minus"
      case .stepPerTensor:
        return "t incremented once per tensor: add 1 to adam.step once per step, and use the"
          + " same t (and α) for every tensor"
      }
    }

    /// The network after `step` with this mistake.
    func step(_ step: Step) -> [LayerParameters] {
      let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-7)
      let lr = step.learningRate
      func alpha(_ t: Int) -> Float {
        let t = Double(t)
        return Float(Double(lr) * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t)))
      }
      return zip(step.network.layers.indices, step.gradients).map { l, g in
        /// One tensor (W or b, tensor number `tensor` counting from 1) with this mistake.
        func update(_ w: [Float], _ g: [Float], _ m: [Float], _ v: [Float], tensor: Int)
          -> [Float]
        {
          let t = step.adam.step + (self == .stepPerTensor ? tensor : 1)
          return w.indices.map { i in
            let m = beta1 * m[i] + (1 - beta1) * g[i]
            let v = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
            switch self {
            case .noBiasCorrection: return w[i] - lr * m / (v.squareRoot() + epsilon)
            case .textbookEpsilon:
              let (mHat, vHat) = (
                m / (1 - pow(beta1, Float(t))), v / (1 - pow(beta2, Float(t)))
              )
              return w[i] - lr * mHat / (vHat.squareRoot() + epsilon)
            case .plainSGD: return w[i] - lr * g[i]
            case .signFlipped: return w[i] + alpha(t) * m / (v.squareRoot() + epsilon)
            case .stepPerTensor: return w[i] - alpha(t) * m / (v.squareRoot() + epsilon)
            }
          }
        }
        let (m, v, layer) = (step.adam.m[l], step.adam.v[l], step.network.layers[l])
        let weights = layer.weights.indices.map { k in
          update(layer.weights[k], g.dW[k], m.weights[k], v.weights[k], tensor: 2 * l + 1)
        }
        let bias = update(layer.bias, g.db, m.bias, v.bias, tensor: 2 * l + 2)
        return LayerParameters(weights: weights, bias: bias)
      }
    }
  }
}

extension NamedTolerance {
  /// SGD's new weights: one product and one subtraction, rounded at most one unit in the
  /// last place apart in another order (w + (−lr)·g); every mistake moves a weight by
  /// lr · g or more.
  static let sgdParameters = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-6, relative: 1e-6),
    reason: "w − lr·g rounds the same up to Float's last digit", scale: "max|expected|")

  /// Weights and biases after Adam's step: each moves by about the learning rate; the same
  /// formula rounded in another order moves it by < 1e-6 of that; every mistake we know of
  /// moves it by a sizeable part of the learning rate.
  static let adamParameters = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-6, relative: 1e-5),
    reason: "Adam's step rounded in another order differs by < 1e-6", scale: "max|expected|")

  /// m and v: 1 − β2 in Float is 0.00099998713, so writing 0.001 instead changes v by
  /// 1.3e-5 of itself (and √v, the step, by half that); a product and a sum rounded in
  /// another order add ~1e-7. Relative only, because v is tiny (g² · 0.001) and any
  /// absolute bound would hide it. Every mistake we know of is off by 1e-2 or more.
  static let adamMoments = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-12, relative: 1e-4),
    reason: "1 − β2 written 0.001 or computed in Float differ by 1.3e-5; v is tiny, so relative",
    scale: "max|expected|")

  /// Adam's step count t is a whole number.
  static let stepCount = NamedTolerance(
    tolerance: Tolerance(absolute: 0), reason: "t counts steps")
}
