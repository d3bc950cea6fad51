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
    }

    @Test(
      "a folder's HINTS.md has numbered hints for each of its functions, and the file points there",
      arguments: Exercise.allCases)
    func gradedHints(_ exercise: Exercise) throws {
      let hintsPath = "exercises/\(exercise.folder)/HINTS.md"
      guard
        let hints = try? String(
          contentsOf: packageRoot.appendingPathComponent(hintsPath), encoding: .utf8)
      else { return }  // not every folder has graded hints yet
      let lines = hints.components(separatedBy: "\n")
      #expect(lines.first == "# Hints — exercises/\(exercise.folder)", "\(hintsPath): its title")
      let section = try #require(
        lines.firstIndex(of: "## \(exercise.functionName)"),
        "\(hintsPath) has no section ## \(exercise.functionName)")
      let body = lines[(section + 1)...].prefix { !$0.hasPrefix("## ") }
      let numbers = body.compactMap { line in
        line.firstIndex(of: ".").flatMap { Int(line[..<$0]) }
      }
      #expect(numbers.count >= 2, "\(hintsPath): at least two hints for \(exercise.functionName)")
      #expect(numbers == Array(1...max(numbers.count, 1)), "\(hintsPath): hints numbered 1, 2, 3 …")
      let file = try String(
        contentsOf: packageRoot.appendingPathComponent(exercise.path), encoding: .utf8)
      #expect(
        file.contains("Stuck? \(hintsPath), one hint at a time."),
        "\(exercise.path) should point to \(hintsPath)")
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
      case .sigmoidDerivative:
        return SigmoidChecks.sigmoidDerivative(ExerciseStubs.sigmoidDerivative)
      case .relu: return ReLUChecks.relu(ExerciseStubs.relu)
      case .reluDerivative: return ReLUChecks.reluDerivative(ExerciseStubs.reluDerivative)
      case .leakyReLU: return ReLUChecks.leakyReLU(ExerciseStubs.leakyReLU)
      case .leakyReLUDerivative:
        return ReLUChecks.leakyReLUDerivative(ExerciseStubs.leakyReLUDerivative)
      case .denseForward: return DenseChecks.denseForward(ExerciseStubs.denseForward)
      case .denseBackward: return DenseChecks.denseBackward(ExerciseStubs.denseBackward)
      case .softmax: return SoftmaxChecks.softmax(ExerciseStubs.softmax)
      case .crossEntropy: return SoftmaxChecks.crossEntropy(ExerciseStubs.crossEntropy)
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
      case .ikjProduct: return IKJProductChecks.ikjProduct(ExerciseStubs.ikjProduct)
      }
    }
  }
#endif
