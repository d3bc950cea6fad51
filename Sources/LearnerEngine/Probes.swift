import ExerciseSupport
import Foundation

/// The first call of every learner function the run needs, on tiny inputs, in the order a
/// learner writes them, before any training: an unwritten stub, a wrong shape or a NaN is
/// reported by name at once, not minutes into an epoch.
///
///     denseForward(inputs: 2 × 3, weights: 3 × 2, bias: 2)   expects 2 × 2, all finite
struct Probes {
  var functions: LearnerFunctions
  var activations: [HiddenActivation]
  var reporter: ChildReporter

  /// Seconds any first call may take (the checkers allow the same).
  static let secondsAllowed = 10.0

  /// Calls each function once; the first problem found, or nil.
  func run() -> LearnerProblem? {
    do {
      try probeActivations()
      try probeLayers()
      try probeLoss()
      try probeNetwork()
      return nil
    } catch let problem as LearnerProblem {
      return problem
    } catch {
      return nil  // `call` turns every other error into a problem
    }
  }

  /// Calls `body` as `function`, telling the parent first; a thrown `NotWrittenYet` or any
  /// other error becomes the learner's problem.
  func call<Result>(
    _ function: LearnerFunction, _ description: String, _ body: () throws -> Result
  ) throws -> Result {
    reporter.send(
      .calling(
        function, call: description + ", before training", secondsAllowed: Self.secondsAllowed))
    do {
      return try body()
    } catch is NotWrittenYet {
      throw LearnerProblem(function, .notWritten, call: "the network's first call, \(description)")
    } catch {
      throw LearnerProblem(function, .threw, call: description, yours: "\(error)")
    }
  }

  private func probeActivations() throws {
    let usesSigmoid = activations.contains(.sigmoid)
    let usesReLU = activations.contains(.relu)
    // Exercise 01 comes first for every learner; its functions are probed whenever the
    // network could use them.
    if usesSigmoid || usesReLU {
      try finite(
        .sigmoid, "sigmoid(0.5)", call(.sigmoid, "sigmoid(0.5)") { try functions.sigmoid(0.5) })
      try finite(
        .sigmoidDerivative, "sigmoidDerivative(0.5)",
        call(.sigmoidDerivative, "sigmoidDerivative(0.5)") { try functions.sigmoidDerivative(0.5) })
      try finite(.relu, "relu(-2)", call(.relu, "relu(-2)") { try functions.relu(-2) })
      try finite(
        .reluDerivative, "reluDerivative(2)",
        call(.reluDerivative, "reluDerivative(2)") { try functions.reluDerivative(2) })
    }
    for case .leakyReLU(let alpha) in activations {
      try finite(
        .leakyReLU, "leakyReLU(-2, alpha: \(alpha))",
        call(.leakyReLU, "leakyReLU(-2, alpha: \(alpha))") { try functions.leakyReLU(-2, alpha) })
      try finite(
        .leakyReLUDerivative, "leakyReLUDerivative(-2, alpha: \(alpha))",
        call(.leakyReLUDerivative, "leakyReLUDerivative(-2, alpha: \(alpha))") {
          try functions.leakyReLUDerivative(-2, alpha)
        })
    }
  }

  private func probeLayers() throws {
    let inputs: [[Float]] = [[1, 2, 3], [0, 1, 0]]
    let weights: [[Float]] = [[1, 0], [0, 1], [1, 1]]
    let text = "denseForward(inputs: 2 × 3, weights: 3 × 2, bias: 2)"
    let y = try call(.denseForward, text) {
      try functions.denseForward(inputs, weights, [0.5, -1])
    }
    try shape(
      .denseForward, text, y, rows: 2, columns: 2, "one row per input row, one column per unit")
    let backText = "denseBackward(inputs: 2 × 3, weights: 3 × 2, dOutput: 2 × 2)"
    let gradients = try call(.denseBackward, backText) {
      try functions.denseBackward(inputs, weights, [[1, 0], [0, 2]])
    }
    try shape(.denseBackward, backText + ", its dW", gradients.dW, rows: 3, columns: 2, "W's shape")
    try vector(.denseBackward, backText + ", its db", gradients.db, count: 2, "b's shape")
    try shape(.denseBackward, backText + ", its dX", gradients.dX, rows: 2, columns: 3, "X's shape")
  }

