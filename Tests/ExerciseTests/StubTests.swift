#if EXERCISE_SOLUTIONS
  import Testing
  @testable import ExerciseStubs

  /// Built only with NEURALKIT_EXERCISES=solutions, where the shipped stubs compile as
  /// `ExerciseStubs`: each untouched stub must fail its own check with "not written yet",
  /// never crash and never pass.
  @Suite("Untouched stubs fail cleanly")
  struct StubTests {
    @Test("every stub says not written yet", arguments: Exercise.allCases)
    func stubSaysNotWrittenYet(_ exercise: Exercise) {
      let outcome = Self.checkStub(exercise)
      #expect(outcome == .notWrittenYet)
      #expect(outcome.message(for: exercise).contains("not written yet — open \(exercise.path)"))
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
      }
    }
  }
#endif
