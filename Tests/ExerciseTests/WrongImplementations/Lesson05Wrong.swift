import ExerciseSupport
import Foundation

/// The learner's network written out with plain loops, as a learner would, each with one
/// mistake, and the hint the checker must give for it. (They cannot call the exercise
/// functions: in a learner's build those may be stubs.)
extension WrongImplementation {
  static let lesson05: [WrongImplementation] =
    lesson05Initialization + lesson05Passes + lesson05Optimizers + lesson05Loop

  static let lesson05Initialization: [WrongImplementation] = [
    WrongImplementation(
      exercise: .glorotUniformLimit, mistake: "√(2/(in + out)): the standard deviation",
      hint: "standard deviation"
    ) {
      InitializationChecks.glorotUniformLimit { (2 / Float($0 + $1)).squareRoot() }
    },
    WrongImplementation(
      exercise: .glorotUniformLimit, mistake: "6 / (in + out) in Int", hint: "integer division"
    ) {
      InitializationChecks.glorotUniformLimit { Float(6 / ($0 + $1)).squareRoot() }
    },
    WrongImplementation(exercise: .glorotUniformLimit, mistake: "He's limit", hint: "He's limit") {
      InitializationChecks.glorotUniformLimit { fanIn, _ in (6 / Float(fanIn)).squareRoot() }
    },
    WrongImplementation(
      exercise: .heUniformLimit, mistake: "√(2/in): the standard deviation",
      hint: "standard deviation"
    ) {
      InitializationChecks.heUniformLimit { (2 / Float($0)).squareRoot() }
    },
    WrongImplementation(exercise: .heUniformLimit, mistake: "LeCun's √(3/in)", hint: "LeCun") {
      InitializationChecks.heUniformLimit { (3 / Float($0)).squareRoot() }
    },
    WrongImplementation(
      exercise: .initialNetwork, mistake: "weights drawn column by column", hint: "column by column"
    ) {
      InitializationChecks.initialNetwork { try plainInitialNetwork($0, $1, &$2, .columnByColumn) }
    },
    WrongImplementation(
      exercise: .initialNetwork, mistake: "Glorot limit without the 3", hint: "√(3 · Var)"
    ) {
      InitializationChecks.initialNetwork { try plainInitialNetwork($0, $1, &$2, .noThree) }
    },
    WrongImplementation(
      exercise: .initialNetwork, mistake: "biases drawn too", hint: "biases start at 0"
    ) {
      InitializationChecks.initialNetwork { try plainInitialNetwork($0, $1, &$2, .randomBiases) }
    },
  ]

  static let lesson05Passes: [WrongImplementation] = [
    WrongImplementation(
      exercise: .forward, mistake: "the activation applied to the output layer too",
      hint: "the last layer has no activation"
    ) {
      NetworkPassChecks.forward { plainForward($0, $1, .outputActivated) }
    },
    WrongImplementation(
      exercise: .forward, mistake: "relu whatever the activation", hint: "that is relu"
    ) {
      NetworkPassChecks.forward { plainForward($0, $1, .alwaysReLU) }
    },
    WrongImplementation(
      exercise: .backward, mistake: "σ′ and tanh′ evaluated at A instead of Z",
      hint: "f′ evaluated at A"
    ) {
      NetworkPassChecks.backward { plainBackward($0, $1, $2, $3, .derivativeOfA) }
    },
    WrongImplementation(
      exercise: .backward, mistake: "the activation's derivative missing",
      hint: "derivative is missing"
    ) {
      NetworkPassChecks.backward { plainBackward($0, $1, $2, $3, .noDerivative) }
    },
    WrongImplementation(
      exercise: .backward, mistake: "dW transposed: dZᵀ·X", hint: "dW is transposed"
    ) {
      NetworkPassChecks.backward { plainBackward($0, $1, $2, $3, .transposedWeightGradient) }
    },
    WrongImplementation(
      exercise: .backward, mistake: "gradients returned last layer first", hint: "first layer first"
    ) {
      NetworkPassChecks.backward { plainBackward($0, $1, $2, $3, .lastLayerFirst) }
    },
  ]

  static let lesson05Optimizers: [WrongImplementation] = [
    WrongImplementation(exercise: .sgdStep, mistake: "w + lr·g", hint: "a minus") {
      OptimizerChecks.sgdStep { plainSGD(&$0, $1, $2, .signFlipped) }
    },
    WrongImplementation(
      exercise: .sgdStep, mistake: "biases not updated", hint: "biases did not move"
    ) {
      OptimizerChecks.sgdStep { plainSGD(&$0, $1, $2, .weightsOnly) }
    },
    WrongImplementation(
      exercise: .adamStep, mistake: "Adam without the bias correction", hint: "bias correction"
    ) {
      OptimizerChecks.adamStep { plainAdam(&$0, $1, &$2, $3, .noBiasCorrection) }
    },
    WrongImplementation(
      exercise: .adamStep, mistake: "t incremented once per tensor", hint: "once per tensor"
    ) {
      OptimizerChecks.adamStep { plainAdam(&$0, $1, &$2, $3, .stepPerTensor) }
    },
    WrongImplementation(exercise: .adamStep, mistake: "w + α·m/(√v + ε)", hint: "sign flipped") {
      OptimizerChecks.adamStep { plainAdam(&$0, $1, &$2, $3, .signFlipped) }
    },
    WrongImplementation(exercise: .adamStep, mistake: "t never incremented", hint: "NaN") {
      OptimizerChecks.adamStep { plainAdam(&$0, $1, &$2, $3, .noStepIncrement) }
    },
  ]

