import ExerciseSupport
import Foundation

/// Whole training steps written out with plain loops, as a learner would, each with one
/// mistake. (They cannot call the exercise functions: in a learner's build those may be
/// stubs.)
extension WrongImplementation {
  static let lesson05: [WrongImplementation] = [
    WrongImplementation(exercise: .trainingStep, mistake: "Adam without the bias correction") {
      TrainingChecks.trainingStep { try plainTrainingStep($0, $1, $2, $3, $4, .noBiasCorrection) }
    },
    WrongImplementation(exercise: .trainingStep, mistake: "plain SGD instead of Adam") {
      TrainingChecks.trainingStep { try plainTrainingStep($0, $1, $2, $3, $4, .plainSGD) }
    },
    WrongImplementation(exercise: .trainingStep, mistake: "dZ2 not divided by the batch") {
      TrainingChecks.trainingStep { try plainTrainingStep($0, $1, $2, $3, $4, .missingMean) }
    },
    WrongImplementation(exercise: .trainingStep, mistake: "transposed weight gradients dZᵀ·X") {
      TrainingChecks.trainingStep {
        try plainTrainingStep($0, $1, $2, $3, $4, .transposedWeightGradient)
      }
    },
    WrongImplementation(exercise: .trainingStep, mistake: "w + α·m/(√v + ε): sign flipped") {
      TrainingChecks.trainingStep { try plainTrainingStep($0, $1, $2, $3, $4, .signFlipped) }
    },
    WrongImplementation(exercise: .trainingStep, mistake: "t incremented once per tensor") {
      TrainingChecks.trainingStep { try plainTrainingStep($0, $1, $2, $3, $4, .stepPerTensor) }
    },
  ]

  /// The mistakes `plainTrainingStep` can make.
  enum TrainingMistake {
    case noBiasCorrection, plainSGD, missingMean, transposedWeightGradient, signFlipped
    case stepPerTensor
  }

  /// A training step on plain arrays with one `mistake`.
  static func plainTrainingStep(
    _ network: TwoLayerNetwork, _ adam: AdamState, _ x: [[Float]], _ labels: [Int],
    _ learningRate: Float, _ mistake: TrainingMistake
  ) throws -> TrainingChecks.StepResult {
    let batch = Float(x.count)
    func dense(_ x: [[Float]], _ w: [[Float]], _ b: [Float]) -> [[Float]] {
      product(x, w).map { zip($0, b).map(+) }
    }
    let z1 = dense(x, network.weights1, network.bias1)
    let h = z1.map { $0.map { max(0, $0) } }
    let logits = dense(h, network.weights2, network.bias2)
    var loss: Float = 0
    var dZ2 = logits
    for r in logits.indices {
      let largest = logits[r].max()!
      let e = logits[r].map { exp($0 - largest) }
      let total = e.reduce(0, +)
      loss += -log(e[labels[r]] / total) / batch
      dZ2[r] = e.map { $0 / total }
      dZ2[r][labels[r]] -= 1
      if mistake != .missingMean { dZ2[r] = dZ2[r].map { $0 / batch } }
    }
    func weightGradient(_ x: [[Float]], _ dZ: [[Float]]) -> [[Float]] {
      mistake == .transposedWeightGradient ? product(transposed(dZ), x) : product(transposed(x), dZ)
    }
    let dH = product(dZ2, transposed(network.weights2))
    let dZ1 = zip(dH, z1).map { zip($0, $1).map { $1 > 0 ? $0 : 0 } }
    let gradients = TwoLayerNetwork(
      weights1: weightGradient(x, dZ1), bias1: transposed(dZ1).map { $0.reduce(0, +) },
      weights2: weightGradient(h, dZ2), bias2: transposed(dZ2).map { $0.reduce(0, +) })

    var state = adam
    var updated = network
    state.step += mistake == .stepPerTensor ? 4 : 1
    /// Adam on one row of tensor number `tensor` (0 for W1 … 3 for b2).
    func update(
      _ w: inout [Float], _ g: [Float], _ m: inout [Float], _ v: inout [Float], tensor: Int
    ) {
      let t = Float(adam.step + (mistake == .stepPerTensor ? tensor + 1 : 1))
      let alpha =
        mistake == .noBiasCorrection
        ? learningRate : learningRate * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
      for i in w.indices {
        if mistake == .plainSGD {
          w[i] -= learningRate * g[i]
          continue
        }
        m[i] = 0.9 * m[i] + 0.1 * g[i]
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
        let change = alpha * m[i] / (v[i].squareRoot() + 1e-7)
        w[i] += mistake == .signFlipped ? change : -change
      }
    }
    for r in updated.weights1.indices {
      update(
        &updated.weights1[r], gradients.weights1[r], &state.m.weights1[r], &state.v.weights1[r],
        tensor: 0)
    }
    update(&updated.bias1, gradients.bias1, &state.m.bias1, &state.v.bias1, tensor: 1)
    for r in updated.weights2.indices {
      update(
        &updated.weights2[r], gradients.weights2[r], &state.m.weights2[r], &state.v.weights2[r],
        tensor: 2)
    }
    update(&updated.bias2, gradients.bias2, &state.m.bias2, &state.v.bias2, tensor: 3)
    return (updated, state, loss)
  }
}
