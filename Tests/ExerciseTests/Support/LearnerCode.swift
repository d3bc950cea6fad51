import Foundation
import Testing

@testable import Exercises

/// Runs the learner's functions through their checks: in a child process by default, so
/// a crash or an endless loop fails that one exercise and not the whole test run.
enum LearnerCode {
  /// How long one exercise's checks may run in the child before it is stopped (SIGALRM).
  /// The reference solutions take milliseconds.
  static let secondsAllowed: UInt32 = 10

  /// `EXERCISES_IN_PROCESS=1` runs the checks in the test process itself: a crash then
  /// shows its message and line (and ends the run).
  static var runsInProcess: Bool {
    !(ProcessInfo.processInfo.environment["EXERCISES_IN_PROCESS"] ?? "").isEmpty
  }

  /// Checks the learner's version of `exercise` in this process.
  static func checkInProcess(_ exercise: Exercise) -> CheckOutcome {
    switch exercise {
    case .sigmoid: return SigmoidChecks.sigmoid(Exercises.sigmoid)
    case .sigmoidSlopeFromOutput:
      return SigmoidChecks.sigmoidSlopeFromOutput(Exercises.sigmoidSlopeFromOutput)
    case .sigmoidDerivative: return SigmoidChecks.sigmoidDerivative(Exercises.sigmoidDerivative)
    case .relu: return ReLUChecks.relu(Exercises.relu)
    case .reluDerivative: return ReLUChecks.reluDerivative(Exercises.reluDerivative)
    case .leakyReLU: return ReLUChecks.leakyReLU(Exercises.leakyReLU)
    case .leakyReLUDerivative: return ReLUChecks.leakyReLUDerivative(Exercises.leakyReLUDerivative)
    case .denseForward: return DenseChecks.denseForward(Exercises.denseForward)
    case .denseBackward: return DenseChecks.denseBackward(Exercises.denseBackward)
    case .gradientCheckFails:
      return GradientCheckerChecks.gradientCheckFails(Exercises.gradientCheckFails)
    case .softmax: return SoftmaxChecks.softmax(Exercises.softmax)
    case .crossEntropy: return SoftmaxChecks.crossEntropy(Exercises.crossEntropy)
    case .lossGradientForLogit:
      return SoftmaxChecks.lossGradientForLogit(Exercises.lossGradientForLogit)
    case .softmaxCrossEntropyGradient:
      return SoftmaxChecks.softmaxCrossEntropyGradient(Exercises.softmaxCrossEntropyGradient)
    // Lesson 05: the learner's own network.
    case .glorotUniformLimit:
      return InitializationChecks.glorotUniformLimit(Exercises.glorotUniformLimit)
    case .heUniformLimit: return InitializationChecks.heUniformLimit(Exercises.heUniformLimit)
    case .initialNetwork: return InitializationChecks.initialNetwork(Exercises.initialNetwork)
    case .forward: return NetworkPassChecks.forward(Exercises.forward)
    case .backward: return NetworkPassChecks.backward(Exercises.backward)
    case .sgdStep: return OptimizerChecks.sgdStep(Exercises.sgdStep)
    case .adamStep: return OptimizerChecks.adamStep(Exercises.adamStep)
    case .miniBatches: return MiniBatchChecks.miniBatches(Exercises.miniBatches)
    case .trainEpoch: return TrainingLoopChecks.trainEpoch(Exercises.trainEpoch)
    case .evaluate: return TrainingLoopChecks.evaluate(Exercises.evaluate)
    case .gradientNorms: return GradientFlowChecks.gradientNorms(Exercises.gradientNorms)
    case .deadUnitFraction: return GradientFlowChecks.deadUnitFraction(Exercises.deadUnitFraction)
    case .growthIntervalWidth:
      return GradientFlowChecks.growthIntervalWidth(Exercises.growthIntervalWidth)
    case .ikjProduct: return IKJProductChecks.ikjProduct(Exercises.ikjProduct)
    }
  }

