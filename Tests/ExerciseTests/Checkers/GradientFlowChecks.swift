import Foundation
import NeuralKit

/// The checks of exercise 07: per-layer gradient norms and the dead-unit fraction against
/// `GradientFlow.l2Norm` and `GradientFlow.deadUnitFraction`, on hand-made edge cases and
/// then on real backward and forward passes of small seeded networks.
enum GradientFlowChecks {
  /// The seed of the networks the random cases come from.
  static let seed: UInt64 = 107

  /// One call of `gradientNorms`: a name and every layer's dW.
  struct NormsCase {
    var name: String
    var weightGradients: [[[Float]]]
  }

  /// One call of `deadUnitFraction`: a name and one layer's Z.
  struct DeadCase {
    var name: String
    var preActivations: [[Float]]
  }

  /// Small networks whose backward and forward passes give the random cases: 2 to 6
  /// layers, Sigmoid and ReLU, a batch of 1 to 7; every other network has some biases
  /// set to −3 so that some ReLU units are dead.
  static let networks: [(name: String, backpropagation: Backpropagation)] = {
    var generator = SeededGenerator(seed: seed)
    return (1...12).map { index in
      let layerCount = 2 + generator.nextInt(below: 5)
      let sizes = (0...layerCount).map { _ in 1 + generator.nextInt(below: 6) }
      let activation: Activation = index % 3 == 0 ? .sigmoid : .relu
      var network = Network(
        layerSizes: sizes, hiddenActivation: activation, generator: &generator)
      if index % 2 == 0 {
        for l in network.layers.indices.dropLast() {
          for unit in network.layers[l].bias.indices where generator.nextInt(below: 3) == 0 {
            network.layers[l].bias[unit] = -3
          }
        }
      }
      let batch = 1 + generator.nextInt(below: 7)
      let inputs = Matrix(rows: batch, columns: sizes[0], uniformLimit: 1, generator: &generator)
      let labels = (0..<batch).map { _ in generator.nextInt(below: sizes.last!) }
      let name =
        "network \(index) of 12 (seed \(seed)): \(sizes.map(String.init).joined(separator: "-")),"
        + " \(activation), batch \(batch)"
      return (name, try! network.backpropagate(inputs: inputs, labels: labels))
    }
  }()

  static let normsCases: [NormsCase] =
    [
      NormsCase(name: "one layer [[3], [4]]: √(9 + 16)", weightGradients: [[[3], [4]]]),
      NormsCase(name: "a layer of zeros", weightGradients: [[[0, 0], [0, 0]]]),
      NormsCase(name: "a single number, negative", weightGradients: [[[-2]]]),
      NormsCase(
        name: "two layers, negative numbers, 2 × 3 and 3 × 1",
        weightGradients: [[[1, -2, 2], [-4, 0, 0]], [[-1], [1], [1]]]),
      NormsCase(
        name: "a vanished gradient: 1e-30 squares to 0 in Float",
        weightGradients: [[[1e-30, -1e-30], [2e-30, 0]]]),
      NormsCase(
        name: "an exploding gradient: 1e20 squares to ∞ in Float",
        weightGradients: [[[1e20, -1e20]], [[3e20], [4e20]]]),
      NormsCase(name: "no layers at all", weightGradients: []),
    ]
    + networks.map { network in
      NormsCase(
        name: network.name, weightGradients: network.backpropagation.gradients.map(\.dW.rowArrays))
    }

