import Kernels

/// A stack of dense layers ending in softmax: a multi-layer perceptron for classification.
///
///     Network(layerSizes: [784, 128, 10], hiddenActivation: .relu, seed: 1)
///     // 784 → 128 (relu) → 10 (softmax), 101,770 parameters
///
/// `[784, 128, 10]` is one hidden layer of 128 units: 784 inputs (a 28 × 28 image), 10
/// outputs (one score per class). The output layer uses `.identity` and its scores
/// ("logits") go through softmax and cross-entropy together (`SoftmaxCrossEntropy`).
public struct Network: Equatable, Sendable, CustomStringConvertible {
  /// The layers, input side first. The last one has activation `.identity`.
  public var layers: [Dense]

  /// A network made of given layers.
  public init(layers: [Dense]) {
    require(!layers.isEmpty, "Network: needs at least one layer")
    for l in 1..<layers.count {
      require(
        layers[l].inputCount == layers[l - 1].outputCount,
        "Network: layer \(l + 1) takes \(layers[l].inputCount) inputs"
          + " but layer \(l) gives \(layers[l - 1].outputCount)")
    }
    require(
      layers.last!.activation == .identity,
      "Network: the output layer must use .identity (softmax is applied with the loss)")
    self.layers = layers
  }

  /// A network with the given layer sizes, hidden layers using `hiddenActivation`, weights
  /// drawn from `generator` (so two networks built from equal generators are equal).
  public init(
    layerSizes: [Int], hiddenActivation: Activation, initializer: Initializer = .glorotUniform,
    generator: inout SeededGenerator
  ) {
    require(
      layerSizes.count >= 2 && layerSizes.allSatisfy { $0 > 0 },
      "Network: layerSizes needs an input and an output size, all positive, got \(layerSizes)")
    var layers: [Dense] = []
    for l in 1..<layerSizes.count {
      let isOutput = l == layerSizes.count - 1
      layers.append(
        Dense(
          inputs: layerSizes[l - 1], outputs: layerSizes[l],
          activation: isOutput ? .identity : hiddenActivation,
          initializer: initializer, generator: &generator))
    }
    self.init(layers: layers)
  }

  /// A network with weights fixed by `seed`.
  public init(
    layerSizes: [Int], hiddenActivation: Activation, initializer: Initializer = .glorotUniform,
    seed: UInt64
  ) {
    var generator = SeededGenerator(seed: seed)
    self.init(
      layerSizes: layerSizes, hiddenActivation: hiddenActivation, initializer: initializer,
      generator: &generator)
  }

  /// Inputs per example (784 for MNIST).
  public var inputCount: Int { layers[0].inputCount }
  /// Number of classes.
  public var classCount: Int { layers.last!.outputCount }
  /// Number of trainable numbers.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// `784 → 128 (relu) → 10 (softmax), 101,770 parameters`
  public var description: String {
    var parts = ["\(inputCount)"]
    for layer in layers {
      let name = layer.activation == .identity ? "softmax" : layer.activation.description
      parts.append("\(layer.outputCount) (\(name))")
    }
    return parts.joined(separator: " → ")
      + ", \(groupedThousands(parameterCount, separator: ",")) parameters"
  }

  /// Every layer's forward pass, first layer first; the last output holds the logits.
  public func forward(_ inputs: Matrix) -> [DenseForward] {
    var passes: [DenseForward] = []
    var activation = inputs
    for layer in layers {
      let pass = layer.forward(activation)
      passes.append(pass)
      activation = pass.output
    }
    return passes
  }

  /// The class probabilities for each row of `inputs`, (batch × classes).
  public func probabilities(_ inputs: Matrix) throws -> Matrix {
    try checkInputs(inputs)
    return softmax(forward(inputs).last!.output)
  }

  /// The predicted class of each row of `inputs`.
  public func predict(_ inputs: Matrix) throws -> [Int] {
    try checkInputs(inputs)
    return forward(inputs).last!.output.argmaxPerRow()
  }