  /// Checks the learner's version of `exercise`, in a child process unless
  /// `EXERCISES_IN_PROCESS` is set. What the learner's code prints is passed through.
  static func check(_ exercise: Exercise) async -> CheckOutcome {
    if runsInProcess { return checkInProcess(exercise) }
    // One literal closure per exercise: an exit test's body may not capture values.
    let result: ExitTest.Result?
    switch exercise {
    case .sigmoid:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.sigmoid)
      }
    case .sigmoidSlopeFromOutput:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.sigmoidSlopeFromOutput)
      }
    case .sigmoidDerivative:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.sigmoidDerivative)
      }
    case .relu:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.relu)
      }
    case .reluDerivative:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.reluDerivative)
      }
    case .leakyReLU:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.leakyReLU)
      }
    case .leakyReLUDerivative:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.leakyReLUDerivative)
      }
    case .denseForward:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.denseForward)
      }
    case .denseBackward:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.denseBackward)
      }
    case .gradientCheckFails:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.gradientCheckFails)
      }
    case .softmax:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.softmax)
      }
    case .crossEntropy:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.crossEntropy)
      }
    case .lossGradientForLogit:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.lossGradientForLogit)
      }
    case .softmaxCrossEntropyGradient:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.softmaxCrossEntropyGradient)
      }
    case .glorotUniformLimit:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.glorotUniformLimit)
      }
    case .heUniformLimit:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.heUniformLimit)
      }
    case .initialNetwork:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.initialNetwork)
      }
    case .forward:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.forward)
      }
    case .backward:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.backward)
      }
    case .sgdStep:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.sgdStep)
      }
    case .adamStep:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.adamStep)
      }
    case .miniBatches:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.miniBatches)
      }
    case .trainEpoch:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.trainEpoch)
      }
    case .evaluate:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.evaluate)
      }
    case .gradientNorms:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.gradientNorms)
      }
    case .deadUnitFraction:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.deadUnitFraction)
      }
    case .growthIntervalWidth:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.growthIntervalWidth)
      }
    case .ikjProduct:
      result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
        LearnerCode.reportFromChild(.ikjProduct)
      }
    }
    guard let result else { return .crashed }
    return decode(result.standardOutputContent, exercise: exercise)
  }

  /// Marks the start of the outcome in the child's output, after anything the learner
  /// printed.
  static let outcomeMarker = "\u{1E}outcome:"

  /// The child's side: check, then print the outcome as JSON after the marker.
  static func reportFromChild(_ exercise: Exercise) {
    alarm(secondsAllowed)
    let outcome = checkInProcess(exercise)
    let json = String(decoding: try! JSONEncoder().encode(outcome), as: UTF8.self)
    print(outcomeMarker + json)
    fflush(nil)  // every stream: stdout is a C global Swift 6 will not touch
  }

  private static func decode(_ output: [UInt8], exercise: Exercise) -> CheckOutcome {
    let text = String(decoding: output, as: UTF8.self)
    guard let range = text.range(of: outcomeMarker, options: .backwards),
      let outcome = try? JSONDecoder().decode(
        CheckOutcome.self, from: Data(text[range.upperBound...].utf8))
    else { return .crashed }
    let printed = text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
    if printed.contains(where: { !$0.isEmpty }) {
      print("\(exercise.functionName) printed:")
      for line in printed.prefix(20) { print("│ \(line)") }
      if printed.count > 20 { print("│ … \(printed.count - 20) more lines") }
    }
    return outcome
  }
}

/// Fails the current test with the learner-facing message unless `exercise` passes.
func expectExercisePasses(_ exercise: Exercise, sourceLocation: SourceLocation = #_sourceLocation)
  async
{
  let outcome = await LearnerCode.check(exercise)
  if !outcome.passed {
    Issue.record(Comment(rawValue: outcome.message(for: exercise)), sourceLocation: sourceLocation)
  }
}

/// Prints "Exercises: 3 of 11 done — next: exercises/02-relu/ReLU.swift".
func reportProgress() async {
  var done = 0
  var next: Exercise?
  for exercise in Exercise.allCases {
    let outcome = await ProgressOutcomes.shared.outcome(of: exercise)
    if outcome.passed {
      done += 1
    } else if next == nil {
      next = exercise
    }
  }
  print(progressLine(done: done, next: next))
}

/// Each exercise's outcome for the progress line, checked once per test run: every
/// lesson's suite prints progress over all exercises, and a full run would otherwise start
/// a child process per exercise per suite (7 × 24), enough to approach the suites' time
/// limit on a busy machine. The learner's code cannot change during a run.
actor ProgressOutcomes {
  static let shared = ProgressOutcomes()
  private var checks: [Exercise: Task<CheckOutcome, Never>] = [:]

  /// The outcome of `exercise`, checked by the first progress test that asks (in that
  /// test's context, so a crash there is its known issue) and shared with the others.
  func outcome(of exercise: Exercise) async -> CheckOutcome {
    if let check = checks[exercise] { return await check.value }
    let check = Task {
      // A crash in another lesson's exercise is that exercise's test's failure, not this one's.
      var outcome = CheckOutcome.crashed
      await withKnownIssue(
        "\(exercise.path) crashed; its own test reports it", isIntermittent: true
      ) {
        outcome = await LearnerCode.check(exercise)
      }
      return outcome
    }
    checks[exercise] = check
    return await check.value
  }
}

/// The progress line itself.
func progressLine(done: Int, next: Exercise?) -> String {
  let total = Exercise.allCases.count
  guard let next else {
    return
      "Exercises: \(total) of \(total) done — compare with the worked solutions in exercises/*/Solution/"
  }
  return "Exercises: \(done) of \(total) done — next: \(next.path)"
}
