import NeuralKit

/// The checks of exercise 02: ReLU, Leaky ReLU and their slopes against NeuralKit.
enum ReLUChecks {
  /// Edge cases first: 0 and −0.0 (the corner), small and tiny values on both sides,
  /// large ones and the largest Float.
  static let edgeInputs: [Float] = [
    0, -0.0, 0.5, -0.5, 1, -1, 1e-30, -1e-30, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    1000, -1000, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
  ]

  /// Then 1 000 seeded random x in [−10, 10].
  static let randomInputs: [Float] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson02)
    return (0..<1000).map { _ in generator.nextFloat(in: -10, 10) }
  }()

  static let inputs = edgeInputs + randomInputs

  /// Leaky cases: every edge x with α = 0.01 (PyTorch), 0.3 (Keras), 0 (plain ReLU) and
  /// 1 (the identity), then random x with random α in [0, 0.5).
  static let leakyInputs: [(x: Float, alpha: Float)] = {
    var cases = [Float](arrayLiteral: 0.01, 0.3, 0, 1).flatMap { alpha in
      edgeInputs.map { (x: $0, alpha: alpha) }
    }
    var generator = SeededGenerator(seed: CheckSeeds.lesson02 &+ 1)
    for x in randomInputs { cases.append((x, generator.nextFloat(in: 0, 0.5))) }
    return cases
  }()

  /// Checks a ReLU.
  static func relu(_ yours: (Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .relu, cases: inputs, describe: { "relu(\(show($0)))" }, yours: yours,
      reference: NeuralKit.relu, compare: compareExactly,
      hint: { x, output, _ in
        if x < 0 && output > 0 { return "a negative x gives 0, not |x|: ReLU is max(0, x)" }
        if x < 0 && output < 0 {
          return "that is a leaky ReLU: plain ReLU gives exactly 0 for x < 0"
        }
        return nil
      })
  }

  /// Checks ReLU's slope.
  static func reluDerivative(_ yours: (Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .reluDerivative, cases: inputs, describe: { "reluDerivative(\(show($0)))" }, yours: yours,
      reference: NeuralKit.reluDerivative, compare: compareExactly,
      hint: { x, output, _ in
        if x == 0 && output == 1 { return "ReLU′(0) is 0 by convention: use x > 0, not x >= 0" }
        if x > 0 && output == x { return "that is relu(x) itself; the slope is 1 for every x > 0" }
        return nil
      })
  }

  /// Checks a Leaky ReLU.
  static func leakyReLU(_ yours: (Float, Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .leakyReLU, cases: leakyInputs,
      describe: { "leakyReLU(\(show($0.x)), alpha: \(show($0.alpha)))" },
      yours: { try yours($0.x, $0.alpha) },
      reference: { NeuralKit.leakyReLU($0.x, alpha: $0.alpha) }, compare: compareExactly,
      hint: { input, output, _ in
        if input.x < 0 && output == input.alpha {
          return "for x ≤ 0 the value is alpha · x, not alpha"
        }
        if input.x < 0 && output == 0.01 * input.x && input.alpha != 0.01 {
          return "use the alpha you are given, not a fixed 0.01"
        }
        return nil
      })
  }

  /// Checks Leaky ReLU's slope.
  static func leakyReLUDerivative(_ yours: (Float, Float) throws -> Float) -> CheckOutcome {
    checkCases(
      .leakyReLUDerivative, cases: leakyInputs,
      describe: { "leakyReLUDerivative(\(show($0.x)), alpha: \(show($0.alpha)))" },
      yours: { try yours($0.x, $0.alpha) },
      reference: { NeuralKit.leakyReLUDerivative($0.x, alpha: $0.alpha) },
      compare: compareExactly,
      hint: { input, output, _ in
        if input.x == 0 && output == 1 {
          return "at x = 0 the slope is alpha: use x > 0, not x >= 0"
        }
        if input.x < 0 && output == 0 { return "that is ReLU′: for x < 0 the leaky slope is alpha" }
        return nil
      })
  }

  static func compareExactly(_ yours: Float, _ expected: Float) -> Mismatch? {
    isClose(yours, expected, .exact)
      ? nil : Mismatch(yours: show(yours), expected: show(expected), tolerance: .exact)
  }
}
