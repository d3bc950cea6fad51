import ExerciseSupport
import Foundation
import NeuralKit
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

/// The cases of the gradient-checker exercise are what their names claim.
@Suite("Gradient-checker cases")
struct GradientCheckerCaseTests {
  @Test("each claimed gradient is right or broken as labelled, at the scale its name gives")
  func casesAreLabelledRight() {
    for c in GradientCheckerChecks.cases {
      let numerical = GradientCheck.numericalGradient(of: c.loss, at: c.parameters)
      let scale = numerical.map(abs).max() ?? 0
      let worst = zip(c.gradient, numerical).map { abs($0 - $1) }.max() ?? 0
      // Float rounding of a correct gradient stays below 1e-6 of the scale; every
      // mistake is above 1e-2 of it: a tolerance anywhere between separates them.
      if c.broken {
        #expect(worst > 1e-2 * scale, "\(c.name): \(worst) of \(scale)")
      } else {
        #expect(worst < 1e-6 * scale, "\(c.name): \(worst) of \(scale)")
      }
      if c.name.contains("±100") { #expect(scale > 1e3, "\(c.name): largest \(scale)") }
      if c.name.contains("1e-7") { #expect(scale < 1e-6, "\(c.name): largest \(scale)") }
    }
  }
}

/// The closed form behind `growthIntervalWidth` is what a search finds, and the numbers
/// lesson 07 quotes from it are right.
@Suite("Nielsen's growth interval")
struct GrowthIntervalTests {
  @Test("the closed form agrees with a scan over a at w = 8 and w = −20")
  func closedFormMatchesScan() {
    for w in [8.0, -20] {
      let step = 1e-5
      let inside = (-300_000..<300_000).filter { i in
        let s = 1 / (1 + exp(-w * Double(i) * step))
        return abs(w * s * (1 - s)) >= 1
      }
      #expect(
        abs(Double(inside.count) * step - GradientFlowChecks.exactGrowthWidth(w)) < 1e-4,
        "w = \(w)")
    }
  }

  @Test("the widest interval is about 0.448, at |w| ≈ 6.89")
  func widest() {
    let grid = (0..<160_000).map { 4 + Double($0) * 1e-4 }  // w in [4, 20)
    let best = grid.max {
      GradientFlowChecks.exactGrowthWidth($0) < GradientFlowChecks.exactGrowthWidth($1)
    }!
    #expect(abs(best - 6.894) < 1e-3)
    #expect(abs(GradientFlowChecks.exactGrowthWidth(best) - 0.4477) < 1e-4)
    #expect(abs(GradientFlowChecks.exactGrowthWidth(100) - 0.0917) < 1e-4)
  }
}
