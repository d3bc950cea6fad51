import Foundation

extension WrongImplementation {
  static let lesson04: [WrongImplementation] = [
    WrongImplementation(exercise: .softmax, mistake: "no max shift: e^z / Σ e^z") {
      SoftmaxChecks.softmax { z in
        let e = z.map { exp($0) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
      }
    },
    WrongImplementation(exercise: .softmax, mistake: "no exponential: z / Σz") {
      SoftmaxChecks.softmax { z in
        let total = z.reduce(0, +)
        return z.map { $0 / total }
      }
    },
    WrongImplementation(exercise: .crossEntropy, mistake: "log p without the minus") {
      SoftmaxChecks.crossEntropy { p, label in log(p[label]) }
    },
    WrongImplementation(exercise: .crossEntropy, mistake: "the most probable class, not the label")
    {
      SoftmaxChecks.crossEntropy { p, _ in -log(p.max()!) }
    },
    WrongImplementation(
      exercise: .softmaxCrossEntropyGradient, mistake: "missing 1/batch: p − onehot(y)"
    ) {
      SoftmaxChecks.softmaxCrossEntropyGradient { z, y in
        SoftmaxChecks.reference(z, y).map { row in row.map { $0 * Float(z.count) } }
      }
    },
    WrongImplementation(
      exercise: .softmaxCrossEntropyGradient, mistake: "forgot the one-hot: p / batch"
    ) {
      SoftmaxChecks.softmaxCrossEntropyGradient { z, _ in
        z.map { row in
          let m = row.max()!
          let e = row.map { exp($0 - m) }
          let total = e.reduce(0, +)
          return e.map { $0 / total / Float(z.count) }
        }
      }
    },
    WrongImplementation(exercise: .lossGradientForLogit, mistake: "∂L/∂p = −1/p, not ∂L/∂z") {
      SoftmaxChecks.lossGradientForLogit { p, label, index in index == label ? -1 / p[label] : 0 }
    },
    WrongImplementation(exercise: .lossGradientForLogit, mistake: "p[index]: the −1 forgotten") {
      SoftmaxChecks.lossGradientForLogit { p, _, index in p[index] }
    },
    WrongImplementation(exercise: .lossGradientForLogit, mistake: "onehot − p: the sign flipped") {
      SoftmaxChecks.lossGradientForLogit { p, label, index in (index == label ? 1 : 0) - p[index] }
    },
  ]
}