  /// Forward and backward for one batch: the mean loss, the number classified right and
  /// every layer's gradients. Changes nothing; `trainStep` applies the gradients.
  public func backpropagate(inputs: Matrix, labels: [Int]) throws -> Backpropagation {
    try checkInputs(inputs, labels: labels)
    let passes = forward(inputs)
    let logits = passes.last!.output  // (batch, classes)
    let loss = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels)
    return Backpropagation(
      loss: loss.loss, correct: countCorrect(logits, labels),
      gradients: backward(loss.dLogits, inputs: inputs, passes: passes), passes: passes)
  }

  /// The backward pass: every layer's gradients, first layer first, from the gradient of
  /// the loss with respect to the logits and the forward pass that produced them.
  // lesson: network-backward
  public func backward(_ dLogits: Matrix, inputs: Matrix, passes: [DenseForward])
    -> [DenseGradients]
  {
    // From the loss to the first layer, each layer's dX is the dA of the one before it.
    // The first layer's dX is not needed.
    var gradients: [DenseGradients] = []
    var dOutput = dLogits  // (batch, classes)
    for l in layers.indices.reversed() {
      let layerInputs = l == 0 ? inputs : passes[l - 1].output
      let layerGradients = layers[l].backward(
        dOutput, inputs: layerInputs, forward: passes[l], needsInputGradient: l > 0)
      gradients.append(layerGradients)
      if let dX = layerGradients.dX { dOutput = dX }
    }
    return gradients.reversed()
  }
  // end lesson

  /// One step of training on one batch: backpropagate, then let the optimizer update the
  /// weights. Throws `NeuralKitError.nonFiniteLoss` instead of updating when the loss is
  /// NaN or infinite (training diverged).
  // lesson: train-step
  @discardableResult
  public mutating func trainStep<O: Optimizer>(
    inputs: Matrix, labels: [Int], optimizer: inout O
  ) throws -> BatchResult {
    let result = try backpropagate(inputs: inputs, labels: labels)
    guard result.loss.isFinite else {
      throw NeuralKitError.nonFiniteLoss(loss: result.loss, step: nil)
    }
    optimizer.update(&layers, with: result.gradients)
    return BatchResult(loss: result.loss, correct: result.correct, count: labels.count)
  }
  // end lesson

  /// The mean loss and accuracy on a set of examples, in batches of `batchSize` rows.
  public func evaluate(inputs: Matrix, labels: [Int], batchSize: Int = 1000) throws -> BatchResult {
    try checkInputs(inputs, labels: labels)
    return evaluateInBatches(count: inputs.rows, batchSize: batchSize) {
      range, batch, batchLabels in
      let width = inputs.columns
      batch = Matrix(
        rows: range.count, columns: width,
        values: Array(inputs.values[range.lowerBound * width..<range.upperBound * width]))
      batchLabels = Array(labels[range])
    }.result
  }

  /// The mean loss and the predicted classes of `count` examples, `batchSize` at a time:
  /// `fill` writes the examples and labels of a range of them into a batch. The loss of
  /// each batch is its mean times its rows, so batches of any size add up. Inputs are not
  /// checked.
  func evaluateInBatches(
    count: Int, batchSize: Int, fill: (Range<Int>, inout Matrix, inout [Int]) -> Void
  ) -> (result: BatchResult, predictions: [Int]) {
    require(batchSize > 0, "evaluate: batch size must be positive, got \(batchSize)")
    var totalLoss: Double = 0
    var predictions: [Int] = []
    predictions.reserveCapacity(count)
    var correct = 0
    var batch = Matrix(rows: 0, columns: inputCount)
    var labels: [Int] = []
    for start in stride(from: 0, to: count, by: batchSize) {
      let range = start..<min(start + batchSize, count)
      fill(range, &batch, &labels)
      let logits = forward(batch).last!.output
      let loss = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels).loss
      totalLoss += Double(loss) * Double(range.count)
      correct += countCorrect(logits, labels)
      predictions += logits.argmaxPerRow()
    }
    let result = BatchResult(
      loss: Float(totalLoss / Double(max(count, 1))), correct: correct, count: count)
    return (result, predictions)
  }

  private func countCorrect(_ logits: Matrix, _ labels: [Int]) -> Int {
    zip(logits.argmaxPerRow(), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
  }

  /// Throws a clear error unless `inputs` has one column per network input, every value
  /// finite, and every label is a class of the network.
  public func checkInputs(_ inputs: Matrix, labels: [Int]? = nil) throws {
    guard inputs.columns == inputCount else {
      throw NeuralKitError.shapeMismatch(
        "inputs are \(inputs.shapeDescription) but the network \(description) takes"
          + " \(inputCount) values per example: pass one example per row")
    }
    // A NaN pixel would not show in the loss (ReLU turns NaN into 0) but would turn the
    // first layer's weights into NaN: catch it here. The scan costs ~1% of a step.
    if !inputs.isFinite, let index = inputs.values.firstIndex(where: { !$0.isFinite }) {
      throw NeuralKitError.nonFiniteInput(
        row: index / inputs.columns, column: index % inputs.columns, value: inputs.values[index])
    }
    guard let labels else { return }
    guard labels.count == inputs.rows else {
      throw NeuralKitError.shapeMismatch(
        "\(labels.count) labels for \(inputs.rows) rows of inputs: give one label per row")
    }
    if let row = labels.firstIndex(where: { !(0..<classCount).contains($0) }) {
      throw NeuralKitError.labelOutOfRange(label: labels[row], row: row, classes: classCount)
    }
  }
}

/// The result of `Network.backpropagate`.
public struct Backpropagation: Sendable {
  /// Mean cross-entropy over the batch.
  public var loss: Float
  /// Examples whose highest score is the true class.
  public var correct: Int
  /// Per layer, first layer first.
  public var gradients: [DenseGradients]
  /// Per layer, the forward pass (Z and A), first layer first.
  public var passes: [DenseForward]
}

/// Loss and accuracy on a batch or a whole set.
public struct BatchResult: Equatable, Sendable {
  /// Mean cross-entropy.
  public var loss: Float
  /// Examples classified right.
  public var correct: Int
  /// Examples seen.
  public var count: Int
  /// correct / count, in [0, 1].
  public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

  /// A result of `count` examples, `correct` of them right, with mean loss `loss`.
  public init(loss: Float, correct: Int, count: Int) {
    self.loss = loss
    self.correct = correct
    self.count = count
  }
}
