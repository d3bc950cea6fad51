/// Every exercise, in the order a learner meets them: the function to write, its file,
/// its lesson and the hint shown when no more specific one fits.
///
/// Adding an exercise (later lessons reuse all of this):
///   1. `exercises/NN-name/File.swift`: doc comment (numbered tasks, exact signature, an
///      example call with its result, "What the test checks"), one `// TODO:`, and a body
///      `throw NotWrittenYet()`; the worked solution in `exercises/NN-name/Solution/`.
///      A new folder goes into `exerciseFolders` in Package.swift.
///   2. A case here (lesson, folder, file name, hint), in the order a learner meets it.
///   3. A checker in `Checkers/`: edge cases first, then seeded random ones, through
///      `checkCases` with a `NamedTolerance` and case-specific hints.
///   4. One line each in `LearnerCode.checkInProcess`, `LearnerCode.check` (an exit test
///      per exercise: its body may not capture) and `StubTests.checkStub`.
///   5. At least two plausible wrong implementations in `WrongImplementations/`.
///   6. A test in the suite `LessonNNNameTests` (the name `--filter LessonNN` matches),
///      with `.timeLimit` and a `progress` test.
enum Exercise: String, CaseIterable, Codable, Sendable {
  case sigmoid, sigmoidDerivative
  case relu, reluDerivative, leakyReLU, leakyReLUDerivative
  case denseForward, denseBackward
  case softmax, crossEntropy, softmaxCrossEntropyGradient
  // Lesson 05: the learner's own network, in the order the lesson builds it.
  case glorotUniformLimit, heUniformLimit, initialNetwork
  case forward, backward
  case sgdStep, adamStep
  case miniBatches
  case trainEpoch, evaluate
  case gradientNorms, deadUnitFraction
  case ikjProduct

  /// The lesson number: `1` for `exercises/01-sigmoid/`.
  var lesson: Int {
    switch self {
    case .sigmoid, .sigmoidDerivative: return 1
    case .relu, .reluDerivative, .leakyReLU, .leakyReLUDerivative: return 2
    case .denseForward, .denseBackward: return 3
    case .softmax, .crossEntropy, .softmaxCrossEntropyGradient: return 4
    case .glorotUniformLimit, .heUniformLimit, .initialNetwork, .forward, .backward, .sgdStep,
      .adamStep, .miniBatches, .trainEpoch, .evaluate:
      return 5
    case .gradientNorms, .deadUnitFraction: return 7
    case .ikjProduct: return 8
    }
  }

  /// The exercise folder, `01-sigmoid`.
  var folder: String {
    switch lesson {
    case 1: return "01-sigmoid"
    case 2: return "02-relu"
    case 3: return "03-backprop"
    case 4: return "04-softmax"
    case 5: return "05-training"
    case 7: return "07-gradient-flow"
    case 8: return "08-fast-matmul"
    default: preconditionFailure("no folder for lesson \(lesson)")
    }
  }

  /// The learner's file, `Sigmoid.swift`.
  var fileName: String {
    switch self {
    case .sigmoid: return "Sigmoid.swift"
    case .sigmoidDerivative: return "SigmoidDerivative.swift"
    case .relu: return "ReLU.swift"
    case .reluDerivative: return "ReLUDerivative.swift"
    case .leakyReLU: return "LeakyReLU.swift"
    case .leakyReLUDerivative: return "LeakyReLUDerivative.swift"
    case .denseForward: return "DenseForward.swift"
    case .denseBackward: return "DenseBackward.swift"
    case .softmax: return "Softmax.swift"
    case .crossEntropy: return "CrossEntropy.swift"
    case .softmaxCrossEntropyGradient: return "SoftmaxCrossEntropyGradient.swift"
    case .glorotUniformLimit, .heUniformLimit, .initialNetwork: return "WeightInitialization.swift"
    case .forward: return "NetworkForward.swift"
    case .backward: return "NetworkBackward.swift"
    case .sgdStep, .adamStep: return "OptimizerSteps.swift"
    case .miniBatches: return "MiniBatches.swift"
    case .trainEpoch, .evaluate: return "TrainingLoop.swift"
    case .gradientNorms: return "GradientNorms.swift"
    case .deadUnitFraction: return "DeadUnits.swift"
    case .ikjProduct: return "IKJProduct.swift"
    }
  }

