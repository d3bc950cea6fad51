import Foundation
import Testing

@testable import MNISTData
@testable import NeuralKit

@Suite struct NetworkTests {
  /// Small networks with every activation, non-square layers, batch > 1 and non-zero
  /// biases, so a transposed product or a missing 1/batch cannot pass by accident.
  static let cases: [(sizes: [Int], activation: Activation)] = [
    ([3, 5, 4], .sigmoid), ([3, 5, 4], .relu), ([4, 6, 3], .leakyReLU(alpha: 0.1)),
    ([5, 4, 2], .tanh), ([6, 7, 5, 3], .relu), ([6, 7, 5, 3], .sigmoid), ([2, 3], .identity),
  ]

  @Test("backpropagation agrees with finite differences", arguments: cases.indices)
  func gradientCheck(_ index: Int) throws {
    let (sizes, activation) = Self.cases[index]
    var generator = SeededGenerator(seed: 20 + UInt64(index))
    var network = Network(layerSizes: sizes, hiddenActivation: activation, generator: &generator)
    for l in network.layers.indices {
      network.layers[l].bias = network.layers[l].bias.map { _ in generator.nextFloat(in: -0.5, 0.5)
      }
    }
    let batch = 5
    let inputs = Matrix(
      rows: batch, columns: sizes[0],
      values: (0..<batch * sizes[0]).map { _ in generator.nextFloat(in: -2, 2) })
    let labels = (0..<batch).map { _ in generator.nextInt(below: sizes.last!) }
    let rows = try GradientCheck.compare(network: network, inputs: inputs, labels: labels)
    #expect(rows.count == 2 * network.layers.count)
    for row in rows { #expect(row.passed, "\(row.row)") }
  }

  @Test("backward twice gives the same gradients: nothing accumulates")
  func backwardTwice() throws {
    let network = Network(layerSizes: [4, 3, 2], hiddenActivation: .relu, seed: 3)
    let inputs = Matrix([[1, 2, 3, 4], [-1, 0.5, 2, 0]])
    let first = try network.backpropagate(inputs: inputs, labels: [0, 1])
    let second = try network.backpropagate(inputs: inputs, labels: [0, 1])
    for l in first.gradients.indices {
      #expect(first.gradients[l].dW == second.gradients[l].dW)
      #expect(first.gradients[l].db == second.gradients[l].db)
    }
  }

  /// XOR cannot be separated by one line; a hidden layer learns it. Seed, size, learning
  /// rate and steps fixed; 4 of 4 right is the only acceptable result.
  @Test("a hidden layer learns XOR")
  func learnsXOR() throws {
    let inputs = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
    let labels = [0, 1, 1, 0]
    var network = Network(layerSizes: [2, 8, 2], hiddenActivation: .tanh, seed: 1)
    var adam = Adam(learningRate: 0.05)
    for _ in 0..<300 { try network.trainStep(inputs: inputs, labels: labels, optimizer: &adam) }
    let result = try network.evaluate(inputs: inputs, labels: labels)
    #expect(result.correct == 4)
    #expect(result.loss < 0.05)
  }

  /// Two interleaved spirals of 100 points each: a non-linear problem that needs two hidden
  /// layers. From seed 1 the network reaches at least 95% on the points it trained on.
  @Test("two hidden ReLU layers learn two spirals")
  func learnsSpirals() throws {
    let (inputs, labels) = twoSpirals(pointsPerClass: 100)
    var network = Network(layerSizes: [2, 32, 32, 2], hiddenActivation: .relu, seed: 1)
    var adam = Adam(learningRate: 0.01)
    for _ in 0..<1500 { try network.trainStep(inputs: inputs, labels: labels, optimizer: &adam) }
    let result = try network.evaluate(inputs: inputs, labels: labels)
    #expect(result.accuracy >= 0.95, "accuracy \(result.accuracy)")
  }

  @Test("one seed, one result: two trainings end with identical weights")
  func reproducible() throws {
    func train() throws -> Network {
      var generator = SeededGenerator(seed: 99)
      var network = Network(layerSizes: [2, 16, 2], hiddenActivation: .relu, generator: &generator)
      let (inputs, labels) = twoSpirals(pointsPerClass: 50)
      var adam = Adam()
      for _ in 0..<20 {
        let order = generator.permutation(of: labels.count).prefix(16)
        let batch = Matrix(order.map { inputs.row($0) })
        try network.trainStep(inputs: batch, labels: order.map { labels[$0] }, optimizer: &adam)
      }
      return network
    }
    #expect(try train() == train())
  }

  @Test("description names layers, activations and the parameter count")
  func describes() {
    let network = Network(layerSizes: [784, 128, 10], hiddenActivation: .relu, seed: 1)
    #expect(network.description == "784 → 128 (relu) → 10 (softmax), 101,770 parameters")
    let deep = Network(layerSizes: [784, 128, 128, 10], hiddenActivation: .sigmoid, seed: 1)
    #expect(
      deep.description == "784 → 128 (sigmoid) → 128 (sigmoid) → 10 (softmax), 118,282 parameters")
  }

