/// One exercise as the course runner knows it: the function to write, its file, its lesson
/// and the test that checks it. Nothing here is typed by hand: `ExerciseCatalog` reads it
/// from the package's exercise tests.
///
///     sigmoid   exercises/01-sigmoid/Sigmoid.swift   Lesson01SigmoidTests/sigmoid()
struct CourseExercise: Equatable, Sendable {
  /// The function the learner writes, which is also the test's name: `sigmoid`.
  var functionName: String
  /// The learner's file, relative to the package: `exercises/01-sigmoid/Sigmoid.swift`.
  var path: String
  /// The test suite's type: `Lesson01SigmoidTests`.
  var suite: String

  /// The lesson number, from the folder: `1` for `exercises/01-sigmoid/`.
  var lesson: Int { Int(folder.prefix(2)) ?? 0 }

  /// The exercise folder: `01-sigmoid`.
  var folder: String {
    let parts = path.split(separator: "/")
    return parts.count >= 2 ? String(parts[1]) : ""
  }

  /// The file's name: `Sigmoid.swift`.
  var fileName: String { String(path.split(separator: "/").last ?? "") }

  /// The lesson to read: `Lessons/01-sigmoid.md`.
  var lessonPath: String { "Lessons/\(folder).md" }

  /// The worked solution: `exercises/01-sigmoid/Solution/Sigmoid.swift`.
  var solutionPath: String { "exercises/\(folder)/Solution/\(fileName)" }

  /// The folder's hints: `exercises/01-sigmoid/HINTS.md`.
  var hintsPath: String { "exercises/\(folder)/HINTS.md" }

  /// `Lesson01`: what `swift test --filter` needs for the whole lesson.
  var lessonFilter: String { String(suite.prefix(8)) }

  /// A regular expression selecting exactly this exercise's test (Swift Testing reads
  /// `--filter` as one): `Lesson01SigmoidTests/sigmoid\(\)`, which does not also select
  /// `sigmoidDerivative()`.
  var testFilter: String { "\(suite)/\(functionName)\\(\\)" }

  /// The command a learner can type to check this exercise without the runner.
  var testCommand: String { "swift test --disable-xctest --filter \(testFilter)" }

  /// The command that puts the folder's files back to their stubs.
  var resetCommand: String { "swift run course reset \(folder)" }
}
