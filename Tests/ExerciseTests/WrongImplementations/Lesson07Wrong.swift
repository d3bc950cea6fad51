import Foundation

/// Plain loops, as a learner would write them, each with one mistake.
extension WrongImplementation {
  static let lesson07: [WrongImplementation] = [
    WrongImplementation(exercise: .gradientNorms, mistake: "sum of squares, no square root") {
      GradientFlowChecks.gradientNorms { layers in
        layers.map { dW in dW.joined().reduce(0) { $0 + Double($1) * Double($1) } }
      }
    },
    WrongImplementation(exercise: .gradientNorms, mistake: "squares summed in Float") {
      GradientFlowChecks.gradientNorms { layers in
        layers.map { dW in Double(dW.joined().reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()) }
      }
    },
    WrongImplementation(exercise: .gradientNorms, mistake: "root of the mean square") {
      GradientFlowChecks.gradientNorms { layers in
        layers.map { dW in
          let values = Array(dW.joined())
          let sum = values.reduce(0) { $0 + Double($1) * Double($1) }
          return (sum / Double(max(values.count, 1))).squareRoot()
        }
      }
    },
    WrongImplementation(exercise: .gradientNorms, mistake: "largest |value| instead of the norm") {
      GradientFlowChecks.gradientNorms { layers in
        layers.map { dW in Double(dW.joined().map(abs).max() ?? 0) }
      }
    },
    WrongImplementation(exercise: .deadUnitFraction, mistake: "z < 0 for dead (z = 0 alive)") {
      GradientFlowChecks.deadUnitFraction { z in
        let units = z.first?.count ?? 0
        let dead = (0..<units).filter { unit in !z.contains { $0[unit] >= 0 } }.count
        return Double(dead) / Double(max(units, 1))
      }
    },
    WrongImplementation(exercise: .deadUnitFraction, mistake: "share of zero outputs (sparsity)") {
      GradientFlowChecks.deadUnitFraction { z in
        let all = Array(z.joined())
        return Double(all.filter { $0 <= 0 }.count) / Double(max(all.count, 1))
      }
    },
    WrongImplementation(exercise: .deadUnitFraction, mistake: "examples (rows) instead of units") {
      GradientFlowChecks.deadUnitFraction { z in
        Double(z.filter { $0.allSatisfy { $0 <= 0 } }.count) / Double(max(z.count, 1))
      }
    },
    WrongImplementation(exercise: .growthIntervalWidth, mistake: "the width in z, not in a") {
      GradientFlowChecks.growthIntervalWidth { weight in
        let w = abs(weight)
        guard w > 4 else { return 0 }
        let root = (1 - 4 / w).squareRoot()
        return 2 * log((1 + root) / (1 - root))
      }
    },
    WrongImplementation(exercise: .growthIntervalWidth, mistake: "one side only: no factor 2") {
      GradientFlowChecks.growthIntervalWidth { weight in
        let w = abs(weight)
        guard w > 4 else { return 0 }
        let root = (1 - 4 / w).squareRoot()
        return log((1 + root) / (1 - root)) / w
      }
    },
    WrongImplementation(exercise: .growthIntervalWidth, mistake: "w instead of |w|") {
      GradientFlowChecks.growthIntervalWidth { w in
        guard w > 4 || w < 0 else { return 0 }
        return 2 / w * log(w * (1 + (1 - 4 / w).squareRoot()) / 2 - 1)
      }
    },
  ]
}
