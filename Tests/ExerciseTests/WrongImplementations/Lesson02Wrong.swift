extension WrongImplementation {
  static let lesson02: [WrongImplementation] = [
    WrongImplementation(exercise: .relu, mistake: "|x| instead of max(0, x)") {
      ReLUChecks.relu { x in abs(x) }
    },
    WrongImplementation(exercise: .relu, mistake: "leaky by accident: max(x, 0.01·x)") {
      ReLUChecks.relu { x in max(x, 0.01 * x) }
    },
    WrongImplementation(exercise: .reluDerivative, mistake: "ReLU′(0) = 1 (x >= 0)") {
      ReLUChecks.reluDerivative { x in x >= 0 ? 1 : 0 }
    },
    WrongImplementation(exercise: .reluDerivative, mistake: "returns relu(x), not the slope") {
      ReLUChecks.reluDerivative { x in x > 0 ? x : 0 }
    },
    WrongImplementation(exercise: .leakyReLU, mistake: "alpha instead of alpha · x") {
      ReLUChecks.leakyReLU { x, alpha in x > 0 ? x : alpha }
    },
    WrongImplementation(exercise: .leakyReLU, mistake: "a fixed 0.01 instead of alpha") {
      ReLUChecks.leakyReLU { x, _ in x > 0 ? x : 0.01 * x }
    },
    WrongImplementation(exercise: .leakyReLUDerivative, mistake: "slope 1 at x = 0 (x >= 0)") {
      ReLUChecks.leakyReLUDerivative { x, alpha in x >= 0 ? 1 : alpha }
    },
    WrongImplementation(exercise: .leakyReLUDerivative, mistake: "ReLU′: 0 for negative x") {
      ReLUChecks.leakyReLUDerivative { x, _ in x > 0 ? 1 : 0 }
    },
  ]
}
