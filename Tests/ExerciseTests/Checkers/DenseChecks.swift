import NeuralKit

/// The checks of exercise 03: a dense layer's forward and backward pass against
/// `Dense.forward` and `Dense.backward` (identity activation: Y = Z).
enum DenseChecks {
  /// One layer and batch to test on.
  struct Case {
    var name: String
    var inputs: [[Float]]
    var weights: [[Float]]
    var bias: [Float]
    var dOutput: [[Float]]

    var shapes: String {
      "inputs \(shapeText(inputs)), weights \(shapeText(weights)), bias (\(bias.count))"
    }
  }

  /// Edge cases first, each with non-zero biases, then 50 seeded random shapes.
  static let cases: [Case] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson03)
    func integers(_ rows: Int, _ columns: Int, scale: Float = 1) -> [[Float]] {
      (0..<rows).map { _ in
        (0..<columns).map { _ in scale * Float(generator.nextInt(below: 7) - 3) }
      }
    }
    func make(_ name: String, batch: Int, inputs: Int, outputs: Int, scale: Float = 1) -> Case {
      var bias = integers(1, outputs)[0].map { $0 / 2 }
      if bias.allSatisfy({ $0 == 0 }) { bias[0] = 0.5 }
      return Case(
        name: name, inputs: integers(batch, inputs, scale: scale),
        weights: integers(inputs, outputs),
        bias: bias, dOutput: integers(batch, outputs))
    }
    var cases = [
      make("1 × 1", batch: 1, inputs: 1, outputs: 1),
      make("non-square: batch 2, 3 inputs, 4 outputs", batch: 2, inputs: 3, outputs: 4),
      make("batch 1, 4 inputs, 1 output", batch: 1, inputs: 4, outputs: 1),
      make("batch 5, 2 inputs, 3 outputs", batch: 5, inputs: 2, outputs: 3),
      make("square weights 3 × 3, batch 3", batch: 3, inputs: 3, outputs: 3),
      make("values near ±1000", batch: 2, inputs: 2, outputs: 3, scale: 333),
    ]
    var zeros = make("inputs all 0: Y is the bias in every row", batch: 3, inputs: 2, outputs: 2)
    zeros.inputs = zeros.inputs.map { $0.map { _ in 0 } }
    cases.insert(zeros, at: 2)
    for index in 1...50 {
      let (batch, inputs, outputs) =
        (
          1 + generator.nextInt(below: 6), 1 + generator.nextInt(below: 7),
          1 + generator.nextInt(below: 7)
        )
      func uniform(_ rows: Int, _ columns: Int) -> [[Float]] {
        (0..<rows).map { _ in (0..<columns).map { _ in generator.nextFloat(in: -1, 1) } }
      }
      cases.append(
        Case(
          name: "random case \(index) of 50 (seed \(CheckSeeds.lesson03))",
          inputs: uniform(batch, inputs),
          weights: uniform(inputs, outputs), bias: uniform(1, outputs)[0],
          dOutput: uniform(batch, outputs)))
    }
    return cases
  }()

  static func reference(_ c: Case) -> (forward: DenseForward, layer: Dense, inputs: Matrix) {
    let layer = Dense(weights: Matrix(c.weights), bias: c.bias, activation: .identity)
    let inputs = Matrix(c.inputs)
    return (layer.forward(inputs), layer, inputs)
  }

  /// Checks a forward pass.
  static func denseForward(_ yours: ([[Float]], [[Float]], [Float]) throws -> [[Float]])
    -> CheckOutcome
  {
    checkCases(
      .denseForward, cases: cases,
      describe: { c in
        "\(c.name)\ndenseForward(inputs: \(showMatrix(c.inputs)),\n"
          + "             weights: \(showMatrix(c.weights)),\n             bias: \(c.bias))"
      },
      yours: { try yours($0.inputs, $0.weights, $0.bias) },
      reference: { reference($0).forward.output.rowArrays },
      compare: { compareMatrices("Y", $0, $1, .sumsOfProducts) },
      hint: { c, output, expected in
        guard sameShape(output, expected) else {
          return
            "Y is (batch × outputs): \(c.inputs.count) rows of \(c.bias.count), one column per column of weights"
        }
        let withoutBias = reference(c).forward.output.rowArrays.map {
          zip($0, c.bias).map { $0 - $1 }
        }
        if compareMatrices("Y", output, withoutBias, .sumsOfProducts) == nil {
          return "that is X·W without the bias: add bias[c] to every row"
        }
        return nil
      })
  }

  /// What `denseBackward` returns.
  typealias Gradients = (dW: [[Float]], db: [Float], dX: [[Float]])

  /// Checks a backward pass: dW, then db, then dX.
  static func denseBackward(_ yours: ([[Float]], [[Float]], [[Float]]) throws -> Gradients)
    -> CheckOutcome
  {
    checkCases(
      .denseBackward, cases: cases,
      describe: { c in
        "\(c.name)\ndenseBackward(inputs: \(showMatrix(c.inputs)),\n"
          + "              weights: \(showMatrix(c.weights)),\n              dOutput: \(showMatrix(c.dOutput)))"
      },
      yours: { c -> Gradients in try yours(c.inputs, c.weights, c.dOutput) },
      reference: { c -> Gradients in
        let (forward, layer, inputs) = reference(c)
        let gradients = layer.backward(Matrix(c.dOutput), inputs: inputs, forward: forward)
        return (gradients.dW.rowArrays, gradients.db, gradients.dX!.rowArrays)
      },
      compare: { yours, expected in
        compareMatrices("dW", yours.dW, expected.dW, .sumsOfProducts)
          ?? compareVectors("db", yours.db, expected.db, .sumsOfProducts)
          ?? compareMatrices("dX", yours.dX, expected.dX, .sumsOfProducts)
      },
      hint: { c, output, expected in
        let batch = Float(c.inputs.count)
        if !sameShape(output.dW, expected.dW)
          || compareMatrices("dW", output.dW, expected.dW, .sumsOfProducts) != nil
        {
          if sameShape(output.dW, transposed(expected.dW))
            && compareMatrices("dW", output.dW, transposed(expected.dW), .sumsOfProducts) == nil
          {
            return "dW is transposed: it has W's shape (inputs × outputs), dW = Xᵀ·dY, not dYᵀ·X"
          }
          return "W[k][c] appears in Y[r][c] for every row r, times inputs[r][k]: add up the paths"
        }
        if output.db.count == c.inputs.count && c.inputs.count != expected.db.count {
          return "db has one number per output: sum each column of dY over the batch, not each row"
        }
        if batch > 1
          && compareVectors("db", output.db, expected.db.map { $0 / batch }, .sumsOfProducts) == nil
        {
          return
            "db is the plain sum over the batch: no 1/batch here, dY already carries the mean's 1/batch"
        }
        if compareVectors("db", output.db, expected.db, .sumsOfProducts) != nil {
          return "b[c] appears in Y[r][c] for every row r, with factor 1"
        }
        return
          "dX has X's shape (batch × inputs); X[r][k] appears in Y[r][c] for every c, times W[k][c]"
      })
  }
}
