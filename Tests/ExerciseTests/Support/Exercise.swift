/// Every exercise, in the order a learner meets them: the function to write, its file,
/// its lesson and the hint shown when no more specific one fits.
///
/// Adding an exercise (later lessons reuse all of this):
///   1. `exercises/NN-name/File.swift`: doc comment (the task and the maths it needs, not
///      the code; the exact signature; one example with its result; "What the test
///      checks"; "Stuck? exercises/NN-name/HINTS.md, one hint at a time."), one
///      `// TODO:` that says where to type, never what, and a body `throw NotWrittenYet()`;
///      the worked solution in `exercises/NN-name/Solution/`; a section `## functionName`
///      in `exercises/NN-name/HINTS.md`, graded from a nudge to nearly the answer.
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
  case sigmoid, sigmoidSlopeFromOutput, sigmoidDerivative
  case relu, reluDerivative, leakyReLU, leakyReLUDerivative
  case denseForward, denseBackward, gradientCheckFails
  case softmax, crossEntropy, lossGradientForLogit, softmaxCrossEntropyGradient
  // Lesson 05: the learner's own network, in the order the lesson builds it.
  case glorotUniformLimit, heUniformLimit, initialNetwork
  case forward, backward
  case sgdStep, adamStep
  case miniBatches
  case trainEpoch, evaluate
  case gradientNorms, deadUnitFraction, growthIntervalWidth
  case ikjProduct

  /// The lesson number: `1` for `exercises/01-sigmoid/`.
  var lesson: Int {
    switch self {
    case .sigmoid, .sigmoidSlopeFromOutput, .sigmoidDerivative: return 1
    case .relu, .reluDerivative, .leakyReLU, .leakyReLUDerivative: return 2
    case .denseForward, .denseBackward, .gradientCheckFails: return 3
    case .softmax, .crossEntropy, .lossGradientForLogit, .softmaxCrossEntropyGradient:
      return 4
    case .glorotUniformLimit, .heUniformLimit, .initialNetwork, .forward, .backward, .sgdStep,
      .adamStep, .miniBatches, .trainEpoch, .evaluate:
      return 5
    case .gradientNorms, .deadUnitFraction, .growthIntervalWidth: return 7
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
    case .sigmoidSlopeFromOutput: return "SigmoidSlopeFromOutput.swift"
    case .sigmoidDerivative: return "SigmoidDerivative.swift"
    case .relu: return "ReLU.swift"
    case .reluDerivative: return "ReLUDerivative.swift"
    case .leakyReLU: return "LeakyReLU.swift"
    case .leakyReLUDerivative: return "LeakyReLUDerivative.swift"
    case .denseForward: return "DenseForward.swift"
    case .denseBackward: return "DenseBackward.swift"
    case .gradientCheckFails: return "GradientChecker.swift"
    case .softmax: return "Softmax.swift"
    case .crossEntropy: return "CrossEntropy.swift"
    case .lossGradientForLogit: return "LossGradientForLogit.swift"
    case .softmaxCrossEntropyGradient: return "SoftmaxCrossEntropyGradient.swift"
    case .glorotUniformLimit, .heUniformLimit, .initialNetwork: return "WeightInitialization.swift"
    case .forward: return "NetworkForward.swift"
    case .backward: return "NetworkBackward.swift"
    case .sgdStep, .adamStep: return "OptimizerSteps.swift"
    case .miniBatches: return "MiniBatches.swift"
    case .trainEpoch, .evaluate: return "TrainingLoop.swift"
    case .gradientNorms: return "GradientNorms.swift"
    case .deadUnitFraction: return "DeadUnits.swift"
    case .growthIntervalWidth: return "GrowthInterval.swift"
    case .ikjProduct: return "IKJProduct.swift"
    }
  }

  /// `exercises/01-sigmoid/Sigmoid.swift`, relative to the package.
  var path: String { "exercises/\(folder)/\(fileName)" }

  /// The worked solution, `exercises/01-sigmoid/Solution/Sigmoid.swift`.
  var solutionPath: String { "exercises/\(folder)/Solution/\(fileName)" }

  /// The graded hints beside the exercise, `exercises/01-sigmoid/HINTS.md`: one section
  /// `## functionName` per function, a numbered list from a nudge to nearly the answer.
  var hintsPath: String { "exercises/\(folder)/HINTS.md" }

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
      return "compute e only to powers ≤ 0: e^(−x) for x ≥ 0, and a rewritten form for x < 0"
    case .sigmoidSlopeFromOutput:
      return "with E = e^(−z): σ = 1/(1 + E); what is E/(1 + E) in terms of σ?"
    case .sigmoidDerivative:
      return
        "the slope at x is the slope written with s, taken at s = σ(x): reuse your two functions"
    case .relu:
      return "relu(x) = max(0, x); the test compares exactly, also at 0 and −0.0"
    case .reluDerivative:
      return "the slope of each piece of max(0, x); at x = 0 take the left piece's slope"
    case .leakyReLU:
      return "like ReLU, but the negative side has slope alpha (use the alpha given)"
    case .leakyReLUDerivative:
      return "the slope of each piece; at x = 0 take the left piece's slope, alpha"
    case .denseForward:
      return "Y[r][c] = bias[c] + Σₖ inputs[r][k] · weights[k][c]"
    case .denseBackward:
      return
        "each gradient has the shape of what it differentiates: dW like W, db like b, dX like X"
    case .gradientCheckFails:
      return "compare with a tolerance relative to the gradient's size: Float rounding is"
        + " ~1e-7 of the largest entry, a wrong formula 10% or more"
    case .softmax:
      return "subtract the largest logit before exponentiating; then divide by the sum"
    case .crossEntropy:
      return "loss = −log(probabilities[label]), the natural logarithm"
    case .lossGradientForLogit:
      return "L = −z[y] + log Σⱼ e^(zⱼ): differentiate each of the two terms by z[index]"
    case .softmaxCrossEntropyGradient:
      return "each row is your lossGradientForLogit for every index; the mean adds a 1/batch"
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
      return "a unit is a column of Z; it is dead when no example (row) makes it positive"
    case .growthIntervalWidth:
      return "|w·σ′| ≥ 1 ⇔ s·(1 − s) ≥ 1/|w|: solve for s, turn s into z, z into a"
    case .ikjProduct:
      return "C[i][j] collects inner products A[i][k]·B[k][j]; only the loop order changes"
    }
  }
}
