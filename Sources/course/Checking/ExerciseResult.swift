/// Where one exercise stands after its checks ran.
enum ExerciseState: String, Equatable, Sendable {
  /// Every case agreed with NeuralKit.
  case done
  /// The untouched stub: it still throws `NotWrittenYet`.
  case notWrittenYet = "not written yet"
  /// A case disagreed, or the function threw.
  case failing
  /// The function crashed or did not finish in its child process.
  case crashed
  /// The checks did not report on it (the test binary died or never ran it).
  case unknown = "not checked"

  /// The word the map shows, with a mark that does not rely on colour.
  var label: String {
    switch self {
    case .done: return "✓ done"
    case .notWrittenYet: return "· not written yet"
    case .failing: return "✗ failing"
    case .crashed: return "✗ crashed"
    case .unknown: return "? not checked"
    }
  }
}

/// One exercise's state and the checker's message, as the tests print it: the case, yours,
/// expected, tolerance, hint, file.
struct ExerciseResult: Equatable, Sendable {
  var exercise: CourseExercise
  var state: ExerciseState
  /// The checker's message (empty when done).
  var message: String
}

/// What one run of the checks gave: a result per exercise asked for, or the build's
/// errors when the package does not compile.
enum CheckReport: Equatable, Sendable {
  /// The checks ran; one result per exercise, in the order asked.
  case checked([ExerciseResult])
  /// The package did not compile: its errors, the learner's files first.
  case compileErrors([CompilerDiagnostic])
  /// Something else went wrong (the build failed without a compiler error, the test
  /// binary is missing): what to tell the learner.
  case couldNotRun(String)
}

/// What runs the checks: the real one builds and runs the exercise tests
/// (`SwiftTestRunner`); tests give the watch loop a scripted one.
protocol CheckRunner {
  /// Checks `exercises`, building first unless `build` is false (the build is known to be
  /// fresh: another check just made it).
  func check(_ exercises: [CourseExercise], build: Bool) -> CheckReport
}

extension CheckRunner {
  /// Builds, then checks `exercises`.
  func check(_ exercises: [CourseExercise]) -> CheckReport { check(exercises, build: true) }
}
