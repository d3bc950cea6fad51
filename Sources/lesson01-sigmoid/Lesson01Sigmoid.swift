import Foundation
import LessonSupport
import NeuralKit

/// `swift run lesson01-sigmoid`: one neuron, the sigmoid and its slope, where the
/// textbook formula overflows, and why a slope of at most 0.25 matters in deep networks.
/// Lessons/01-sigmoid.md walks through this output.
@main
enum Lesson01Sigmoid {
  static func main() {
    let arguments = LessonArguments.parseOrExit(
      program: "lesson01-sigmoid",
      summary: "Lesson 01: one neuron, the sigmoid σ(x) = 1/(1+e^(−x)) and its slope σ′,\n"
        + "where the textbook formula overflows, and why σ′ ≤ 0.25 matters.")
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 01 — the neuron and the sigmoid"))

    print(style.bold("\nOne neuron: a weighted sum z = w·x + b, then σ(z)"))
    let inputs: [Float] = [0.5, -1, 2]
    let weights: [Float] = [0.8, 0.2, -0.5]
    let bias: Float = 0.1
    let z = zip(weights, inputs).reduce(bias) { $0 + $1.0 * $1.1 }
    print("  x = \(inputs)   w = \(weights)   b = \(bias)")
    print("  z = 0.8·0.5 + 0.2·(−1) + (−0.5)·2 + 0.1 = \(fixed(z, 2))")
    print("  σ(z) = \(fixed(sigmoid(z), 4))")

    print(style.bold("\nσ and its slope σ′ = σ·(1 − σ)"))
    let xs: [Float] = [-10, -5, -2, -1, 0, 1, 2, 5, 10]
    print(
      TextTable(
        headers: ["x", "σ(x)", "σ′(x)", "σ′(x) / σ′(0)"],
        rows: xs.map { x in
          let slope = sigmoidDerivative(x)
          return [fixed(x, 0), fixed(sigmoid(x), 7), fixed(slope, 7), fixed(slope / 0.25, 5)]
        }
      ).text)
    print(
      TerminalPlot(
        x: -8...8, width: 61, height: 11,
        curves: [
          .init(name: "σ(x)", glyph: "*") { Double(sigmoid(Float($0))) },
          .init(name: "σ′(x)", glyph: "o") { Double(sigmoidDerivative(Float($0))) },
        ]
      ).text)

    print(style.bold("\ne^x is infinite in Float above x ≈ 88.7: which forms survive it"))
    print(
      TextTable(
        headers: [
          "x", "1/(1+e^−x)", "e^x/(1+e^x)", "sigmoid(x)", "e^−x/(1+e^−x)²", "sigmoidDerivative",
        ],
        rows: ([-1000, -89, 89, 1000] as [Float]).map { x in
          let textbook = 1 / (1 + exp(-x))
          let rewritten = exp(x) / (1 + exp(x))
          let naiveSlope = exp(-x) / ((1 + exp(-x)) * (1 + exp(-x)))
          return [
            fixed(x, 0), fixed(textbook, 7), fixed(rewritten, 7), fixed(sigmoid(x), 7),
            fixed(naiveSlope, 7), fixed(sigmoidDerivative(x), 7),
          ]
        }
      ).text)
    print("  1/(1 + ∞) is 0 in IEEE arithmetic: the textbook σ never gives NaN;")
    print("  its rewrite and the textbook slope do (∞/∞).")

    print(style.bold("\nThe sigmoid's own factor through L layers: σ′ ≤ 0.25 each"))
    print(
      TextTable(
        headers: ["layers L", "0.25^L", "1 in"],
        rows: (1...10).map { layers in
          let factor = pow(0.25, Double(layers))
          return ["\(layers)", String(format: "%.2e", factor), spacedThousands(Int(1 / factor))]
        }
      ).text)

    print("  The weights multiply the gradient too (by Wᵀ), by more or less than 1:")
    print("  this is the activation's part only, not a bound on the gradient.")
    print("  Lesson 07 measures the rest.")

    print(style.bold("\nYour turn"))
    print("  Write exercises/01-sigmoid/Sigmoid.swift, then SigmoidDerivative.swift.")
    print("  Check them: " + style.cyan("swift test --disable-xctest --filter Lesson01"))
    print("Next: Lessons/02-relu.md and " + style.cyan("swift run lesson02-relu"))
  }
}
