import ExerciseSupport
import Foundation
import NeuralKit

/// The checks of exercise 05a: the Glorot and He limits against NeuralKit's
/// `Initializer.limit`, and a whole starting network against
/// `Network(layerSizes:hiddenActivation:generator:)` from the same seed.
enum InitializationChecks {
  /// Layer sizes: the MNIST ones, 1, equal and unequal fans, then seeded random ones.
  static let fans: [(fanIn: Int, fanOut: Int)] = {
    var fans = [(784, 128), (1, 1), (3, 5), (5, 3), (128, 10), (2, 1), (7, 7), (1000, 1000)]
    var generator = SeededGenerator(seed: CheckSeeds.lesson05)
    for _ in 1...20 {
      fans.append((1 + generator.nextInt(below: 1000), 1 + generator.nextInt(below: 300)))
    }
    return fans
  }()

  /// Checks the Glorot limit.
  static func glorotUniformLimit(_ yours: (Int, Int) throws -> Float) -> CheckOutcome {
    checkCases(
      .glorotUniformLimit, cases: fans,
      describe: { "glorotUniformLimit(fanIn: \($0.fanIn), fanOut: \($0.fanOut))" },
      yours: { try yours($0.fanIn, $0.fanOut) },
      reference: { Initializer.glorotUniform.limit(fanIn: $0.fanIn, fanOut: $0.fanOut) },
      compare: compareLimits,
      hint: { fans, output, _ in
        limitHint(
          output, variance: 2 / Double(fans.fanIn + fans.fanOut),
          integerSix: 6 / (fans.fanIn + fans.fanOut))
          ?? (isClose(
            output, Initializer.heUniform.limit(fanIn: fans.fanIn, fanOut: 0), .floatRounding)
            ? "that is He's limit √(6/fanIn): Glorot's variance averages both fans, 2/(fanIn + fanOut)"
            : nil)
      })
  }

  /// Checks the He limit.
  static func heUniformLimit(_ yours: (Int) throws -> Float) -> CheckOutcome {
    checkCases(
      .heUniformLimit, cases: fans.map(\.fanIn),
      describe: { "heUniformLimit(fanIn: \($0))" },
      yours: { try yours($0) },
      reference: { Initializer.heUniform.limit(fanIn: $0, fanOut: 0) },
      compare: compareLimits,
      hint: { fanIn, output, _ in
        if isClose(output, Float((3 / Double(fanIn)).squareRoot()), .floatRounding) {
          return "that is LeCun's limit, Var = 1/fanIn: He doubles the variance for ReLU,"
            + " Var = 2/fanIn, so l = √(3 · 2/fanIn)"
        }
        return limitHint(output, variance: 2 / Double(fanIn), integerSix: 6 / fanIn)
      })
  }

  static func compareLimits(_ yours: Float, _ expected: Float) -> Mismatch? {
    isClose(yours, expected, .floatRounding)
      ? nil
      : Mismatch(yours: show(yours), expected: show(expected), tolerance: .floatRounding)
  }

  /// The mistakes both limits invite: the standard deviation for the limit, no square root,
  /// an integer division.
  static func limitHint(_ output: Float, variance: Double, integerSix: Int) -> String? {
    if isClose(output, Float(variance.squareRoot()), .floatRounding) {
      return "that is √Var, the standard deviation: U(−l, l) has variance l²/3, so l = √(3 · Var)"
    }
    if isClose(output, Float(3 * variance), .floatRounding) {
      return "that is l², 3 · Var: take its square root"
    }
    if isClose(output, Float(Double(integerSix).squareRoot()), .floatRounding) {
      return "an integer division: 6 / (an Int) rounds down (to 0 for large layers);"
        + " convert to Float before dividing"
    }
    return nil
  }

  // MARK: - initialNetwork

  /// A network to draw: its sizes, activation and seed.
  struct NetworkCase {
    var layerSizes: [Int]
    var activation: HiddenActivation
    var seed: UInt64
  }

  /// One to four layers, every activation, unequal fans, several seeds.
  static let networkCases: [NetworkCase] = [
    NetworkCase(layerSizes: [2, 3], activation: .relu, seed: 1),
    NetworkCase(layerSizes: [3, 5, 2], activation: .sigmoid, seed: 7),
    NetworkCase(layerSizes: [4, 3, 5, 2], activation: .tanh, seed: 42),
    NetworkCase(layerSizes: [5, 4, 3, 2, 3], activation: .leakyReLU(alpha: 0.1), seed: 2026),
    NetworkCase(layerSizes: [16, 8, 4], activation: .relu, seed: 3),
    NetworkCase(layerSizes: [784, 32, 10], activation: .relu, seed: 1),
  ]

  /// What the checker compares: the network and the generator's next draw afterwards
  /// (which shows how many numbers were drawn).
  typealias Drawn = (network: LearnerNetwork, nextDraw: UInt64)

  /// Checks a starting network: its sizes and activation, then every weight and bias, then
  /// that exactly the weights were drawn.
  static func initialNetwork(
    _ yours: ([Int], HiddenActivation, inout SeededGenerator) throws -> LearnerNetwork
  ) -> CheckOutcome {
    checkCases(
      .initialNetwork, cases: networkCases,
      describe: { c in
        "var generator = SeededGenerator(seed: \(c.seed))\n"
          + "initialNetwork(layerSizes: \(c.layerSizes), activation: .\(c.activation),"
          + " generator: &generator)"
      },
      yours: { c -> Drawn in
        var generator = SeededGenerator(seed: c.seed)
        let network = try yours(c.layerSizes, c.activation, &generator)
        return (network, generator.next())
      },
      reference: { c -> Drawn in
        var generator = SeededGenerator(seed: c.seed)
        let network = Network(
          layerSizes: c.layerSizes, hiddenActivation: c.activation.neuralKit,
          generator: &generator)
        return (LearnerNetwork(network.layers, activation: c.activation), generator.next())
      },
      compare: compareDrawn, hint: networkHint)
  }