  static let lesson05Loop: [WrongImplementation] = [
    WrongImplementation(
      exercise: .miniBatches, mistake: "Fisher–Yates with nextInt(below: i)",
      hint: "nextInt(below: i + 1)"
    ) {
      MiniBatchChecks.miniBatches { plainMiniBatches($0, $1, &$2, .nextIntBelowI) }
    },
    WrongImplementation(exercise: .miniBatches, mistake: "i ascending", hint: "down to 1") {
      MiniBatchChecks.miniBatches { plainMiniBatches($0, $1, &$2, .ascending) }
    },
    WrongImplementation(
      exercise: .miniBatches, mistake: "the last partial batch dropped", hint: "shorter batch"
    ) {
      MiniBatchChecks.miniBatches { plainMiniBatches($0, $1, &$2, .dropLast) }
    },
    WrongImplementation(
      exercise: .miniBatches, mistake: "not shuffled", hint: "the indices are in order"
    ) {
      MiniBatchChecks.miniBatches { plainMiniBatches($0, $1, &$2, .notShuffled) }
    },
    WrongImplementation(
      exercise: .trainEpoch, mistake: "loss measured after the update", hint: "after each update"
    ) {
      TrainingLoopChecks.trainEpoch {
        plainTrainEpoch(&$0, &$1, $2, $3, $4, $5, &$6, .lossAfterUpdate)
      }
    },
    WrongImplementation(
      exercise: .trainEpoch, mistake: "the last partial batch dropped", hint: "shorter batch"
    ) {
      TrainingLoopChecks.trainEpoch { plainTrainEpoch(&$0, &$1, $2, $3, $4, $5, &$6, .dropLast) }
    },
    WrongImplementation(
      exercise: .trainEpoch, mistake: "the mean of the batch means", hint: "weigh"
    ) {
      TrainingLoopChecks.trainEpoch {
        plainTrainEpoch(&$0, &$1, $2, $3, $4, $5, &$6, .unweightedMean)
      }
    },
    WrongImplementation(
      exercise: .trainEpoch, mistake: "accuracy in percent", hint: "not a percentage"
    ) {
      TrainingLoopChecks.trainEpoch { plainTrainEpoch(&$0, &$1, $2, $3, $4, $5, &$6, .percent) }
    },
    WrongImplementation(
      exercise: .evaluate, mistake: "accuracy in percent", hint: "not a percentage"
    ) {
      TrainingLoopChecks.evaluate { plainEvaluate($0, $1, $2, .percent) }
    },
    WrongImplementation(exercise: .evaluate, mistake: "the loss summed", hint: "the sum") {
      TrainingLoopChecks.evaluate { plainEvaluate($0, $1, $2, .summedLoss) }
    },
    WrongImplementation(exercise: .evaluate, mistake: "ties go to the last class", hint: "tie") {
      TrainingLoopChecks.evaluate { plainEvaluate($0, $1, $2, .lastOnTie) }
    },
  ]
}

extension WrongImplementation {
  /// The same plain loops with no mistake: another correct way to write each function (its
  /// own sums, its own softmax in Double), which the checkers' tolerances must accept.
  static let lesson05Right: [WrongImplementation] = [
    WrongImplementation(exercise: .glorotUniformLimit, mistake: "none: √(3 · 2/(in + out))") {
      InitializationChecks.glorotUniformLimit { (3 * (2 / Float($0 + $1))).squareRoot() }
    },
    WrongImplementation(exercise: .heUniformLimit, mistake: "none: √(3 · 2/in)") {
      InitializationChecks.heUniformLimit { (3 * (2 / Float($0))).squareRoot() }
    },
    WrongImplementation(exercise: .initialNetwork, mistake: "none") {
      InitializationChecks.initialNetwork { try plainInitialNetwork($0, $1, &$2, .none) }
    },
    WrongImplementation(exercise: .forward, mistake: "none") {
      NetworkPassChecks.forward { plainForward($0, $1, .none) }
    },
    WrongImplementation(exercise: .backward, mistake: "none") {
      NetworkPassChecks.backward { plainBackward($0, $1, $2, $3, .none) }
    },
    WrongImplementation(exercise: .sgdStep, mistake: "none") {
      OptimizerChecks.sgdStep { plainSGD(&$0, $1, $2, .none) }
    },
    WrongImplementation(exercise: .adamStep, mistake: "none: α in Float") {
      OptimizerChecks.adamStep { plainAdam(&$0, $1, &$2, $3, .none) }
    },
    WrongImplementation(exercise: .miniBatches, mistake: "none") {
      MiniBatchChecks.miniBatches { plainMiniBatches($0, $1, &$2, .none) }
    },
    WrongImplementation(exercise: .trainEpoch, mistake: "none") {
      TrainingLoopChecks.trainEpoch { plainTrainEpoch(&$0, &$1, $2, $3, $4, $5, &$6, .none) }
    },
    WrongImplementation(exercise: .evaluate, mistake: "none") {
      TrainingLoopChecks.evaluate { plainEvaluate($0, $1, $2, .none) }
    },
  ]
}
