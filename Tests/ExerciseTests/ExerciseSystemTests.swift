import ExerciseSupport
import Foundation
import Testing

/// The exercise system itself (not a learner's exercise; its name starts with no
/// "Lesson", so `--filter Lesson01` leaves it out).
@Suite("The exercise system")
struct ExerciseSystemTests {
  @Test(
    "every wrong implementation is rejected with a counter-example",
    arguments: WrongImplementation.all)
  func wrongImplementationIsRejected(_ wrong: WrongImplementation) {
    let outcome = wrong.check()
    guard case .failed(let failure) = outcome else {
      Issue.record("the checker accepted a wrong \(wrong.exercise.functionName): \(wrong.mistake)")
      return
    }
    #expect(!failure.hint.isEmpty)
    if let hint = wrong.hint {
      #expect(
        failure.hint.contains(hint), "the hint should name the mistake (\(hint)): \(failure.hint)")
    }
    let message = outcome.message(for: wrong.exercise)
    for part in ["case", "yours", "expected", "tolerance", "hint", "run again  swift test"] {
      #expect(message.contains(part), "the failure message lacks \(part): \(message)")
    }
  }

  @Test(
    "lesson 05: the plain-loop versions with no mistake pass (the tolerances admit other right code)",
    arguments: WrongImplementation.lesson05Right)
  func rightPlainVersionPasses(_ right: WrongImplementation) {
    let outcome = right.check()
    #expect(outcome.passed, "\(outcome.message(for: right.exercise))")
  }

  @Test("lesson 05: the replayed epoch behind m and v trains the network Trainer trains")
  func replayAgreesWithTrainer() {
    for c in TrainingLoopChecks.epochCases {
      let replay = TrainingLoopChecks.replay(c)
      let trainer = TrainingLoopChecks.reference(c)
      #expect(replay.network == trainer.network, "\(c.name)")
      #expect(replay.batches.count == (c.images.count + c.batchSize - 1) / c.batchSize)
    }
  }

  @Test("every exercise has at least two wrong implementations", arguments: Exercise.allCases)
  func twoWrongImplementations(_ exercise: Exercise) {
    #expect(WrongImplementation.all.filter { $0.exercise == exercise }.count >= 2)
  }

  @Test("a written function that calls another exercise's stub names that stub and its file")
  func callsAStub() {
    let outcome = NetworkPassChecks.forward { _, _ in
      throw NotWrittenYet(function: "denseForward(inputs:weights:bias:)")
    }
    guard case .failed(let failure) = outcome else {
      Issue.record("expected a failure naming denseForward, got \(outcome)")
      return
    }
    #expect(failure.hint.contains("forward calls denseForward, which is not written yet"))
    #expect(failure.hint.contains("exercises/03-backprop/DenseForward.swift"))
  }

  @Test("the progress line names the next file")
  func progressLineNamesNextFile() {
    #expect(
      progressLine(done: 1, next: .sigmoidDerivative)
        == "Exercises: 1 of \(Exercise.allCases.count) done — next: exercises/01-sigmoid/SigmoidDerivative.swift"
    )
  }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