  static func compareDrawn(_ yours: Drawn, _ expected: Drawn) -> Mismatch? {
    if yours.network.layerSizes != expected.network.layerSizes
      || yours.network.layers.count != expected.network.layers.count
    {
      return Mismatch(
        yours: "layerSizes \(yours.network.layerSizes) (\(yours.network.layers.count) layers)",
        expected: "layerSizes \(expected.network.layerSizes)"
          + " (\(expected.network.layers.count) layers)",
        tolerance: .exact)
    }
    if yours.network.activation != expected.network.activation {
      return Mismatch(
        yours: "activation .\(yours.network.activation)",
        expected: "activation .\(expected.network.activation)", tolerance: .exact)
    }
    if let mismatch = compareLayers(
      "network.layers", yours.network.layers, expected.network.layers, .initialWeights)
    {
      return mismatch
    }
    if yours.nextDraw != expected.nextDraw {
      return Mismatch(
        yours: "the generator's next draw afterwards: \(yours.nextDraw)",
        expected: "\(expected.nextDraw)", tolerance: .exact)
    }
    return nil
  }

  static func networkHint(_ c: NetworkCase, _ output: Drawn, _ expected: Drawn) -> String? {
    let yours = output.network
    if yours.layers.count != c.layerSizes.count - 1 {
      return "one layer per pair of neighbouring sizes: \(c.layerSizes) has"
        + " \(c.layerSizes.count - 1) layers"
    }
    for (l, layer) in yours.layers.enumerated()
    where layer.weights.count != c.layerSizes[l] || layer.bias.count != c.layerSizes[l + 1] {
      return "layer \(l): W is (fanIn × fanOut) = (\(c.layerSizes[l]) × \(c.layerSizes[l + 1])),"
        + " one row per input; b has one number per unit"
    }
    if yours.activation != c.activation {
      return "keep the activation you were given: .\(c.activation)"
    }
    if yours.layers.contains(where: { $0.bias.contains { $0 != 0 } }) {
      return "biases start at 0 (as in Keras): draw only the weights"
    }
    for mistake in DrawMistake.allCases {
      var generator = SeededGenerator(seed: c.seed)
      let drawn = mistake.draw(c.layerSizes, &generator)
      if sameLayers(yours.layers, drawn, .initialWeights)
        && !sameLayers(expected.network.layers, drawn, .initialWeights)
      {
        return mistake.hint
      }
    }
    if sameLayers(yours.layers, expected.network.layers, .initialWeights) {
      return "the weights are right but the generator moved on by a different amount:"
        + " draw exactly fanIn · fanOut numbers per layer, nothing else"
    }
    return nil
  }

  /// Starting networks drawn with one mistake, for the hints.
  enum DrawMistake: CaseIterable {
    case columnByColumn, standardDeviation, heLimit, unitInterval

    var hint: String {
      switch self {
      case .columnByColumn:
        return "drawn column by column: draw W[0][0], W[0][1], … row by row (one row per"
          + " input), as NeuralKit does, so the same seed gives the same numbers"
      case .standardDeviation:
        return "every weight is 1/√3 of NeuralKit's: the limit is √(3 · Var), not √Var"
      case .heLimit:
        return "that is He's limit: initialNetwork uses glorotUniformLimit(fanIn:fanOut:)"
      case .unitInterval:
        return "generator.nextFloat() is in [0, 1): draw generator.nextFloat(in: -l, l)"
      }
    }

    func draw(_ sizes: [Int], _ generator: inout SeededGenerator) -> [LayerParameters] {
      zip(sizes, sizes.dropFirst()).map { fanIn, fanOut in
        let glorot = Initializer.glorotUniform.limit(fanIn: fanIn, fanOut: fanOut)
        var weights = [[Float]](
          repeating: [Float](repeating: 0, count: fanOut), count: fanIn)
        let limit: Float
        switch self {
        case .columnByColumn, .unitInterval: limit = glorot
        case .standardDeviation: limit = glorot / Float(3).squareRoot()
        case .heLimit: limit = Initializer.heUniform.limit(fanIn: fanIn, fanOut: fanOut)
        }
        for index in 0..<fanIn * fanOut {
          let (k, c) =
            self == .columnByColumn
            ? (index % fanIn, index / fanIn) : (index / fanOut, index % fanOut)
          weights[k][c] =
            self == .unitInterval ? generator.nextFloat() : generator.nextFloat(in: -limit, limit)
        }
        return LayerParameters(weights: weights, bias: [Float](repeating: 0, count: fanOut))
      }
    }
  }
}

extension NamedTolerance {
  /// Starting weights: the same draws times a limit computed in another order
  /// (√(6/n) or √(3 · 2/n)), which differs in Float's last digit; any other limit or order
  /// is off by far more.
  static let initialWeights = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-7, relative: 1e-5),
    reason: "the same draws, times a limit rounded in another order", scale: "max|expected|")
}
