import NeuralKit

/// The checks of exercise 01: `sigmoid` and `sigmoidDerivative` against NeuralKit.
enum SigmoidChecks {
  /// Edge cases first: 0, small and large magnitudes, both sides of e^x's overflow at
  /// x ≈ 88.7, tiny values and the largest Float.
  static let edgeInputs: [Float] = [
    0, 1, -1, 2, -2, 5, -5, 10, -10, 88, -88, 89, -89, 100, -100, 1000, -1000,
    1e-30, -1e-30, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
  ]

  /// Then 1 000 seeded random x in [−20, 20], where both tails are steep.
  static let randomInputs: [Float] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson01)
    return (0..<1000).map { _ in generator.nextFloat(in: -20, 20) }
  }()

  static let inputs = edgeInputs + randomInputs

  /// Checks a sigmoid.
  static func sigmoid(_ yours: (Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .sigmoid, cases: inputs, describe: { "sigmoid(\(show($0)))" }, yours: yours,
      reference: NeuralKit.sigmoid, compare: compareScalars,
      hint: { x, output, _ in
        if output.isNaN {
          return "NaN: e^(\(show(abs(x)))) overflowed to ∞ and ∞/∞ is NaN;"
            + " compute e to a power ≤ 0 only (e^x/(1+e^x) for x < 0)"
        }
        if isClose(output, NeuralKit.sigmoid(-x), .floatRounding) {
          return "that is σ(−x): check the sign of the exponent, σ(x) = 1/(1+e^(−x))"
        }
        return nil
      })
  }

  /// Checks the sigmoid's derivative.
  static func sigmoidDerivative(_ yours: (Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .sigmoidDerivative, cases: inputs, describe: { "sigmoidDerivative(\(show($0)))" },
      yours: yours, reference: NeuralKit.sigmoidDerivative, compare: compareScalars,
      hint: { x, output, _ in
        if output.isNaN {
          return "NaN: e^(−x) overflowed (∞/∞); build the slope from σ(x) with your two functions"
        }
        if output == x * (1 - x) {
          return "that is x·(1 − x): the formula needs s = sigmoid(x), not x"
        }
        return nil
      })
  }

  static func compareScalars(_ yours: Float, _ expected: Float) -> Mismatch? {
    isClose(yours, expected, .floatRounding)
      ? nil : Mismatch(yours: show(yours), expected: show(expected), tolerance: .floatRounding)
  }
}

/// The seeds of the random cases, one per lesson, fixed so a failure repeats exactly.
enum CheckSeeds {
  static let lesson01: UInt64 = 101
  static let lesson02: UInt64 = 102
  static let lesson03: UInt64 = 103
  static let lesson04: UInt64 = 104
  static let lesson05: UInt64 = 105
  static let lesson08: UInt64 = 108
}

extension SigmoidChecks {
  /// Outputs s = σ(z) to take the slope from: named ones (0.5 first: σ′(0) = ¼), the ends
  /// 0 and 1 where the slope is 0, then σ(z) for the same random z as `sigmoid`.
  static let outputCases: [(s: Float, z: Float?)] =
    [
      (0.5, 0), (0, nil), (1, nil), (0.25, nil), (0.75, nil), (0.1, nil), (0.9, nil),
      (0.999, nil), (1e-30, nil),
    ]
    + randomInputs.map { (NeuralKit.sigmoid($0), $0) }

  /// Checks the slope written with the sigmoid's output.
  static func sigmoidSlopeFromOutput(_ yours: (Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .sigmoidSlopeFromOutput, cases: outputCases,
      describe: { c in
        "sigmoidSlopeFromOutput(\(show(c.s)))" + (c.z.map { "   (s = σ(\(show($0))))" } ?? "")
      },
      yours: { try yours($0.s) },
      reference: { c in c.z.map(NeuralKit.sigmoidDerivative) ?? c.s * (1 - c.s) },
      compare: compareScalars,
      hint: { c, output, _ in
        if isClose(output, NeuralKit.sigmoidDerivative(c.s), .floatRounding) {
          return "that is σ′(s), the slope at z = s; s is already σ(z): write σ′(z) with s alone"
        }
        if isClose(output, 1 - c.s * c.s, .floatRounding) {
          return "1 − s² is tanh's slope written with tanh; redo the algebra for σ"
        }
        return nil
      })
  }
}