  private func probeLoss() throws {
    let p = try call(.softmax, "softmax([1, 2, 3])") { try functions.softmax([1, 2, 3]) }
    try vector(.softmax, "softmax([1, 2, 3])", p, count: 3, "one probability per logit")
    let text = "crossEntropy(probabilities: [0.2, 0.3, 0.5], label: 2)"
    try finite(
      .crossEntropy, text,
      call(.crossEntropy, text) { try functions.crossEntropy([0.2, 0.3, 0.5], 2) })
    let gradientText = "softmaxCrossEntropyGradient(logits: 2 × 3, labels: [0, 2])"
    let gradient = try call(.softmaxCrossEntropyGradient, gradientText) {
      try functions.softmaxCrossEntropyGradient([[2, 1, 0.1], [0, 0, 1]], [0, 2])
    }
    try shape(
      .softmaxCrossEntropyGradient, gradientText, gradient, rows: 2, columns: 3, "the logits' shape"
    )
  }

  private func probeNetwork() throws {
    let limitText = "glorotUniformLimit(fanIn: 784, fanOut: 128)"
    let limit = try call(.glorotUniformLimit, limitText) {
      try functions.glorotUniformLimit(784, 128)
    }
    try finite(.glorotUniformLimit, limitText, limit)
    guard limit > 0 else {
      throw LearnerProblem(
        .glorotUniformLimit, .outOfRange, call: limitText, yours: "\(limit)",
        expected: "a positive limit, ≈ 0.08111")
    }
    let inputs: [[Float]] = [[0.5, -1, 0.25], [1, 0, -0.5], [0, 0.75, 1], [-1, 0.5, 0]]
    let labels = [0, 1, 1, 0]
    for activation in activations {
      var generator = SeededGenerator(seed: 1)
      let initText = "initialNetwork(layerSizes: [3, 4, 2], activation: .\(activation))"
      var network = try call(.initialNetwork, initText) {
        try functions.initialNetwork([3, 4, 2], activation, &generator)
      }
      try NetworkShape(sizes: [3, 4, 2]).check(network, .initialNetwork, initText)
      let forwardText = "forward(a 3 → 4 → 2 network, inputs: 4 × 3), .\(activation)"
      let pass = try call(.forward, forwardText) { try functions.forward(network, inputs) }
      for (index, units) in [4, 2].enumerated() {
        let z = pass.preActivations.indices.contains(index) ? pass.preActivations[index] : []
        let a = pass.activations.indices.contains(index) ? pass.activations[index] : []
        try shape(
          .forward, forwardText + ", Z of layer \(index)", z, rows: 4, columns: units,
          "4 × \(units)")
        try shape(
          .forward, forwardText + ", A of layer \(index)", a, rows: 4, columns: units,
          "4 × \(units)")
      }
      let dLogits: [[Float]] = [[0.1, -0.1], [-0.2, 0.2], [0.05, -0.05], [0, 0]]
      let backwardText = "backward(a 3 → 4 → 2 network, inputs: 4 × 3, dLogits: 4 × 2)"
      let gradients = try call(.backward, backwardText) {
        try functions.backward(network, inputs, pass, dLogits)
      }
      guard gradients.count == 2 else {
        throw LearnerProblem(
          .backward, .wrongShape, call: backwardText, yours: "\(gradients.count) layers' gradients",
          expected: "2, one per layer, first layer first")
      }
      for (index, (rows, columns)) in [(3, 4), (4, 2)].enumerated() {
        try shape(
          .backward, backwardText + ", dW of layer \(index)", gradients[index].dW, rows: rows,
          columns: columns, "W's shape")
        try vector(
          .backward, backwardText + ", db of layer \(index)", gradients[index].db, count: columns,
          "b's shape")
      }
      var adam = AdamMemory(startingFor: network)
      let adamText = "adamStep(a 3 → 4 → 2 network, its first step)"
      try call(.adamStep, adamText) { try functions.adamStep(&network, gradients, &adam, 0.01) }
      try NetworkShape(sizes: [3, 4, 2]).check(network, .adamStep, adamText)
      guard adam.step == 1 else {
        throw LearnerProblem(
          .adamStep, .outOfRange, call: adamText, yours: "adam.step \(adam.step)",
          expected: "adam.step 1: t goes up by one per step")
      }
      let batchText = "miniBatches(count: 10, batchSize: 4)"
      let batches = try call(.miniBatches, batchText) {
        try functions.miniBatches(10, 4, &generator)
      }
      guard batches.map(\.count) == [4, 4, 2], batches.flatMap({ $0 }).sorted() == Array(0..<10)
      else {
        throw LearnerProblem(
          .miniBatches, .wrongShape, call: batchText, yours: "\(batches)",
          expected: "3 batches of 4, 4 and 2 indices, together 0 to 9 once each")
      }
      let epochText = "trainEpoch(a 3 → 4 → 2 network, 4 images, batchSize: 2)"
      let epoch = try call(.trainEpoch, epochText) {
        try functions.trainEpoch(&network, &adam, inputs, labels, 2, 0.01, &generator)
      }
      try NetworkShape(sizes: [3, 4, 2]).check(network, .trainEpoch, epochText)
      try lossAndAccuracy(.trainEpoch, epochText, epoch)
      let evaluateText = "evaluate(a 3 → 4 → 2 network, 4 images)"
      let result = try call(.evaluate, evaluateText) {
        try functions.evaluate(network, inputs, labels)
      }
      try lossAndAccuracy(.evaluate, evaluateText, result)
    }
  }
}

