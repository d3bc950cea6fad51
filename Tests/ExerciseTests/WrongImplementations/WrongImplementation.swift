import Testing

/// A plausible wrong answer to an exercise, kept so the tests prove the checker rejects it.
struct WrongImplementation: Sendable, CustomTestStringConvertible {
  /// The exercise it answers.
  var exercise: Exercise
  /// The mistake, as a learner would make it: "unstable sigmoid e^x/(1+e^x)".
  var mistake: String
  /// Words the checker's hint must contain, when it recognises this mistake: "bias correction".
  var hint: String? = nil
  /// Runs the exercise's checker on the wrong implementation.
  var check: @Sendable () -> CheckOutcome

  var testDescription: String { "\(exercise.functionName): \(mistake)" }

  /// Every wrong implementation, lesson by lesson.
  static let all: [WrongImplementation] =
    lesson01 + lesson02 + lesson03 + lesson04 + lesson05 + lesson07 + lesson08
}
