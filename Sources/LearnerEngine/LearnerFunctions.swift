import ExerciseSupport

@testable import Exercises

#if LEARNER_ENGINE_HAS_STUBS
  @testable import ExerciseStubs
#endif

/// The learner's functions as values, so the engine calls them through one table: the
/// learner's own files (`Exercises`), or, in the solutions build, the untouched stubs
/// (`ExerciseStubs`), which the tests run to see an unwritten exercise reported.
///
///     let functions = LearnerFunctions.learners
///     try functions.relu(-2)   // 0.0 once exercises/02-relu/ReLU.swift is written
struct LearnerFunctions: Sendable {
  var sigmoid: @Sendable (Float) throws -> Float
  var sigmoidDerivative: @Sendable (Float) throws -> Float
  var relu: @Sendable (Float) throws -> Float
  var reluDerivative: @Sendable (Float) throws -> Float
  var leakyReLU: @Sendable (Float, Float) throws -> Float
  var leakyReLUDerivative: @Sendable (Float, Float) throws -> Float
  var denseForward: @Sendable ([[Float]], [[Float]], [Float]) throws -> [[Float]]
  var denseBackward:
    @Sendable ([[Float]], [[Float]], [[Float]]) throws -> (
      dW: [[Float]], db: [Float], dX: [[Float]]
    )
  var softmax: @Sendable ([Float]) throws -> [Float]
  var crossEntropy: @Sendable ([Float], Int) throws -> Float
  var softmaxCrossEntropyGradient: @Sendable ([[Float]], [Int]) throws -> [[Float]]
  var glorotUniformLimit: @Sendable (Int, Int) throws -> Float
  var initialNetwork:
    @Sendable ([Int], HiddenActivation, inout SeededGenerator) throws -> LearnerNetwork
  var forward: @Sendable (LearnerNetwork, [[Float]]) throws -> ForwardPass
  var backward:
    @Sendable (LearnerNetwork, [[Float]], ForwardPass, [[Float]]) throws -> [LayerGradients]
  var adamStep:
    @Sendable (inout LearnerNetwork, [LayerGradients], inout AdamMemory, Float) throws -> Void
  var miniBatches: @Sendable (Int, Int, inout SeededGenerator) throws -> [[Int]]
  var trainEpoch:
    @Sendable (
      inout LearnerNetwork, inout AdamMemory, [[Float]], [Int], Int, Float, inout SeededGenerator
    ) throws -> (loss: Float, accuracy: Double)
  var evaluate:
    @Sendable (LearnerNetwork, [[Float]], [Int]) throws -> (loss: Float, accuracy: Double)

  /// The learner's files: what `swift run lesson05-training --engine yours` trains.
  static let learners = LearnerFunctions(
    sigmoid: { try Exercises.sigmoid($0) },
    sigmoidDerivative: { try Exercises.sigmoidDerivative($0) },
    relu: { try Exercises.relu($0) },
    reluDerivative: { try Exercises.reluDerivative($0) },
    leakyReLU: { try Exercises.leakyReLU($0, alpha: $1) },
    leakyReLUDerivative: { try Exercises.leakyReLUDerivative($0, alpha: $1) },
    denseForward: { try Exercises.denseForward(inputs: $0, weights: $1, bias: $2) },
    denseBackward: { try Exercises.denseBackward(inputs: $0, weights: $1, dOutput: $2) },
    softmax: { try Exercises.softmax($0) },
    crossEntropy: { try Exercises.crossEntropy(probabilities: $0, label: $1) },
    softmaxCrossEntropyGradient: {
      try Exercises.softmaxCrossEntropyGradient(logits: $0, labels: $1)
    },
    glorotUniformLimit: { try Exercises.glorotUniformLimit(fanIn: $0, fanOut: $1) },
    initialNetwork: {
      try Exercises.initialNetwork(layerSizes: $0, activation: $1, generator: &$2)
    },
    forward: { try Exercises.forward($0, inputs: $1) },
    backward: { try Exercises.backward($0, inputs: $1, pass: $2, dLogits: $3) },
    adamStep: { try Exercises.adamStep(&$0, gradients: $1, adam: &$2, learningRate: $3) },
    miniBatches: { try Exercises.miniBatches(count: $0, batchSize: $1, generator: &$2) },
    trainEpoch: {
      try Exercises.trainEpoch(
        &$0, adam: &$1, inputs: $2, labels: $3, batchSize: $4, learningRate: $5, generator: &$6)
    },
    evaluate: { try Exercises.evaluate($0, inputs: $1, labels: $2) })

  #if LEARNER_ENGINE_HAS_STUBS
    /// The untouched stubs (solutions build only): every function throws `NotWrittenYet`.
    static let stubs = LearnerFunctions(
      sigmoid: { try ExerciseStubs.sigmoid($0) },
      sigmoidDerivative: { try ExerciseStubs.sigmoidDerivative($0) },
      relu: { try ExerciseStubs.relu($0) },
      reluDerivative: { try ExerciseStubs.reluDerivative($0) },
      leakyReLU: { try ExerciseStubs.leakyReLU($0, alpha: $1) },
      leakyReLUDerivative: { try ExerciseStubs.leakyReLUDerivative($0, alpha: $1) },
      denseForward: { try ExerciseStubs.denseForward(inputs: $0, weights: $1, bias: $2) },
      denseBackward: { try ExerciseStubs.denseBackward(inputs: $0, weights: $1, dOutput: $2) },
      softmax: { try ExerciseStubs.softmax($0) },
      crossEntropy: { try ExerciseStubs.crossEntropy(probabilities: $0, label: $1) },
      softmaxCrossEntropyGradient: {
        try ExerciseStubs.softmaxCrossEntropyGradient(logits: $0, labels: $1)
      },
      glorotUniformLimit: { try ExerciseStubs.glorotUniformLimit(fanIn: $0, fanOut: $1) },
      initialNetwork: {
        try ExerciseStubs.initialNetwork(layerSizes: $0, activation: $1, generator: &$2)
      },
      forward: { try ExerciseStubs.forward($0, inputs: $1) },
      backward: { try ExerciseStubs.backward($0, inputs: $1, pass: $2, dLogits: $3) },
      adamStep: { try ExerciseStubs.adamStep(&$0, gradients: $1, adam: &$2, learningRate: $3) },
      miniBatches: { try ExerciseStubs.miniBatches(count: $0, batchSize: $1, generator: &$2) },
      trainEpoch: {
        try ExerciseStubs.trainEpoch(
          &$0, adam: &$1, inputs: $2, labels: $3, batchSize: $4, learningRate: $5,
          generator: &$6)
      },
      evaluate: { try ExerciseStubs.evaluate($0, inputs: $1, labels: $2) })
  #endif
}
