import Foundation
import NeuralKit

/// The checks of exercise 04: softmax, cross-entropy and their combined gradient against
/// NeuralKit.
enum SoftmaxChecks {
  /// Edge cases first: one logit, order, ties, overflow and underflow of e^z, tiny values,
  /// ten classes; then 200 seeded random vectors.
  static let logitCases: [[Float]] = {
    var cases: [[Float]] = [
      [0], [1, 2, 3], [3, 2, 1], [0, 0, 0, 0], [5, 5], [1000, 1001, 1002], [-1000, -1000],
      [-1000, 0, 1000], [88, 89], [1e-30, -1e-30], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson04)
    for _ in 0..<200 {
      let count = 1 + generator.nextInt(below: 10)
      cases.append((0..<count).map { _ in generator.nextFloat(in: -20, 20) })
    }
    return cases
  }()

  /// Probability vectors and labels: named edge cases, then 200 random ones.
  static let crossEntropyCases: [(probabilities: [Float], label: Int)] = {
    var cases: [(probabilities: [Float], label: Int)] = [
      ([0.1, 0.7, 0.2], 1), ([0.1, 0.7, 0.2], 0), ([0.1, 0.7, 0.2], 2), ([1, 0], 0),
      ([0, 1], 0), ([1e-30, 1], 0), ([Float](repeating: 0.1, count: 10), 3),
      ([0.25, 0.25, 0.5], 2),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson04 &+ 1)
    for _ in 0..<200 {
      let count = 2 + generator.nextInt(below: 9)
      let weights = (0..<count).map { _ in generator.nextFloat() + 1e-3 }
      let total = weights.reduce(0, +)
      cases.append((weights.map { $0 / total }, generator.nextInt(below: count)))
    }
    return cases
  }()

  /// Batches of logits with labels: named edge cases, then 50 random ones.
  static let batchCases: [(logits: [[Float]], labels: [Int])] = {
    var cases: [(logits: [[Float]], labels: [Int])] = [
      ([[2, 1, 0.1]], [0]),
      ([[2, 1, 0.1], [0.5, -1, 3], [0, 0, 0]], [0, 2, 1]),
      ([[0, 0], [0, 0]], [0, 1]),
      ([[1000, 0, -1000], [-1000, 0, 1000]], [2, 2]),
      ([[1, -1], [2, 0], [0, 3], [-2, -2], [0.5, 0.25]], [0, 1, 1, 0, 1]),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson04 &+ 2)
    cases.append(
      (
        (0..<4).map { _ in (0..<10).map { _ in generator.nextFloat(in: -5, 5) } },
        [9, 0, 4, 4]
      ))
    for _ in 0..<50 {
      let (batch, classes) = (1 + generator.nextInt(below: 6), 2 + generator.nextInt(below: 9))
      cases.append(
        (
          (0..<batch).map { _ in (0..<classes).map { _ in generator.nextFloat(in: -10, 10) } },
          (0..<batch).map { _ in generator.nextInt(below: classes) }
        ))
    }
    return cases
  }()

  /// Checks a softmax.
  static func softmax(_ yours: ([Float]) throws -> [Float]) -> CheckOutcome {
    checkCases(
      .softmax, cases: logitCases, describe: { "softmax(\($0))" }, yours: yours,
      reference: NeuralKit.softmax,
      compare: { compareVectors("p", $0, $1, .probabilities) },
      hint: { logits, output, _ in
        if output.contains(where: \.isNaN) {
          return "NaN: e^z overflowed (∞/∞) or every e^z underflowed (0/0);"
            + " subtract the largest logit first, e^(z − max)"
        }
        let total = logits.reduce(0, +)
        if output.count == logits.count, total != 0,
          compareVectors("p", output, logits.map { $0 / total }, .probabilities) == nil
        {
          return "that is z / Σz: exponentiate first, e^(z − max) / Σ e^(z − max)"
        }
        return nil
      })
  }

  /// Checks cross-entropy.
  static func crossEntropy(_ yours: ([Float], Int) throws -> Float) -> CheckOutcome {
    checkCases(
      .crossEntropy, cases: crossEntropyCases,
      describe: { "crossEntropy(probabilities: \($0.probabilities), label: \($0.label))" },
      yours: { try yours($0.probabilities, $0.label) },
      reference: { NeuralKit.crossEntropy(probabilities: $0.probabilities, label: $0.label) },
      compare: { yours, expected in
        isClose(yours, expected, .floatRounding)
          ? nil
          : Mismatch(yours: show(yours), expected: show(expected), tolerance: .floatRounding)
      },
      hint: { input, output, expected in
        if output == -expected && expected != 0 {
          return "the loss is −log p: the minus is missing"
        }
        if let largest = input.probabilities.max(), output == -log(largest) {
          return "use probabilities[label], the true class, not the most probable one"
        }
        return nil
      })
  }

