import Foundation
import LessonSupport
import NeuralKit

/// `swift run lesson02-relu`: ReLU and its slope, how many units a ReLU layer switches
/// off, dead units, Leaky ReLU, and what sigmoid and ReLU cost on this machine.
/// Lessons/02-relu.md walks through this output.
@main
enum Lesson02ReLU {
  static func main() {
    let arguments = LessonArguments.parseOrExit(
      program: "lesson02-relu",
      summary: "Lesson 02: ReLU max(0, x), its slope (0 at x = 0), sparsity, dead units,\n"
        + "Leaky ReLU, and the cost of sigmoid against ReLU measured on this machine.",
      defaultSeed: 2)
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 02 — ReLU and its family") + "   (seed \(arguments.seed))")

    print(style.bold("\nReLU keeps positives and zeroes the rest; Leaky ReLU keeps a slope α"))
    let alpha: Float = 0.01
    print(
      TextTable(
        headers: ["x", "relu", "relu′", "leakyReLU α=0.01", "leaky′"],
        rows: ([-2, -1, -0.5, 0, 0.5, 1, 2] as [Float]).map { x in
          [
            fixed(x, 1), fixed(relu(x), 1), fixed(reluDerivative(x), 0),
            fixed(leakyReLU(x, alpha: alpha), 3), fixed(leakyReLUDerivative(x, alpha: alpha), 2),
          ]
        }
      ).text)
    print(
      TerminalPlot(
        x: -3...3, width: 61, height: 9,
        curves: [
          .init(name: "leakyReLU α=0.1", glyph: "o") { Double(leakyReLU(Float($0), alpha: 0.1)) },
          .init(name: "relu(x)", glyph: "*") { Double(relu(Float($0))) },
        ]
      ).text)

    let batch = 256
    let layer = randomLayer(seed: arguments.seed)
    let inputs = randomPixels(rows: batch, columns: layer.inputCount, seed: arguments.seed)
    print(style.bold("\nSparsity: \(batch) random inputs through Dense(64 → 128)"))
    print("  inputs uniform in [0, 1) like pixels, Glorot-uniform weights, seed \(arguments.seed)")
    var rows: [[String]] = []
    for bias: Float in [0, -0.5, -1, -2] {
      var shifted = layer
      shifted.bias = [Float](repeating: bias, count: layer.outputCount)
      let z = shifted.forward(inputs).preActivation
      let activations = Activation.relu.apply(z)
      let zeros = activations.values.filter { $0 == 0 }.count
      let dead = (0..<z.columns).filter { c in (0..<z.rows).allSatisfy { z[$0, c] <= 0 } }.count
      rows.append([fixed(bias, 1), countAndPercent(zeros, of: z.count), "\(dead) / \(z.columns)"])
    }
    print(TextTable(headers: ["bias", "activations that are 0", "dead units"], rows: rows).text)
    print("  A dead unit is 0 for every input, so relu′ is 0 and its weights never change.")
    print("  Leaky ReLU's slope is α = \(alpha) there instead: small, but it can recover.")

    print(style.bold("\nCost: applying each activation to 1 000 000 numbers"))
    if arguments.quick {
      print("  (measured only without --quick: timings differ on every machine and run)")
    } else {
      print(costTable(inputs: randomPixels(rows: 1000, columns: 1000, seed: arguments.seed)))
    }

    print(style.bold("\nYour turn"))
    print("  Write exercises/02-relu/ReLU.swift, ReLUDerivative.swift, LeakyReLU.swift")
    print("  and LeakyReLUDerivative.swift.")
    print("  Check them: " + style.cyan("swift test --disable-xctest --filter Lesson02"))
    print("Next: Lessons/03-backprop.md and " + style.cyan("swift run lesson03-backprop"))
  }

  /// A 64 → 128 layer with Glorot-uniform weights drawn from `seed`.
  static func randomLayer(seed: UInt64) -> Dense {
    var generator = SeededGenerator(seed: seed)
    return Dense(inputs: 64, outputs: 128, activation: .relu, generator: &generator)
  }

  /// Numbers uniform in [0, 1), like scaled pixels, shifted by −0.5 for the cost table.
  static func randomPixels(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed &+ 1)
    return Matrix(
      rows: rows, columns: columns, values: (0..<rows * columns).map { _ in generator.nextFloat() })
  }

  /// Median time of 7 runs of each activation over `inputs`.
  static func costTable(inputs: Matrix) -> String {
    let centred = inputs.map { 8 * ($0 - 0.5) }  // in [−4, 4): both branches of each function
    func medianMilliseconds(_ activation: Activation) -> Double {
      var times: [Double] = []
      for _ in 0..<7 {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = activation.apply(centred)
        let end = DispatchTime.now().uptimeNanoseconds
        precondition(result.count == centred.count)
        times.append(Double(end - start) / 1e6)
      }
      return times.sorted()[3]
    }
    let sigmoidTime = medianMilliseconds(.sigmoid)
    let reluTime = medianMilliseconds(.relu)
    return TextTable(
      headers: ["activation", "ms (median of 7)", "ns per number"],
      rows: [
        ["sigmoid", fixed(sigmoidTime, 2), fixed(sigmoidTime * 1e6 / Double(centred.count), 2)],
        ["relu", fixed(reluTime, 2), fixed(reluTime * 1e6 / Double(centred.count), 2)],
      ]
    ).text + "\n  sigmoid took \(fixed(sigmoidTime / reluTime, 1))× as long as relu on this run."
  }
}
