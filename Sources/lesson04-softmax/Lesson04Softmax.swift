import Foundation
import LessonSupport
import NeuralKit

/// `swift run lesson04-softmax`: softmax, why it subtracts the largest logit, the
/// cross-entropy loss, and its gradient p − y checked against finite differences.
/// Lessons/04-softmax.md walks through this output.
@main
enum Lesson04Softmax {
  static func main() {
    let arguments = LessonArguments.parseOrExit(
      program: "lesson04-softmax",
      summary: "Lesson 04: softmax (and why it subtracts the largest logit), cross-entropy,\n"
        + "and the gradient p − y of both together, checked by finite differences.",
      defaultSeed: 4)
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 04 — softmax and cross-entropy") + "   (seed \(arguments.seed))")

    print(style.bold("\nSoftmax turns scores into probabilities that sum to 1"))
    let logits: [Float] = [1, 2, 3]
    let probabilities = softmax(logits)
    print(
      "  softmax(\(list(logits, 0))) = \(list(probabilities, 4))   sum \(fixed(probabilities.reduce(0, +), 4))"
    )

    print(style.bold("\nSubtracting the largest logit m changes nothing, except overflow"))
    print(
      TextTable(
        headers: ["logits", "e^z / Σ e^z", "e^(z−m) / Σ e^(z−m)"],
        rows: ([[1, 2, 3], [1000, 1001, 1002], [-1000, -1000, -1000], [-1000, 0, 1000]] as [[Float]])
          .map { z in
            [list(z, 0), list(naiveSoftmax(z), 4), list(softmax(z), 4)]
          }
      ).text)
    print(
      "  In Float e^1000 = \(exp(Float(1000))) and e^−1000 = \(exp(Float(-1000))): ∞/∞ and 0/0 are nan."
    )

    print(style.bold("\nCross-entropy: −log of the probability given to the true class"))
    print(
      TextTable(
        headers: ["p(true class)", "loss −log p"],
        rows: ([1, 0.7, 0.5, 0.1, 0.01, 0] as [Float]).map { p in
          [fixed(p, 2), fixed(crossEntropy(probabilities: [p, 1 - p], label: 0), 4)]
        }
      ).text)
    print("  p = 0.1 is a uniform guess among 10 classes: loss ln 10 ≈ 2.3026, where an")
    print("  untrained 10-class network starts.")

    print(style.bold("\nThe gradient of both together: ∂L/∂z = p − onehot(y)"))
    oneExample(logits: [2, 1, 0.1], label: 0)
    print(style.bold("\nA batch: the loss is the mean, so dLogits = (p − onehot(y)) / B"))
    batch(seed: arguments.seed)

    print(style.bold("\nYour turn"))
    print("  Write exercises/04-softmax/Softmax.swift, CrossEntropy.swift and")
    print("  SoftmaxCrossEntropyGradient.swift.")
    print("  Check them: " + style.cyan("swift test --disable-xctest --filter Lesson04"))
    print("Next: Lessons/05-training.md and " + style.cyan("swift run lesson05-training"))
  }

  /// The textbook formula, without the shift: overflows for large logits.
  static func naiveSoftmax(_ z: [Float]) -> [Float] {
    let exponentials = z.map { exp($0) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
  }

  /// The loss −log softmax(z)_label in Double, for finite differences.
  static func lossInDouble(_ z: [Double], label: Int) -> Double {
    let largest = z.max()!
    return largest + log(z.reduce(0) { $0 + exp($1 - largest) }) - z[label]
  }

  static func oneExample(logits z: [Float], label: Int) {
    let result = SoftmaxCrossEntropy.evaluate(logits: Matrix([z]), labels: [label])
    let p = result.probabilities.row(0)
    let onehot = z.indices.map { $0 == label ? Float(1) : 0 }
    print("  logits z = \(list(z, 1)), true class y = \(label)")
    print("  p = softmax(z) = \(list(p, 4))   loss = −log p[\(label)] = \(fixed(result.loss, 4))")
    print("  p − onehot(y) = \(list(p, 4)) − \(list(onehot, 0))")
    print("                = \(list(result.dLogits.row(0), 4))")
    let numeric = GradientCheck.numericalGradient(
      of: { lossInDouble($0, label: label) }, at: z.map(Double.init))
    print(
      "  "
        + TensorComparison(
          name: "dLogits", actual: result.dLogits.row(0), expected: numeric.map(Float.init),
          tolerance: GradientCheck.tolerance
        ).row + "   (against finite differences)")
  }

  static func batch(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let logits = Matrix(
      rows: 3, columns: 4, values: (0..<12).map { _ in generator.nextFloat(in: -2, 2) })
    let labels = [0, 3, 1]
    let result = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels)
    print("  logits (3 × 4), labels \(labels)")
    print(indent(logits.description))
    print("  mean loss \(fixed(result.loss, 4))   dLogits (3 × 4):")
    print(indent(result.dLogits.description))
    let numeric = GradientCheck.numericalGradient(
      of: { flat in
        (0..<3).map { r in lossInDouble(Array(flat[r * 4..<(r + 1) * 4]), label: labels[r]) }
          .reduce(0, +) / 3
      }, at: logits.values.map(Double.init))
    let check = TensorComparison(
      name: "dLogits", actual: result.dLogits.values.map(Double.init), expected: numeric,
      tolerance: GradientCheck.tolerance)
    print("  " + check.row + "   (against finite differences)")
    let withoutMean = TensorComparison(
      name: "dLogits", actual: result.dLogits.values.map { Double($0) * 3 }, expected: numeric,
      tolerance: GradientCheck.tolerance)
    print("  The same without the 1/B, three times too large:")
    print("  " + withoutMean.row)
    print("  Each row of dLogits sums to 0: p sums to 1, and so does onehot(y).")
  }

  static func list(_ values: [Float], _ decimals: Int) -> String {
    "[" + values.map { fixed($0, decimals) }.joined(separator: ", ") + "]"
  }

  static func indent(_ text: String) -> String {
    text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
  }
}