  /// Checks the combined gradient.
  static func softmaxCrossEntropyGradient(_ yours: ([[Float]], [Int]) throws -> [[Float]])
    -> CheckOutcome
  {
    checkCases(
      .softmaxCrossEntropyGradient, cases: batchCases,
      describe: {
        "softmaxCrossEntropyGradient(logits: \(showMatrix($0.logits)), labels: \($0.labels))"
      },
      yours: { try yours($0.logits, $0.labels) },
      reference: { reference($0.logits, $0.labels) },
      compare: { compareMatrices("dLogits", $0, $1, .probabilities) },
      hint: { input, output, expected in
        let batch = Float(input.logits.count)
        guard sameShape(output, expected) else { return nil }
        if output.joined().contains(where: \.isNaN) {
          return "NaN: use a softmax that subtracts the largest logit"
        }
        let times = { (scale: Float) in expected.map { $0.map { $0 * scale } } }
        if batch > 1, compareMatrices("dLogits", output, times(batch), .probabilities) == nil {
          return "the mean's 1/B is missing: divide every number by the batch size"
        }
        let probabilities = input.logits.map { NeuralKit.softmax($0).map { $0 / batch } }
        if compareMatrices("dLogits", output, probabilities, .probabilities) == nil {
          return "that is p / B: subtract 1 at the true class first, p − onehot(y)"
        }
        return nil
      })
  }

  static func reference(_ logits: [[Float]], _ labels: [Int]) -> [[Float]] {
    SoftmaxCrossEntropy.evaluate(logits: Matrix(logits), labels: labels).dLogits.rowArrays
  }
}

extension SoftmaxChecks {
  /// Probabilities, label and index: every (label, index) of [0.1, 0.7, 0.2], a confident
  /// right and a confident wrong model, ten equal classes, then 200 random ones with
  /// index = label about half the time.
  static let logitGradientCases: [(probabilities: [Float], label: Int, index: Int)] = {
    var cases: [(probabilities: [Float], label: Int, index: Int)] = []
    for label in 0..<3 {
      for index in 0..<3 { cases.append(([0.1, 0.7, 0.2], label, index)) }
    }
    cases += [
      ([0.001, 0.998, 0.001], 1, 1), ([0.001, 0.998, 0.001], 0, 0), ([0.001, 0.998, 0.001], 0, 1),
      ([Float](repeating: 0.1, count: 10), 3, 7), ([Float](repeating: 0.1, count: 10), 3, 3),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson04 &+ 3)
    for _ in 0..<200 {
      let count = 2 + generator.nextInt(below: 9)
      let logits = (0..<count).map { _ in generator.nextFloat(in: -5, 5) }
      let label = generator.nextInt(below: count)
      let index = generator.nextInt(below: 2) == 0 ? label : generator.nextInt(below: count)
      cases.append((NeuralKit.softmax(logits), label, index))
    }
    return cases
  }()

  /// NeuralKit's dLogits for one example whose softmax is `probabilities`: the logits are
  /// their logarithms (softmax(log p) = p, up to rounding).
  static func referenceLogitGradient(_ probabilities: [Float], label: Int, index: Int) -> Float {
    let logits = Matrix([probabilities.map { log($0) }])
    return SoftmaxCrossEntropy.evaluate(logits: logits, labels: [label]).dLogits[0, index]
  }

  /// Checks ∂L/∂z[index] for one example.
  static func lossGradientForLogit(_ yours: ([Float], Int, Int) throws -> Float) -> CheckOutcome {
    checkCases(
      .lossGradientForLogit, cases: logitGradientCases,
      describe: {
        "lossGradientForLogit(probabilities: \($0.probabilities), label: \($0.label), index: \($0.index))"
      },
      yours: { try yours($0.probabilities, $0.label, $0.index) },
      reference: { referenceLogitGradient($0.probabilities, label: $0.label, index: $0.index) },
      compare: { yours, expected in
        isClose(yours, expected, .floatRounding)
          ? nil
          : Mismatch(yours: show(yours), expected: show(expected), tolerance: .floatRounding)
      },
      hint: { c, output, expected in
        let p = c.probabilities[c.index]
        if c.index == c.label && output == -1 / p {
          return "−1/p is ∂L/∂p, the slope with respect to the probability; the question is"
            + " the logit z, and every p depends on every z"
        }
        if c.index == c.label && output == p {
          return "at the true class −z[y] also depends on z[index]: it adds its own slope"
        }
        if output == -expected && expected != 0 {
          return "the sign is flipped: raising a wrong class's logit must raise the loss"
        }
        if c.index != c.label && output == 0 {
          return "z[index] also moves the log Σ e^z part, even when index is not the label"
        }
        return nil
      })
  }
}