// MARK: - The checks a result must pass (shared with the training run)

/// Fails unless `value` is a number.
func finite(_ function: LearnerFunction, _ call: String, _ value: Float) throws {
  guard value.isFinite else {
    throw LearnerProblem(
      function, .notFinite, call: call, yours: "\(value)", expected: "a finite number",
      hint: hintForNonFinite(function))
  }
}

/// Fails unless `matrix` is `rows` × `columns` of finite numbers.
func shape(
  _ function: LearnerFunction, _ call: String, _ matrix: [[Float]], rows: Int, columns: Int,
  _ why: String
) throws {
  let columnCounts = Set(matrix.map(\.count))
  guard matrix.count == rows, columnCounts == [columns] || (rows == 0 && matrix.isEmpty) else {
    throw LearnerProblem(
      function, .wrongShape, call: call, yours: shapeText(matrix),
      expected: "\(rows) × \(columns) (\(why))")
  }
  if let bad = matrix.joined().first(where: { !$0.isFinite }) {
    throw LearnerProblem(
      function, .notFinite, call: call, yours: "a \(rows) × \(columns) matrix holding \(bad)",
      expected: "finite numbers only", hint: hintForNonFinite(function))
  }
}

/// Fails unless `values` holds `count` finite numbers.
func vector(
  _ function: LearnerFunction, _ call: String, _ values: [Float], count: Int, _ why: String
)
  throws
{
  guard values.count == count else {
    throw LearnerProblem(
      function, .wrongShape, call: call, yours: "\(values.count) numbers",
      expected: "\(count) (\(why))")
  }
  if let bad = values.first(where: { !$0.isFinite }) {
    throw LearnerProblem(
      function, .notFinite, call: call, yours: "\(values) holding \(bad)",
      expected: "finite numbers only", hint: hintForNonFinite(function))
  }
}

/// Fails unless a (loss, accuracy) pair is a finite loss ≥ 0 and an accuracy in [0, 1].
func lossAndAccuracy(
  _ function: LearnerFunction, _ call: String, _ result: (loss: Float, accuracy: Double)
) throws {
  try finite(function, call + ", its loss", result.loss)
  guard result.loss >= 0, (0...1).contains(result.accuracy) else {
    throw LearnerProblem(
      function, .outOfRange, call: call,
      yours: "loss \(result.loss), accuracy \(result.accuracy)",
      expected: "a loss ≥ 0 and an accuracy from 0 to 1 (a fraction, not a percentage)")
  }
}

/// `3 × 2`, or `3 rows of 2, 2 and 5 numbers` when the rows differ.
func shapeText(_ matrix: [[Float]]) -> String {
  let counts = matrix.map(\.count)
  guard let first = counts.first else { return "no rows" }
  if counts.allSatisfy({ $0 == first }) { return "\(matrix.count) × \(first)" }
  return "\(matrix.count) rows of \(counts.prefix(4).map(String.init).joined(separator: ", "))"
    + (counts.count > 4 ? ", …" : "") + " numbers"
}

private func hintForNonFinite(_ function: LearnerFunction) -> String {
  switch function {
  case .sigmoid: return "for x < 0 use e^x/(1+e^x): e^(−x) overflows"
  case .softmax, .softmaxCrossEntropyGradient:
    return "subtract the largest logit before exp, so no e^… overflows"
  case .crossEntropy: return "−log of the true class's probability, with the label as index"
  case .trainEpoch, .evaluate:
    return
      "a NaN loss usually comes from softmax or crossEntropy, or from a step that grew the weights"
  default: return ""
  }
}

/// The shapes a network of `sizes` must keep: every layer's W (fan-in × fan-out) and b.
struct NetworkShape {
  var sizes: [Int]

  func check(_ network: LearnerNetwork, _ function: LearnerFunction, _ call: String) throws {
    guard network.layers.count == sizes.count - 1 else {
      throw LearnerProblem(
        function, .wrongShape, call: call, yours: "\(network.layers.count) layers",
        expected: "\(sizes.count - 1), one per pair of sizes in \(sizes)")
    }
    for (index, layer) in network.layers.enumerated() {
      try shape(
        function, call + ", W of layer \(index)", layer.weights, rows: sizes[index],
        columns: sizes[index + 1], "fan-in × fan-out")
      try vector(
        function, call + ", b of layer \(index)", layer.bias, count: sizes[index + 1],
        "one per unit")
    }
  }
}
