import ExerciseSupport
import Foundation
import NeuralKit

/// The checks of exercise 05: one training step (forward, loss, backward, Adam) against
/// NeuralKit's `Network.backpropagate` and `Adam.update`, several steps in a row.
///
/// Each step starts from NeuralKit's state after the previous step, so every step is
/// checked on its own and a counter-example can be repeated exactly. NeuralKit's `Adam`
/// keeps m and v private; the expected m and v are its formulas applied here to NeuralKit's
/// gradients (the worked solution, whose weights come from its own m and v, passing shows
/// the two agree).
enum TrainingChecks {
  /// What `trainingStep` returns.
  typealias StepResult = (network: TwoLayerNetwork, adam: AdamState, loss: Float)

  /// One call to check: the state before it, the batch, NeuralKit's gradients and result.
  struct Step {
    var caseName: String
    var number: Int
    var count: Int
    var network: TwoLayerNetwork
    var adam: AdamState
    var inputs: [[Float]]
    var labels: [Int]
    var learningRate: Float
    /// NeuralKit's dW1, db1, dW2, db2 at `network`, for the hints.
    var gradients: TwoLayerNetwork
    var expected: StepResult
  }

  /// A network and batch size to train for a few steps.
  struct Setup {
    var name: String
    var sizes: (inputs: Int, hidden: Int, classes: Int)
    var batch: Int
    var steps: Int
    var learningRate: Float
  }

  /// Named setups first (square layers catch a transposed dW by its values, non-square ones
  /// by its shape; batch 1 and batch > 1; Keras' default learning rate), then 10 seeded
  /// random ones. Every setup has non-zero biases and starts with m = v = 0, t = 0.
  static let setups: [Setup] = {
    var setups = [
      Setup(
        name: "square layers 3 → 3 → 3, batch 4", sizes: (3, 3, 3), batch: 4, steps: 3,
        learningRate: 0.01),
      Setup(
        name: "non-square 5 → 4 → 3, batch 6", sizes: (5, 4, 3), batch: 6, steps: 4,
        learningRate: 0.01),
      Setup(
        name: "batch 1, 2 → 6 → 4", sizes: (2, 6, 4), batch: 1, steps: 3, learningRate: 0.001),
      Setup(
        name: "10 classes, 7 → 5 → 10, batch 8", sizes: (7, 5, 10), batch: 8, steps: 3,
        learningRate: 0.005),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson05)
    for index in 1...10 {
      let sizes = (
        1 + generator.nextInt(below: 8), 1 + generator.nextInt(below: 8),
        2 + generator.nextInt(below: 5)
      )
      setups.append(
        Setup(
          name: "random network \(index) of 10 (seed \(CheckSeeds.lesson05))", sizes: sizes,
          batch: 1 + generator.nextInt(below: 8), steps: 3,
          learningRate: generator.nextInt(below: 2) == 0 ? 0.001 : 0.01))
    }
    return setups
  }()

