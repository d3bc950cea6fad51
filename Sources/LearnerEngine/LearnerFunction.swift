/// A function of the learner's that `--engine yours` calls, in the order a learner writes
/// them (exercise 01's `sigmoid` first, exercise 05f's `evaluate` last): what a message
/// names, the file to open and the command that checks it.
///
///     LearnerFunction.denseForward.path           // "exercises/03-backprop/DenseForward.swift"
///     LearnerFunction.denseForward.checkCommand   // "swift test --disable-xctest --filter Lesson03"
public enum LearnerFunction: String, CaseIterable, Codable, Sendable {
  case sigmoid, sigmoidDerivative
  case relu, reluDerivative, leakyReLU, leakyReLUDerivative
  case denseForward, denseBackward
  case softmax, crossEntropy, softmaxCrossEntropyGradient
  case glorotUniformLimit, initialNetwork
  case forward, backward
  case adamStep
  case miniBatches
  case trainEpoch, evaluate

  /// The function's name as the learner writes it.
  public var name: String { rawValue }

  /// The lesson it belongs to: 1 for `sigmoid`.
  public var lesson: Int {
    switch self {
    case .sigmoid, .sigmoidDerivative: return 1
    case .relu, .reluDerivative, .leakyReLU, .leakyReLUDerivative: return 2
    case .denseForward, .denseBackward: return 3
    case .softmax, .crossEntropy, .softmaxCrossEntropyGradient: return 4
    default: return 5
    }
  }

  /// The learner's file, relative to the package.
  public var path: String {
    switch self {
    case .sigmoid: return "exercises/01-sigmoid/Sigmoid.swift"
    case .sigmoidDerivative: return "exercises/01-sigmoid/SigmoidDerivative.swift"
    case .relu: return "exercises/02-relu/ReLU.swift"
    case .reluDerivative: return "exercises/02-relu/ReLUDerivative.swift"
    case .leakyReLU: return "exercises/02-relu/LeakyReLU.swift"
    case .leakyReLUDerivative: return "exercises/02-relu/LeakyReLUDerivative.swift"
    case .denseForward: return "exercises/03-backprop/DenseForward.swift"
    case .denseBackward: return "exercises/03-backprop/DenseBackward.swift"
    case .softmax: return "exercises/04-softmax/Softmax.swift"
    case .crossEntropy: return "exercises/04-softmax/CrossEntropy.swift"
    case .softmaxCrossEntropyGradient:
      return "exercises/04-softmax/SoftmaxCrossEntropyGradient.swift"
    case .glorotUniformLimit, .initialNetwork:
      return "exercises/05-training/WeightInitialization.swift"
    case .forward: return "exercises/05-training/NetworkForward.swift"
    case .backward: return "exercises/05-training/NetworkBackward.swift"
    case .adamStep: return "exercises/05-training/OptimizerSteps.swift"
    case .miniBatches: return "exercises/05-training/MiniBatches.swift"
    case .trainEpoch, .evaluate: return "exercises/05-training/TrainingLoop.swift"
    }
  }

  /// `Lesson03`: the test filter of its lesson.
  public var filter: String { "Lesson" + (lesson < 10 ? "0" : "") + "\(lesson)" }

  /// The command that checks it.
  public var checkCommand: String { "swift test --disable-xctest --filter \(filter)" }

  /// The same checks inside the test process, where a crash shows its message and line.
  public var inProcessCommand: String { "EXERCISES_IN_PROCESS=1 " + checkCommand }

  /// What else may be at fault when this one misbehaves: the functions it usually calls.
  public var usuallyCalls: String? {
    switch self {
    case .forward: return "denseForward and the activations"
    case .backward: return "denseBackward and the activations' slopes"
    case .trainEpoch:
      return "miniBatches, forward, softmaxCrossEntropyGradient, backward, adamStep"
    case .evaluate: return "forward, softmax and crossEntropy"
    default: return nil
    }
  }
}
