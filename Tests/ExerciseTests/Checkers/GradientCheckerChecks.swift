import NeuralKit

/// The checks of exercise 03c: the learner's gradient checker must pass NeuralKit's own
/// backward pass and flag broken ones.
///
/// Every case is one dense layer Y = X·W + b with the loss L = (1/B) Σ_r ½‖Y_r − T_r‖²,
/// as a function of the parameters W, b and X flattened into one list (row-major, in that
/// order). The claimed gradient is dW, db and dX from NeuralKit's `Dense.backward` in
/// Float, with dY = (Y − T)/B, or the same with one deliberate mistake.
enum GradientCheckerChecks {
  /// One layer and one claimed gradient.
  struct Case {
    var name: String
    var inputs: [[Float]]
    var weights: [[Float]]
    var bias: [Float]
    var targets: [[Float]]
    /// The claimed gradient, flattened as dW, db, dX.
    var gradient: [Double]
    /// Whether the claim is wrong: what the learner's checker must answer.
    var broken: Bool

    var parameters: [Double] {
      (weights.flatMap { $0 } + bias + inputs.flatMap { $0 }).map(Double.init)
    }

    /// The loss as a function of the flattened parameters, in Double.
    var loss: ([Double]) -> Double {
      let (batch, inputCount, outputCount) = (inputs.count, weights.count, bias.count)
      let targets = targets.map { $0.map(Double.init) }
      return { p in
        let w = p[0..<(inputCount * outputCount)]
        let b = p[(inputCount * outputCount)..<(inputCount * outputCount + outputCount)]
        let xStart = inputCount * outputCount + outputCount
        var total = 0.0
        for r in 0..<batch {
          for c in 0..<outputCount {
            var y = b[b.startIndex + c]
            for k in 0..<inputCount {
              y += p[xStart + r * inputCount + k] * w[w.startIndex + k * outputCount + c]
            }
            total += 0.5 * (y - targets[r][c]) * (y - targets[r][c])
          }
        }
        return total / Double(batch)
      }
    }

    /// The name of entry `i` of the flattened gradient: `dW[0][1]`, `db[2]`, `dX[1][0]`.
    func entryName(_ i: Int) -> String {
      let (inputCount, outputCount) = (weights.count, bias.count)
      if i < inputCount * outputCount { return "dW[\(i / outputCount)][\(i % outputCount)]" }
      let j = i - inputCount * outputCount
      if j < outputCount { return "db[\(j)]" }
      let k = j - outputCount
      return "dX[\(k / inputCount)][\(k % inputCount)]"
    }
  }

  /// The reference backward pass in Float: dW, db, dX and dY.
  static func backward(
    inputs: [[Float]], weights: [[Float]], bias: [Float], targets: [[Float]]
  ) -> (dW: [[Float]], db: [Float], dX: [[Float]], dY: [[Float]]) {
    let layer = Dense(weights: Matrix(weights), bias: bias, activation: .identity)
    let x = Matrix(inputs)
    let forward = layer.forward(x)
    let batch = Float(inputs.count)
    let dY = zip(forward.output.rowArrays, targets).map { y, t in
      zip(y, t).map { ($0 - $1) / batch }
    }
    let gradients = layer.backward(Matrix(dY), inputs: x, forward: forward)
    return (gradients.dW.rowArrays, gradients.db, gradients.dX!.rowArrays, dY)
  }

  static func flatten(_ dW: [[Float]], _ db: [Float], _ dX: [[Float]]) -> [Double] {
    (dW.flatMap { $0 } + db + dX.flatMap { $0 }).map(Double.init)
  }