  static let deadCases: [DeadCase] =
    [
      DeadCase(
        name: "the example: units 0 and 2 dead",
        preActivations: [[-1, 2, 0, -3], [-2, -1, 0, 5], [-4, 3, 0, -1]]),
      DeadCase(name: "one example", preActivations: [[1, -1, 0, 2, -3]]),
      DeadCase(name: "one unit, alive in one example only", preActivations: [[-1], [-2], [0.5]]),
      DeadCase(name: "one unit, dead", preActivations: [[-1], [0], [-2]]),
      DeadCase(name: "every unit dead", preActivations: [[-1, -2], [-3, -4]]),
      DeadCase(name: "no unit dead", preActivations: [[1, 2], [3, 4]]),
      DeadCase(name: "z exactly 0 everywhere: every unit dead", preActivations: [[0, 0, 0]]),
      DeadCase(
        name: "more units than examples, 2 × 5",
        preActivations: [[-1, -1, 2, -1, 0], [-1, 3, -1, -1, 0]]),
      DeadCase(
        name: "more examples than units, 5 × 2",
        preActivations: [[-1, 1], [-1, -1], [-1, -1], [0, -1], [-1, -1]]),
    ]
    + networks.filter { $0.backpropagation.passes.count > 1 }.flatMap { network in
      network.backpropagation.passes.dropLast().enumerated().map { layer, pass in
        DeadCase(
          name: "\(network.name), hidden layer \(layer + 1)",
          preActivations: pass.preActivation.rowArrays)
      }
    }

  /// Norms: NeuralKit sums in Double; a learner's sum in another order (or in Float, on
  /// ordinary sizes) differs by ~1e-7 relative. No absolute part: a norm of 1e-30 must
  /// not pass as 0 (which is what a Float sum of squares gives there).
  static let normTolerance = (absolute: 0.0, relative: 1e-5)
  /// Fractions: a count over a count; Float division rounds at ~1e-7.
  static let fractionTolerance = 1e-6

  /// Checks per-layer gradient norms.
  static func gradientNorms(_ yours: ([[[Float]]]) throws -> [Double]) -> CheckOutcome {
    checkCases(
      .gradientNorms, cases: normsCases,
      describe: { c in
        "\(c.name)\ngradientNorms([\(c.weightGradients.map(showMatrix).joined(separator: ", "))])"
      },
      yours: { try yours($0.weightGradients) },
      reference: { $0.weightGradients.map { GradientFlow.l2Norm($0.flatMap { $0 }) } },
      compare: compareNorms,
      hint: { c, output, expected in
        guard output.count == expected.count else {
          return "one norm per layer: \(expected.count) layers in, \(expected.count) numbers out"
        }
        for (yours, right) in zip(output, expected) where !close(yours, right) {
          if yours == 0 || yours.isInfinite {
            return "\(yours) instead of \(right): the squares under- or overflowed in Float;"
              + " convert each value to Double before squaring"
          }
          if close(yours, right * right) {
            return "that is the sum of squares: take its square root"
          }
          let count = Double(
            c.weightGradients[expected.firstIndex(of: right)!].flatMap { $0 }.count)
          if close(yours, right / count.squareRoot()) {
            return
              "that is the root of the mean square: sum the squares, do not divide by the count"
          }
        }
        return nil
      })
  }

  /// Checks the dead-unit fraction.
  static func deadUnitFraction(_ yours: ([[Float]]) throws -> Double) -> CheckOutcome {
    checkCases(
      .deadUnitFraction, cases: deadCases,
      describe: { c in "\(c.name)\ndeadUnitFraction(\(showMatrix(c.preActivations)))" },
      yours: { try yours($0.preActivations) },
      reference: { GradientFlow.deadUnitFraction(preActivation: Matrix($0.preActivations)) },
      compare: { yours, expected in
        abs(yours - expected) <= fractionTolerance
          ? nil
          : Mismatch(
            yours: "\(yours)", expected: "\(expected)",
            tolerance: NamedTolerance(
              tolerance: Tolerance(absolute: fractionTolerance),
              reason: "a count over a count; Float division rounds at ~1e-7"))
      },
      hint: { c, output, _ in
        let z = c.preActivations
        let units = z.first?.count ?? 0
        let strict =
          units == 0
          ? 0 : Double((0..<units).filter { u in !z.contains { $0[u] >= 0 } }.count) / Double(units)
        if abs(output - strict) <= fractionTolerance {
          return "z = 0 counts as dead: ReLU gives 0 there and its slope is 0; test z > 0 for alive"
        }
        let zeros = Double(z.joined().filter { $0 <= 0 }.count) / Double(max(z.joined().count, 1))
        if abs(output - zeros) <= fractionTolerance {
          return "that is the share of zero outputs; a unit is dead only if z ≤ 0 for every example"
        }
        let rows = Double(z.filter { $0.allSatisfy { $0 <= 0 } }.count) / Double(max(z.count, 1))
        if abs(output - rows) <= fractionTolerance {
          return "rows are examples, columns are units: check each column over all rows"
        }
        return nil
      })
  }