  /// Every step of every setup, with NeuralKit's results.
  static let steps: [Step] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 1)
    return setups.flatMap { referenceSteps($0, generator: &generator) }
  }()

  /// Trains NeuralKit's network of `setup` for `setup.steps` steps on seeded batches.
  static func referenceSteps(_ setup: Setup, generator: inout SeededGenerator) -> [Step] {
    func uniform(_ rows: Int, _ columns: Int, _ scale: Float) -> [[Float]] {
      (0..<rows).map { _ in (0..<columns).map { _ in generator.nextFloat(in: -scale, scale) } }
    }
    let (inputCount, hidden, classes) = setup.sizes
    var network = TwoLayerNetwork(
      weights1: uniform(inputCount, hidden, 1), bias1: uniform(1, hidden, 0.5)[0],
      weights2: uniform(hidden, classes, 1), bias2: uniform(1, classes, 0.5)[0])
    var adam = AdamState(startingFor: network)
    var reference = Network(layers: [
      Dense(weights: Matrix(network.weights1), bias: network.bias1, activation: .relu),
      Dense(weights: Matrix(network.weights2), bias: network.bias2, activation: .identity),
    ])
    var optimizer = Adam(learningRate: setup.learningRate)
    var steps: [Step] = []
    for number in 1...setup.steps {
      let inputs = uniform(setup.batch, inputCount, 2)
      let labels = (0..<setup.batch).map { _ in generator.nextInt(below: classes) }
      let pass = try! reference.backpropagate(inputs: Matrix(inputs), labels: labels)
      let gradients = TwoLayerNetwork(
        weights1: pass.gradients[0].dW.rowArrays, bias1: pass.gradients[0].db,
        weights2: pass.gradients[1].dW.rowArrays, bias2: pass.gradients[1].db)
      optimizer.update(&reference.layers, with: pass.gradients)
      let updated = TwoLayerNetwork(
        weights1: reference.layers[0].weights.rowArrays, bias1: reference.layers[0].bias,
        weights2: reference.layers[1].weights.rowArrays, bias2: reference.layers[1].bias)
      let moments = AdamState(
        m: combine(adam.m, gradients) { m, g in optimizer.beta1 * m + (1 - optimizer.beta1) * g },
        v: combine(adam.v, gradients) { v, g in
          optimizer.beta2 * v + (1 - optimizer.beta2) * g * g
        },
        step: optimizer.step)
      steps.append(
        Step(
          caseName: setup.name, number: number, count: setup.steps, network: network,
          adam: adam, inputs: inputs, labels: labels, learningRate: setup.learningRate,
          gradients: gradients, expected: (updated, moments, pass.loss)))
      (network, adam) = (updated, moments)
    }
    return steps
  }

  /// Checks a training step: the loss, then W1, b1, W2, b2, then m, v and t.
  static func trainingStep(
    _ yours: (TwoLayerNetwork, AdamState, [[Float]], [Int], Float) throws -> StepResult
  ) -> CheckOutcome {
    checkCases(
      .trainingStep, cases: steps, describe: describe,
      yours: { try yours($0.network, $0.adam, $0.inputs, $0.labels, $0.learningRate) },
      reference: { $0.expected }, compare: compare, hint: hint)
  }

  static func describe(_ step: Step) -> String {
    let start =
      step.number == 1
      ? "the seeded start, m = v = 0" : "NeuralKit's state after step \(step.number - 1)"
    let network = step.network
    return "\(step.caseName): step \(step.number) of \(step.count), from \(start)\n"
      + "trainingStep(network: weights1 \(shapeText(network.weights1)),"
      + " bias1 (\(network.bias1.count)), weights2 \(shapeText(network.weights2)),"
      + " bias2 (\(network.bias2.count)),\n"
      + "             adam: step \(step.adam.step), inputs: \(shapeText(step.inputs)),"
      + " labels: \(step.labels), learningRate: \(step.learningRate))"
  }

  /// The first disagreement, in the order loss, network, m, v, step.
  static func compare(_ yours: StepResult, _ expected: StepResult) -> Mismatch? {
    if !isClose(yours.loss, expected.loss, .trainingLoss) {
      return Mismatch(
        yours: "loss = \(show(yours.loss))", expected: "loss = \(show(expected.loss))",
        tolerance: .trainingLoss)
    }
    if let mismatch = compareNetworks("network.", yours.network, expected.network, .adamParameters)
      ?? compareNetworks("adam.m.", yours.adam.m, expected.adam.m, .adamMoments)
      ?? compareNetworks("adam.v.", yours.adam.v, expected.adam.v, .adamMoments)
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

  /// Compares the four tensors of two networks (or of m or v), W1 first.
  static func compareNetworks(
    _ prefix: String, _ yours: TwoLayerNetwork, _ expected: TwoLayerNetwork,
    _ tolerance: NamedTolerance
  ) -> Mismatch? {
    compareMatrices(prefix + "weights1", yours.weights1, expected.weights1, tolerance)
      ?? compareVectors(prefix + "bias1", yours.bias1, expected.bias1, tolerance)
      ?? compareMatrices(prefix + "weights2", yours.weights2, expected.weights2, tolerance)
      ?? compareVectors(prefix + "bias2", yours.bias2, expected.bias2, tolerance)
  }

  /// A likely mistake, found by redoing the step with that mistake and comparing.
  static func hint(_ step: Step, _ output: StepResult, _ expected: StepResult) -> String? {
    let batch = Float(step.inputs.count)
    if output.loss.isNaN || hasNaN(output.network) {
      if output.adam.step == step.adam.step {
        return "NaN: add 1 to adam.step before the bias correction (with t = 0 it is 0/0)"
      }
      return "NaN: look for a division by 0 or the log of 0 (use a softmax that subtracts the max)"
    }
    if !isClose(output.loss, expected.loss, .trainingLoss) {
      if batch > 1 && isClose(output.loss, expected.loss * batch, .trainingLoss) {
        return "that loss is the sum over the batch: the loss is the mean, divide by B"
      }
      return "loss = the mean over the batch of −log softmax(logits)[label], computed from the"
        + " network before the update (check the forward pass: relu on the hidden layer only)"
    }
    if output.adam.step == step.adam.step + 4 {
      return "adam.step went up by 4: add 1 once per training step, not once per tensor"
    }
    for mistake in Mistake.allCases {
      if let result = redo(step, with: mistake), matches(output, result, mistake) {
        return mistake.hint
      }
    }
    if output.adam.step != expected.adam.step {
      return "adam.step is t: return the step count you were given plus 1"
    }
    return nil
  }

  /// Mistakes the hints recognise.
  enum Mistake: CaseIterable {
    case missingMean, transposedWeightGradient, noBiasCorrection, textbookEpsilon
    case plainSGD, signFlipped

    var hint: String {
      switch self {
      case .missingMean:
        return "gradient not divided by the batch: dZ2 = (softmax − onehot) / B (Adam's step"
          + " almost cancels the factor B; m and v keep it)"
      case .transposedWeightGradient:
        return "the weight gradient is transposed: dW = Xᵀ·dZ has W's shape (inputs × outputs),"
          + " dW[k][c] = Σᵣ X[r][k] · dZ[r][c]"
      case .noBiasCorrection:
        return "a missing bias correction: α = learningRate · √(1 − β2ᵗ) / (1 − β1ᵗ), not"
          + " learningRate"
      case .textbookEpsilon:
        return "ε in the paper's place: use Keras' form w − α · m / (√v + ε) with α bias-corrected"
      case .plainSGD:
        return "that is plain SGD, w − learningRate · g: use Adam's m, v and α"
      case .signFlipped:
        return "updated with the gradient's sign flipped: w − α · m / (√v + ε), a minus"
      }
    }
  }

  /// `step` redone with one mistake, from NeuralKit's gradients; `nil` when the mistake
  /// cannot happen there (a transposed gradient of a non-square layer has the wrong shape).
  static func redo(_ step: Step, with mistake: Mistake) -> StepResult? {
    var gradients = step.gradients
    switch mistake {
    case .missingMean:
      let batch = Float(step.inputs.count)
      gradients = combine(gradients, gradients) { g, _ in g * batch }
    case .transposedWeightGradient:
      guard sameShape(gradients.weights1, transposed(gradients.weights1)),
        sameShape(gradients.weights2, transposed(gradients.weights2))
      else { return nil }
      gradients.weights1 = transposed(gradients.weights1)
      gradients.weights2 = transposed(gradients.weights2)
    default: break
    }
    let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-7)
    let t = Double(step.adam.step + 1)
    let (lr, correction1, correction2) = (
      step.learningRate, Float(1 - pow(Double(beta1), t)), Float(1 - pow(Double(beta2), t))
    )
    let m = combine(step.adam.m, gradients) { m, g in beta1 * m + (1 - beta1) * g }
    let v = combine(step.adam.v, gradients) { v, g in beta2 * v + (1 - beta2) * g * g }
    let alpha = mistake == .noBiasCorrection ? lr : lr * correction2.squareRoot() / correction1
    let change: TwoLayerNetwork
    switch mistake {
    case .plainSGD:
      change = combine(gradients, gradients) { g, _ in lr * g }
    case .textbookEpsilon:
      change = combine(m, v) { m, v in
        lr * (m / correction1) / ((v / correction2).squareRoot() + epsilon)
      }
    case .signFlipped:
      change = combine(m, v) { m, v in -alpha * m / (v.squareRoot() + epsilon) }
    default:
      change = combine(m, v) { m, v in alpha * m / (v.squareRoot() + epsilon) }
    }
    let network = combine(step.network, change) { w, change in w - change }
    return (network, AdamState(m: m, v: v, step: step.adam.step + 1), step.expected.loss)
  }

  /// Whether `output` is what the step gives with `mistake`: the network, and for mistakes
  /// that change them, m and v too.
  static func matches(_ output: StepResult, _ result: StepResult, _ mistake: Mistake) -> Bool {
    guard compareNetworks("", output.network, result.network, .adamParameters) == nil else {
      return false
    }
    switch mistake {
    case .missingMean, .transposedWeightGradient:
      return compareNetworks("", output.adam.m, result.adam.m, .adamMoments) == nil
    default:
      return true
    }
  }

  /// Applies `operation` to matching numbers of two networks.
  static func combine(
    _ a: TwoLayerNetwork, _ b: TwoLayerNetwork, _ operation: (Float, Float) -> Float
  ) -> TwoLayerNetwork {
    func matrix(_ x: [[Float]], _ y: [[Float]]) -> [[Float]] {
      zip(x, y).map { zip($0, $1).map(operation) }
    }
    return TwoLayerNetwork(
      weights1: matrix(a.weights1, b.weights1), bias1: zip(a.bias1, b.bias1).map(operation),
      weights2: matrix(a.weights2, b.weights2), bias2: zip(a.bias2, b.bias2).map(operation))
  }

  static func hasNaN(_ network: TwoLayerNetwork) -> Bool {
    (network.weights1.joined() + network.bias1 + network.weights2.joined() + network.bias2)
      .contains(where: \.isNaN)
  }
}

extension NamedTolerance {
  /// The mean loss: −log softmax summed in Float against NeuralKit's logSumExp − z summed
  /// in Double differ by ~1e-7 per example; a wrong forward pass is off by 1e-2 or more.
  static let trainingLoss = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-5, relative: 1e-5),
    reason: "−log softmax in Float and NeuralKit's logSumExp in Double round differently")

  /// Weights and biases after the step: gradients rounded in another order move Adam's step
  /// (about the learning rate per number) by far less than 1e-6; every mistake we know of
  /// moves it by a sizeable part of the learning rate, 1e-4 or more.
  static let adamParameters = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-5, relative: 1e-5),
    reason: "gradients rounded in another order move Adam's step by < 1e-6",
    scale: "max|expected|")

  /// m and v: sums of products rounded in another order, ~1e-6 of the largest. Relative
  /// only, because v is tiny (g² · 0.001, ~1e-6) and any absolute bound would hide it.
  static let adamMoments = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-12, relative: 1e-4),
    reason: "sums of products round differently in another order; v is tiny, so relative",
    scale: "max|expected|")

  /// Adam's step count t is a whole number.
  static let stepCount = NamedTolerance(
    tolerance: Tolerance(absolute: 0), reason: "t counts steps")
}
