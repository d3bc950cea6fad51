#if EXERCISE_SOLUTIONS
  import Foundation
  import Testing
  @testable import ExerciseStubs

  /// Built only with NEURALKIT_EXERCISES=solutions, where the shipped stubs compile as
  /// `ExerciseStubs`: each untouched stub must fail its own check with "not written yet",
  /// never crash and never pass, and each shipped file has what a learner needs. (Not run
  /// against a learner's edited files, which need not keep their TODO.)
  @Suite("Untouched stubs fail cleanly")
  struct StubTests {
    @Test("every stub says not written yet", arguments: Exercise.allCases)
    func stubSaysNotWrittenYet(_ exercise: Exercise) {
      let outcome = Self.checkStub(exercise)
      #expect(outcome == .notWrittenYet)
      #expect(outcome.message(for: exercise).contains("not written yet — open \(exercise.path)"))
    }

    @Test(
      "every exercise has a hint, a file with one TODO, and a worked solution",
      arguments: Exercise.allCases)
    func hintTodoAndSolution(_ exercise: Exercise) throws {
      #expect(!exercise.hint.isEmpty)
      let file = try String(
        contentsOf: packageRoot.appendingPathComponent(exercise.path), encoding: .utf8)
      // One `// TODO:` per function: a file may hold several (exercises/05-training).
      let functions = Exercise.allCases.filter { $0.path == exercise.path }.count
      #expect(
        file.components(separatedBy: "// TODO:").count == functions + 1,
        "\(exercise.path): one // TODO: per function")
      #expect(
        file.contains("func \(exercise.functionName)("), "\(exercise.path) declares the function")
      #expect(file.contains("Example"), "\(exercise.path): an example call")
      #expect(file.contains("What the test checks"), "\(exercise.path): the requirements")
      #expect(
        FileManager.default.fileExists(
          atPath: packageRoot.appendingPathComponent(exercise.solutionPath).path),
        "\(exercise.solutionPath) exists")
      #expect(
        file.contains("Stuck? \(exercise.hintsPath), one hint at a time."),
        "\(exercise.path) points to its hints")
    }

    @Test("every exercise has graded hints in its folder's HINTS.md", arguments: Exercise.allCases)
    func gradedHints(_ exercise: Exercise) throws {
      let text = try String(
        contentsOf: packageRoot.appendingPathComponent(exercise.hintsPath), encoding: .utf8)
      // The title line, then (after an optional note) one section per function.
      #expect(text.hasPrefix("# Hints — exercises/\(exercise.folder)\n"))
      // One section per function of the folder, in the order a learner meets them.
      let names = text.components(separatedBy: "\n## ").dropFirst().map {
        String($0.prefix { $0 != "\n" })
      }
      #expect(
        names == Exercise.allCases.filter { $0.folder == exercise.folder }.map(\.functionName))
      let sections = text.components(separatedBy: "\n## ").dropFirst()
      let section = try #require(
        sections.first { $0.hasPrefix("\(exercise.functionName)\n") },
        "\(exercise.hintsPath) has a section ## \(exercise.functionName)")
      let items = section.split(separator: "\n").filter { $0.first?.isNumber == true }
      #expect(items.count >= 2, "\(exercise.hintsPath): at least two graded hints")
      for (number, item) in items.enumerated() {
        #expect(item.hasPrefix("\(number + 1). "), "\(exercise.hintsPath): numbered 1., 2., …")
      }
    }

    @Test("the README's sample failure is what the checker prints")
    func readmeSampleIsReal() throws {
      let readme = try String(
        contentsOf: packageRoot.appendingPathComponent("exercises/README.md"), encoding: .utf8)
      let unstable = try #require(WrongImplementation.lesson01.first)
      let message = unstable.check().message(for: unstable.exercise)
      #expect(readme.contains(message), "exercises/README.md should show:\n\(message)")
    }

    static func checkStub(_ exercise: Exercise) -> CheckOutcome {
      switch exercise {
      case .sigmoid: return SigmoidChecks.sigmoid(ExerciseStubs.sigmoid)
      case .sigmoidSlopeFromOutput:
        return SigmoidChecks.sigmoidSlopeFromOutput(ExerciseStubs.sigmoidSlopeFromOutput)
      case .sigmoidDerivative:
        return SigmoidChecks.sigmoidDerivative(ExerciseStubs.sigmoidDerivative)
      case .relu: return ReLUChecks.relu(ExerciseStubs.relu)
      case .reluDerivative: return ReLUChecks.reluDerivative(ExerciseStubs.reluDerivative)
      case .leakyReLU: return ReLUChecks.leakyReLU(ExerciseStubs.leakyReLU)
      case .leakyReLUDerivative:
        return ReLUChecks.leakyReLUDerivative(ExerciseStubs.leakyReLUDerivative)
      case .denseForward: return DenseChecks.denseForward(ExerciseStubs.denseForward)
      case .denseBackward: return DenseChecks.denseBackward(ExerciseStubs.denseBackward)
      case .gradientCheckFails:
        return GradientCheckerChecks.gradientCheckFails(ExerciseStubs.gradientCheckFails)
      case .softmax: return SoftmaxChecks.softmax(ExerciseStubs.softmax)
      case .crossEntropy: return SoftmaxChecks.crossEntropy(ExerciseStubs.crossEntropy)
      case .lossGradientForLogit:
        return SoftmaxChecks.lossGradientForLogit(ExerciseStubs.lossGradientForLogit)
      case .softmaxCrossEntropyGradient:
        return SoftmaxChecks.softmaxCrossEntropyGradient(ExerciseStubs.softmaxCrossEntropyGradient)
      // Lesson 05: the learner's own network.
      case .glorotUniformLimit:
        return InitializationChecks.glorotUniformLimit(ExerciseStubs.glorotUniformLimit)
      case .heUniformLimit: return InitializationChecks.heUniformLimit(ExerciseStubs.heUniformLimit)
      case .initialNetwork: return InitializationChecks.initialNetwork(ExerciseStubs.initialNetwork)
      case .forward: return NetworkPassChecks.forward(ExerciseStubs.forward)
      case .backward: return NetworkPassChecks.backward(ExerciseStubs.backward)
      case .sgdStep: return OptimizerChecks.sgdStep(ExerciseStubs.sgdStep)
      case .adamStep: return OptimizerChecks.adamStep(ExerciseStubs.adamStep)
      case .miniBatches: return MiniBatchChecks.miniBatches(ExerciseStubs.miniBatches)
      case .trainEpoch: return TrainingLoopChecks.trainEpoch(ExerciseStubs.trainEpoch)
      case .evaluate: return TrainingLoopChecks.evaluate(ExerciseStubs.evaluate)
      case .gradientNorms: return GradientFlowChecks.gradientNorms(ExerciseStubs.gradientNorms)
      case .deadUnitFraction:
        return GradientFlowChecks.deadUnitFraction(ExerciseStubs.deadUnitFraction)
      case .growthIntervalWidth:
        return GradientFlowChecks.growthIntervalWidth(ExerciseStubs.growthIntervalWidth)
      case .ikjProduct: return IKJProductChecks.ikjProduct(ExerciseStubs.ikjProduct)
      }
    }
  }
#endif
