import Foundation

/// The next hint for an exercise, as the learner reads it, or why there is none.
///
///     hint 2 of 3 for sigmoid (exercises/01-sigmoid/HINTS.md)
///       For x < 0, multiply top and bottom by e^x.
///       Then nothing you compute exceeds 1.
///     Run `swift run course hint` again for the next one.
enum HintLookup {
  /// Shows the next hint for `exercise` and advances `progress`; the text to print.
  static func nextHint(
    for exercise: CourseExercise, packageRoot: URL, progress: inout HintProgress
  ) -> String {
    let url = packageRoot.appendingPathComponent(exercise.hintsPath)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      return "No hints for \(exercise.functionName) yet: \(exercise.hintsPath) does not exist.\n"
        + "The failure message's own hint line, and the file's comment, are there meanwhile."
    }
    let hints = HintsFile(parsing: text).sections[exercise.functionName] ?? []
    guard !hints.isEmpty else {
      return "No hints for \(exercise.functionName) yet: \(exercise.hintsPath) has no"
        + " section \"## \(exercise.functionName)\" with numbered hints."
    }
    let level = progress.nextLevel(for: exercise.functionName, available: hints.count)
    let body = hints[level - 1].split(separator: "\n", omittingEmptySubsequences: false)
      .map { "  \($0)" }.joined(separator: "\n")
    let after =
      level < hints.count
      ? "Run `swift run course hint` again for the next one (\(hints.count - level) left)."
      : "That was the last hint; the worked solution is \(exercise.solutionPath)."
    return "hint \(level) of \(hints.count) for \(exercise.functionName)"
      + " (\(exercise.hintsPath))\n\(body)\n\(after)"
  }
}
