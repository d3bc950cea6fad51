/// The weights and biases of a network with one hidden layer, on plain arrays: what
/// exercise 05's `trainingStep` trains.
///
///     inputs → hidden (relu) → classes (softmax)
///     Z1 = X·W1 + b1     W1 (inputs × hidden),  b1 (hidden)
///     Z2 = H·W2 + b2     W2 (hidden × classes), b2 (classes)
///
///     TwoLayerNetwork(
///       weights1: [[0.5, -0.5], [0.25, 1]], bias1: [0.1, -0.1],
///       weights2: [[1, -1], [-0.5, 0.5]], bias2: [0, 0.2])
///     // 2 inputs → 2 hidden units → 2 classes
public struct TwoLayerNetwork: Equatable, Sendable {
  /// W1, (inputs × hidden): one row per input, one column per hidden unit.
  public var weights1: [[Float]]
  /// b1, one per hidden unit.
  public var bias1: [Float]
  /// W2, (hidden × classes).
  public var weights2: [[Float]]
  /// b2, one per class.
  public var bias2: [Float]

  /// A network with the given weights and biases.
  public init(weights1: [[Float]], bias1: [Float], weights2: [[Float]], bias2: [Float]) {
    self.weights1 = weights1
    self.bias1 = bias1
    self.weights2 = weights2
    self.bias2 = bias2
  }

  /// The same shapes, every number 0: Adam's m and v before the first step.
  public var zeros: TwoLayerNetwork {
    let zero = { (rows: [[Float]]) in rows.map { [Float](repeating: 0, count: $0.count) } }
    return TwoLayerNetwork(
      weights1: zero(weights1), bias1: [Float](repeating: 0, count: bias1.count),
      weights2: zero(weights2), bias2: [Float](repeating: 0, count: bias2.count))
  }
}

/// What Adam remembers between steps: for every weight and bias a running mean of its
/// gradients (m) and of their squares (v), shaped like the network, and the number of
/// steps taken so far (t).
///
///     var adam = AdamState(startingFor: network)   // m and v all 0, step 0
public struct AdamState: Equatable, Sendable {
  /// m: the running mean of the gradients, one number per weight and bias.
  public var m: TwoLayerNetwork
  /// v: the running mean of the squared gradients.
  public var v: TwoLayerNetwork
  /// t: steps taken so far; 0 before the first.
  public var step: Int

  /// A state with the given moments and step count.
  public init(m: TwoLayerNetwork, v: TwoLayerNetwork, step: Int) {
    self.m = m
    self.v = v
    self.step = step
  }

  /// The state before the first step: m and v shaped like `network`, all 0; step 0.
  public init(startingFor network: TwoLayerNetwork) {
    self.init(m: network.zeros, v: network.zeros, step: 0)
  }
}