  @Test("inputs of the wrong width, a label per row missing, a label out of range: clear errors")
  func badInputs() {
    let network = Network(layerSizes: [4, 3, 2], hiddenActivation: .relu, seed: 1)
    #expect {
      try network.backpropagate(inputs: Matrix(rows: 2, columns: 5), labels: [0, 1])
    } throws: { error in
      "\(error)".contains("(2 × 5)") && "\(error)".contains("takes 4 values per example")
    }
    #expect(throws: NeuralKitError.self) {
      try network.backpropagate(inputs: Matrix(rows: 2, columns: 4), labels: [0])
    }
    #expect(throws: NeuralKitError.labelOutOfRange(label: 7, row: 1, classes: 2)) {
      try network.backpropagate(inputs: Matrix(rows: 2, columns: 4), labels: [0, 7])
    }
  }

  @Test("a NaN input is refused before it reaches the weights")
  func nanInput() {
    var network = Network(layerSizes: [2, 3, 2], hiddenActivation: .relu, seed: 1)
    let before = network
    var adam = Adam()
    #expect(throws: NeuralKitError.nonFiniteInput(row: 1, column: 0, value: .infinity)) {
      try network.trainStep(
        inputs: Matrix([[0, 1], [.infinity, 1]]), labels: [0, 1], optimizer: &adam)
    }
    #expect(network == before)
  }

  /// Raw pixels (0–255), no squashing in the hidden layer and SGD with learning rate 1
  /// blow the logits up to infinity within a few steps; training must stop with advice,
  /// not continue on NaN weights.
  @Test("a diverging run stops with advice instead of updating the weights")
  func divergence() throws {
    var generator = SeededGenerator(seed: 2)
    var network = Network(
      layerSizes: [20, 16, 4], hiddenActivation: .identity, generator: &generator)
    let inputs = Matrix(
      rows: 8, columns: 20, values: (0..<160).map { _ in generator.nextFloat(in: 0, 255) })
    let labels = (0..<8).map { $0 % 4 }
    var sgd = SGD(learningRate: 1)
    var stoppedAt: Int? = nil
    for step in 1...50 {
      let before = network
      do {
        try network.trainStep(inputs: inputs, labels: labels, optimizer: &sgd)
      } catch let error as NeuralKitError {
        #expect("\(error)".contains("diverged") && "\(error)".contains("smaller learning rate"))
        #expect(network == before, "weights must not change on the step that diverged")
        stoppedAt = step
        break
      }
    }
    #expect(stoppedAt != nil, "learning rate 1 on raw pixels should diverge within 50 steps")
  }

  @Test("Glorot and He draw within their limits; zeros are zeros")
  func initializers() {
    var generator = SeededGenerator(seed: 1)
    let glorot = Initializer.glorotUniform.weights(fanIn: 784, fanOut: 128, generator: &generator)
    let limit = Initializer.glorotUniform.limit(fanIn: 784, fanOut: 128)
    #expect(abs(limit - 0.081_111) < 1e-5)  // √(6 / 912)
    #expect(glorot.values.allSatisfy { abs($0) <= limit })
    #expect(glorot.values.contains { abs($0) > 0.9 * limit }, "the whole range is used")
    #expect(abs(Initializer.heUniform.limit(fanIn: 784, fanOut: 128) - 0.087_482) < 1e-5)
    #expect(
      Initializer.zeros.weights(fanIn: 3, fanOut: 2, generator: &generator)
        == Matrix(rows: 3, columns: 2))
  }
}

/// Two interleaved spirals: class 0 and class 1 wind around each other.
func twoSpirals(pointsPerClass: Int) -> (Matrix, [Int]) {
  var rows: [[Float]] = []
  var labels: [Int] = []
  for label in 0..<2 {
    for i in 0..<pointsPerClass {
      let t = Float(i) / Float(pointsPerClass) * 3 * .pi
      let radius = t / (3 * .pi)
      let angle = t + Float(label) * .pi
      rows.append([radius * cos(angle), radius * sin(angle)])
      labels.append(label)
    }
  }
  return (Matrix(rows), labels)
}