  static let cases: [Case] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson03 + 1000)
    func uniform(_ rows: Int, _ columns: Int, _ scale: Float) -> [[Float]] {
      (0..<rows).map { _ in (0..<columns).map { _ in scale * generator.nextFloat(in: -1, 1) } }
    }
    func layer(batch: Int, inputs: Int, outputs: Int, scale: Float)
      -> (x: [[Float]], w: [[Float]], b: [Float], t: [[Float]])
    {
      (
        uniform(batch, inputs, scale), uniform(inputs, outputs, 1), uniform(1, outputs, scale)[0],
        uniform(batch, outputs, scale)
      )
    }
    func make(
      _ name: String, _ l: (x: [[Float]], w: [[Float]], b: [Float], t: [[Float]]),
      broken: Bool,
      _ gradient: (_ right: (dW: [[Float]], db: [Float], dX: [[Float]], dY: [[Float]])) -> [Double]
    ) -> Case {
      let right = backward(inputs: l.x, weights: l.w, bias: l.b, targets: l.t)
      return Case(
        name: name, inputs: l.x, weights: l.w, bias: l.b, targets: l.t,
        gradient: gradient(right), broken: broken)
    }
    let correct: ((dW: [[Float]], db: [Float], dX: [[Float]], dY: [[Float]])) -> [Double] = {
      flatten($0.dW, $0.db, $0.dX)
    }
    // Square: batch = inputs = outputs = 3, so every mistake below keeps the shapes.
    let square = layer(batch: 3, inputs: 3, outputs: 3, scale: 1)
    var zeroColumn = layer(batch: 4, inputs: 3, outputs: 2, scale: 1)
    for r in zeroColumn.x.indices { zeroColumn.x[r][1] = 0 }
    let large = layer(batch: 3, inputs: 3, outputs: 2, scale: 100)
    let tiny = layer(batch: 3, inputs: 2, outputs: 3, scale: 1e-7)
    return [
      make(
        "square layer (batch 3, 3 inputs, 3 outputs), NeuralKit's backward pass", square,
        broken: false, correct),
      make("the same layer, dW transposed (dYᵀ·X instead of Xᵀ·dY)", square, broken: true) {
        flatten(transposed($0.dW), $0.db, $0.dX)
      },
      make("the same layer, the mean's 1/batch forgotten in dY", square, broken: true) {
        flatten($0.dW, $0.db, $0.dX).map { $0 * 3 }
      },
      make("the same layer, dX = dY·W instead of dY·Wᵀ", square, broken: true) {
        flatten($0.dW, $0.db, matrixProduct($0.dY, square.w))
      },
      make("the same layer, db summed along rows instead of columns", square, broken: true) {
        flatten($0.dW, $0.dY.map { $0.reduce(0, +) }, $0.dX)
      },
      make("the same layer, db divided by the batch a second time", square, broken: true) {
        flatten($0.dW, $0.db.map { $0 / 3 }, $0.dX)
      },
      make(
        "batch 4, 3 inputs, 2 outputs, input 1 always 0 (dW row 1 is exactly 0)",
        zeroColumn, broken: false, correct),
      make(
        "values near ±100 (dW near 1e4), NeuralKit's backward pass", large, broken: false, correct),
      make(
        "values near ±1e-7 (gradients at most 6e-8), NeuralKit's backward pass", tiny,
        broken: false, correct),
      make("values near ±1e-7, the mean's 1/batch forgotten in dY", tiny, broken: true) {
        flatten($0.dW, $0.db, $0.dX).map { $0 * 3 }
      },
    ]
  }()

  /// What the tolerance line of a failure says: the learner chooses the tolerance; this is
  /// the one NeuralKit's policy would use.
  static let policy = NamedTolerance(
    tolerance: Tolerance(absolute: 0, relative: 1e-4),
    reason: "yours to choose; this is what passes Float rounding and flags every mistake here",
    scale: "max|numerical|")

  /// Checks a gradient checker.
  static func gradientCheckFails(
    _ yours: (([Double]) -> Double, [Double], [Double]) throws -> Bool
  ) -> CheckOutcome {
    checkCases(
      .gradientCheckFails, cases: cases,
      describe: { "gradientCheckFails on: \($0.name)" },
      yours: { c in try yours(c.loss, c.parameters, c.gradient) },
      reference: { $0.broken },
      compare: { yours, expected in
        yours == expected
          ? nil
          : Mismatch(
            yours: yours ? "true (you flagged it)" : "false (you let it pass)",
            expected: expected ? "true: this gradient is wrong" : "false: this gradient is right",
            tolerance: policy)
      },
      hint: { c, output, _ in hint(c, flagged: output) })
  }

  /// Where the claimed and the numerical gradient differ most, and what that suggests.
  static func hint(_ c: Case, flagged: Bool) -> String {
    let numerical = GradientCheck.numericalGradient(of: c.loss, at: c.parameters)
    let differences = zip(c.gradient, numerical).map { abs($0 - $1) }
    let worst = differences.indices.max { differences[$0] < differences[$1] } ?? 0
    let scale = numerical.map(abs).max() ?? 0
    let detail =
      "worst entry \(c.entryName(worst)): claimed \(c.gradient[worst]),"
      + " numerical \(numerical[worst]), difference \(scientific(differences[worst])),"
      + " largest |numerical| \(scientific(scale))"
    if flagged {
      return detail
        + "; a correct Float gradient differs by ~1e-7 of the largest entry: is your"
        + " tolerance relative to the gradient's size, and not tighter than Float rounding?"
    }
    return detail
      + "; that difference is far above rounding: compare it with the gradient's size,"
      + " not with a fixed number (this layer's gradients are \(scientific(scale)))"
  }
}
