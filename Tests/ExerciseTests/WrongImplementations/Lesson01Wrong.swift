import Foundation

extension WrongImplementation {
  static let lesson01: [WrongImplementation] = [
    WrongImplementation(exercise: .sigmoid, mistake: "unstable e^x/(1+e^x) for every x") {
      SigmoidChecks.sigmoid { x in exp(x) / (1 + exp(x)) }
    },
    WrongImplementation(exercise: .sigmoid, mistake: "sign slip 1/(1+e^x), that is σ(−x)") {
      SigmoidChecks.sigmoid { x in 1 / (1 + exp(x)) }
    },
    WrongImplementation(exercise: .sigmoid, mistake: "cut off at ±10 instead of stable") {
      SigmoidChecks.sigmoid { x in x > 10 ? 1 : x < -10 ? 0 : 1 / (1 + exp(-x)) }
    },
    WrongImplementation(
      exercise: .sigmoidDerivative, mistake: "textbook e^(−x)/(1+e^(−x))², NaN at −1000"
    ) {
      SigmoidChecks.sigmoidDerivative { x in exp(-x) / ((1 + exp(-x)) * (1 + exp(-x))) }
    },
    WrongImplementation(exercise: .sigmoidDerivative, mistake: "x·(1 − x) instead of s·(1 − s)") {
      SigmoidChecks.sigmoidDerivative { x in x * (1 - x) }
    },
    WrongImplementation(exercise: .sigmoidDerivative, mistake: "σ(x) instead of its slope") {
      SigmoidChecks.sigmoidDerivative { x in 1 / (1 + exp(-x)) }
    },
    WrongImplementation(
      exercise: .sigmoidSlopeFromOutput, mistake: "σ′(s): the slope at z = s, not at σ(z) = s"
    ) {
      SigmoidChecks.sigmoidSlopeFromOutput { s in
        let e = exp(-s)
        return e / ((1 + e) * (1 + e))
      }
    },
    WrongImplementation(exercise: .sigmoidSlopeFromOutput, mistake: "1 − s², tanh's slope") {
      SigmoidChecks.sigmoidSlopeFromOutput { s in 1 - s * s }
    },
    WrongImplementation(exercise: .sigmoidSlopeFromOutput, mistake: "s·(1 + s): a sign slip") {
      SigmoidChecks.sigmoidSlopeFromOutput { s in s * (1 + s) }
    },
  ]
}