  static func close(_ yours: Double, _ expected: Double) -> Bool {
    if yours == expected { return true }
    guard yours.isFinite && expected.isFinite else { return false }
    return abs(yours - expected) <= normTolerance.absolute + normTolerance.relative * abs(expected)
  }

  static func compareNorms(_ yours: [Double], _ expected: [Double]) -> Mismatch? {
    let tolerance = NamedTolerance(
      tolerance: Tolerance(absolute: normTolerance.absolute, relative: normTolerance.relative),
      reason: "sums of squares in another order round at ~1e-7 relative; a norm of 1e-30 is not 0")
    guard yours.count == expected.count else {
      return Mismatch(
        yours: "\(yours.count) norms", expected: "\(expected.count) norms (one per layer)",
        tolerance: tolerance)
    }
    for (layer, (mine, right)) in zip(yours, expected).enumerated() where !close(mine, right) {
      return Mismatch(
        yours: "layer \(layer + 1): \(mine)", expected: "layer \(layer + 1): \(right)",
        tolerance: tolerance)
    }
    return nil
  }
}

extension GradientFlowChecks {
  /// Weights: |w| ≤ 4 (no interval), just above 4, near the widest (|w| ≈ 6.9), large,
  /// negative; then 200 seeded random w in [−50, 50].
  static let growthWeights: [Double] = {
    var weights: [Double] = [0, 1, 3, 4, 4.5, 5, 6, 6.9, 8, 10, 100, 1e6, -8, -4, -50]
    var generator = SeededGenerator(seed: 107)
    for _ in 0..<200 { weights.append(Double(generator.nextFloat(in: -50, 50))) }
    return weights
  }()

  /// The exact width of { a : |w·σ′(w·a + b)| ≥ 1 } (Nielsen, ch. 5):
  ///     (2/|w|) · ln(|w|·(1 + √(1 − 4/|w|))/2 − 1)   for |w| > 4, else 0.
  static func exactGrowthWidth(_ weight: Double) -> Double {
    let w = abs(weight)
    guard w > 4 else { return 0 }
    return 2 / w * log(w * (1 + (1 - 4 / w).squareRoot()) / 2 - 1)
  }

  /// Double results: the closed form and a numerical search agree to ~1e-12; a wrong
  /// formula (no 1/|w|, no factor 2) is off by a factor.
  static let widthTolerance = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-9, relative: 1e-6),
    reason: "Double throughout: a closed form and a careful search agree far closer")

  /// Checks Nielsen's interval width.
  static func growthIntervalWidth(_ yours: (Double) throws -> Double) -> CheckOutcome {
    checkCases(
      .growthIntervalWidth, cases: growthWeights,
      describe: { "growthIntervalWidth(weight: \($0))" },
      yours: yours, reference: exactGrowthWidth,
      compare: { yours, expected in
        let tolerance = widthTolerance.tolerance
        let close =
          yours == expected
          || (yours.isFinite
            && abs(yours - expected) <= tolerance.absolute + tolerance.relative * abs(expected))
        return close
          ? nil : Mismatch(yours: "\(yours)", expected: "\(expected)", tolerance: widthTolerance)
      },
      hint: { weight, output, expected in
        let w = abs(weight)
        if expected == 0 {
          return "|w·σ′| ≤ |w|/4 ≤ 1 here: no a makes the factor reach 1, the width is 0"
        }
        if output.isNaN {
          return "NaN: a square root or logarithm of a negative number; only |w| matters"
        }
        if abs(output - expected * w) <= 1e-6 * abs(expected * w) {
          return "that is the width in z = w·a + b; the question asks about a"
        }
        if abs(output - expected / 2) <= 1e-6 * expected {
          return "half the width: the interval extends on both sides of z = −b"
        }
        return nil
      })
  }
}