  /// `exercises/01-sigmoid/Sigmoid.swift`, relative to the package.
  var path: String { "exercises/\(folder)/\(fileName)" }

  /// The worked solution, `exercises/01-sigmoid/Solution/Sigmoid.swift`.
  var solutionPath: String { "exercises/\(folder)/Solution/\(fileName)" }

  /// The function's name as the learner writes it.
  var functionName: String { rawValue }

  /// `Lesson01`: what `--filter` needs to run this lesson's tests.
  var filter: String { "Lesson" + (lesson < 10 ? "0" : "") + "\(lesson)" }

  /// The command that runs this exercise's tests again.
  var rerunCommand: String { "swift test --disable-xctest --filter \(filter)" }

  /// The hint shown when a more specific one does not fit the failing case.
  var hint: String {
    switch self {
    case .sigmoid:
      return "σ(x) = 1/(1+e^(−x)) for x ≥ 0; for x < 0 use e^x/(1+e^x), which cannot overflow"
    case .sigmoidDerivative:
      return "σ′(x) = s·(1 − s) with s = try sigmoid(x)"
    case .relu:
      return "relu(x) = x if x > 0, else 0"
    case .reluDerivative:
      return "relu′(x) = 1 if x > 0, else 0 (also 0 at x = 0)"
    case .leakyReLU:
      return "leakyReLU(x) = x if x > 0, else alpha · x"
    case .leakyReLUDerivative:
      return "leakyReLU′(x) = 1 if x > 0, else alpha (also alpha at x = 0)"
    case .denseForward:
      return "Y[r][c] = bias[c] + Σₖ inputs[r][k] · weights[k][c]"
    case .denseBackward:
      return
        "each gradient has the shape of what it differentiates: dW like W, db like b, dX like X"
    case .softmax:
      return "softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m), m = the largest logit"
    case .crossEntropy:
      return "loss = −log(probabilities[label]), the natural logarithm"
    case .softmaxCrossEntropyGradient:
      return "dLogits[r] = (softmax(logits[r]) − onehot(labels[r])) / batch"
    case .glorotUniformLimit:
      return
        "Var(U(−l, l)) = l²/3 and Glorot's Var = 2/(fanIn + fanOut), so l = √(6/(fanIn + fanOut))"
    case .heUniformLimit:
      return "Var(U(−l, l)) = l²/3 and He's Var = 2/fanIn, so l = √(6/fanIn)"
    case .initialNetwork:
      return "per pair of sizes (fanIn, fanOut): l = glorotUniformLimit, W (fanIn × fanOut) drawn"
        + " row by row with generator.nextFloat(in: -l, l), b all 0"
    case .forward:
      return "per layer: Z = X·W + b, A = f(Z) for hidden layers, A = Z for the last; the next"
        + " layer's X is this layer's A"
    case .backward:
      return "dZ = dLogits for the last layer; per layer, last first: dW = Xᵀ·dZ, db = column sums"
        + " of dZ, dA = dZ·Wᵀ, then the layer before's dZ = dA ⊙ f′(its Z)"
    case .sgdStep:
      return "every weight and bias of every layer: w ← w − learningRate · g"
    case .adamStep:
      return "t + 1 once; α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); per number m, v, then w − α·m/(√v + ε)"
    case .miniBatches:
      return "Fisher–Yates from the end: for i in count−1 down to 1, swap order[i] and"
        + " order[generator.nextInt(below: i + 1)]; then cut into batches, the last one shorter"
    case .trainEpoch:
      return "miniBatches once; per batch: forward, loss and right answers (before the update),"
        + " dLogits, backward, adamStep; return the size-weighted means over the epoch"
    case .evaluate:
      return "one forward pass over every image: the mean cross-entropy and correct / count,"
        + " changing nothing"
    case .gradientNorms:
      return "‖dW‖ = √(Σ of every dW[k][c]², summed in Double), one per layer, first layer first"
    case .deadUnitFraction:
      return "a unit (column) is dead when z ≤ 0 in every example (row); return dead / units"
    case .ikjProduct:
      return "for i, for k, for j: c[i * columns + j] += a[i * inner + k] * b[k * columns + j]"
    }
  }
}
