import Foundation
import LessonSupport
import NeuralKit

/// `swift run lesson03-backprop`: the chain rule on one neuron, then a dense layer's
/// forward and backward pass in matrix form, then a whole network's gradients checked
/// against finite differences. Lessons/03-backprop.md walks through this output.
@main
enum Lesson03Backprop {
  static func main() {
    let arguments = LessonArguments.parseOrExit(
      program: "lesson03-backprop",
      summary: "Lesson 03: backpropagation. The chain rule on one neuron, a dense layer's\n"
        + "gradients dW = Xᵀ·dY, db = Σ dY, dX = dY·Wᵀ, and a finite-difference check.",
      defaultSeed: 3)
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 03 — backpropagation") + "   (seed \(arguments.seed))")

    print(style.bold("\nOne neuron by hand: z = w·x + b, a = σ(z), L = ½(a − y)²"))
    oneNeuron()

    print(style.bold("\nA dense layer in matrix form (batch 4, 3 inputs, 2 outputs)"))
    denseLayer(seed: arguments.seed)

    print(style.bold("\nA network 4 → 5 (sigmoid) → 3 (softmax), batch 6, checked"))
    networkCheck(seed: arguments.seed)

    print(style.bold("\nYour turn"))
    print("  Write exercises/03-backprop/DenseForward.swift, then DenseBackward.swift.")
    print("  Check them: " + style.cyan("swift test --disable-xctest --filter Lesson03"))
    print("Next: Lessons/04-softmax.md and " + style.cyan("swift run lesson04-softmax"))
  }

  /// The chain rule factor by factor, against central differences in Double.
  static func oneNeuron() {
    let (x, w, b, y): (Float, Float, Float, Float) = (2, 0.5, -0.3, 1)
    let z = w * x + b
    let a = sigmoid(z)
    print("  x = \(x)  w = \(w)  b = \(b)  target y = \(y)")
    print(
      "  forward   z = \(fixed(z, 4))   a = σ(z) = \(fixed(a, 4))   L = \(fixed(0.5 * (a - y) * (a - y), 4))"
    )
    let dA = a - y  // ∂L/∂a
    let dZ = dA * sigmoidDerivative(z)  // · ∂a/∂z
    print("  backward  ∂L/∂a = a − y = \(fixed(dA, 4))")
    print(
      "            ∂L/∂z = ∂L/∂a · σ′(z) = \(fixed(dA, 4)) · \(fixed(sigmoidDerivative(z), 4)) = \(fixed(dZ, 4))"
    )
    print(
      "            ∂L/∂w = ∂L/∂z · x = \(fixed(dZ * x, 4))     ∂L/∂b = ∂L/∂z · 1 = \(fixed(dZ, 4))")
    let numeric = GradientCheck.numericalGradient(
      of: { p in
        let a = 1 / (1 + exp(-(p[0] * Double(x) + p[1])))
        return 0.5 * (a - Double(y)) * (a - Double(y))
      }, at: [Double(w), Double(b)])
    print(
      TensorComparison.table([
        TensorComparison(
          name: "∂L/∂w", actual: [Double(dZ * x)], expected: [numeric[0]],
          tolerance: GradientCheck.tolerance),
        TensorComparison(
          name: "∂L/∂b", actual: [Double(dZ)], expected: [numeric[1]],
          tolerance: GradientCheck.tolerance),
      ]).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    print("  (finite differences (L(w + h) − L(w − h)) / 2h in Double, h = 1e-5)")
  }

  /// A small dense layer's forward and backward pass, numbers and shapes.
  static func denseLayer(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let inputs = Matrix(rows: 4, columns: 3, uniformLimit: 1, generator: &generator)
    let weights = Matrix(rows: 3, columns: 2, uniformLimit: 1, generator: &generator)
    let layer = Dense(weights: weights, bias: [0.1, -0.2], activation: .identity)
    let forward = layer.forward(inputs)
    // as if the next layer had sent it back
    let dOutput = Matrix(rows: 4, columns: 2, uniformLimit: 1, generator: &generator)
    let gradients = layer.backward(dOutput, inputs: inputs, forward: forward)
    func show(_ name: String, _ matrix: Matrix, _ note: String) {
      print("  \(name) \(matrix.shapeDescription)" + (note.isEmpty ? "" : "  \(note)"))
      print(matrix.description.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }
    show("X", inputs, "one example per row")
    show("W", layer.weights, "one column per output unit")
    print("  b = \(layer.bias)")
    show("Y = X·W + b", forward.output, "")
    show("dY", dOutput, "∂L/∂Y, given")
    show("dW = Xᵀ·dY", gradients.dW, "W's shape")
    print(
      "  db = column sums of dY = [\(gradients.db.map { fixed($0, 4) }.joined(separator: ", "))]")
    show("dX = dY·Wᵀ", gradients.dX!, "X's shape: passed back to the layer before")
  }

  /// Backpropagation against finite differences for every tensor of a small network, then
  /// the same with a classic bug.
  static func networkCheck(seed: UInt64) {
    var generator = SeededGenerator(seed: seed &+ 1)
    let network = Network(layerSizes: [4, 5, 3], hiddenActivation: .sigmoid, generator: &generator)
    let inputs = Matrix(rows: 6, columns: 4, values: (0..<24).map { _ in generator.nextFloat() })
    let labels = (0..<6).map { _ in generator.nextInt(below: 3) }
    let rows = try! GradientCheck.compare(network: network, inputs: inputs, labels: labels)
    print(indent(TensorComparison.table(rows)))
    let relative = rows.map { $0.maxAbsoluteDifference / $0.maxExpectedMagnitude }.max()!
    print("  largest relative error, max|Δ| / max: \(scientific(relative))")
    print(
      "  tolerance \(scientific(GradientCheck.tolerance.absolute)) + \(scientific(GradientCheck.tolerance.relative)) · max|expected| (see GradientCheck.tolerance)"
    )

    print("  The same check on a backward pass that forgot the mean's 1/batch:")
    let analytic = try! network.backpropagate(inputs: inputs, labels: labels).gradients
    let numeric = GradientCheck.numericalGradients(of: network, inputs: inputs, labels: labels)
    let forgotMean = TensorComparison(
      name: "dW2", actual: analytic[1].dW.values.map { Double($0) * 6 }, expected: numeric[1].dW,
      tolerance: GradientCheck.tolerance)
    print(indent(forgotMean.row))
  }

  static func indent(_ text: String) -> String {
    text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
  }
}
