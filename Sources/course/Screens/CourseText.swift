import LessonSupport

/// The texts the runner prints: the map of every exercise, the progress line, a check's
/// outcome, the way out of a compile error. Plain text; colour only through `style`, and
/// never colour alone (every state also has its word and mark).
struct CourseText {
  /// Colour on a terminal, plain text elsewhere.
  var style: TerminalStyle

  /// `Exercises: 3 of 15 done — next: exercises/02-relu/ReLU.swift`, the tests' own line.
  static func progressLine(_ results: [ExerciseResult]) -> String {
    let done = results.filter { $0.state == .done }.count
    guard let next = results.first(where: { $0.state != .done }) else {
      return "Exercises: \(done) of \(results.count) done — compare with the worked solutions"
        + " in exercises/*/Solution/"
    }
    return "Exercises: \(done) of \(results.count) done — next: \(next.exercise.path)"
  }

  /// Every exercise in order with its state, grouped by lesson, then where to go next.
  ///
  ///     01-sigmoid   Lessons/01-sigmoid.md
  ///       ✓ done              sigmoid               exercises/01-sigmoid/Sigmoid.swift
  ///       ✗ failing           sigmoidDerivative     exercises/01-sigmoid/SigmoidDerivative.swift
  func map(_ results: [ExerciseResult]) -> String {
    var lines: [String] = []
    var folder = ""
    let nameWidth = (results.map(\.exercise.functionName.count).max() ?? 0) + 2
    for result in results {
      let exercise = result.exercise
      if exercise.folder != folder {
        folder = exercise.folder
        lines.append(style.bold(exercise.folder) + "   " + style.dim(exercise.lessonPath))
      }
      let label = result.state.label.padding(toLength: 19, withPad: " ", startingAt: 0)
      let coloured =
        result.state == .done
        ? style.green(label) : result.state == .notWrittenYet ? label : style.red(label)
      lines.append(
        "  " + coloured
          + exercise.functionName.padding(
            toLength: nameWidth, withPad: " ", startingAt: 0) + exercise.path)
    }
    lines.append("")
    lines.append(Self.progressLine(results))
    if let next = results.first(where: { $0.state != .done }) {
      let exercise = next.exercise
      lines += [
        "  read   \(exercise.lessonPath)",
        "  open   \(exercise.path)  (\(exercise.functionName), where it says // TODO:)",
        "  check  " + style.cyan("swift run course watch")
          + "   (or \(exercise.testCommand(quoted: true)))",
        "  stuck  " + style.cyan("swift run course hint"),
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// One check's outcome: the checker's message, or `sigmoid: done`.
  func outcome(_ result: ExerciseResult) -> String {
    switch result.state {
    case .done:
      return style.green("✓ \(result.exercise.functionName): done") + " — \(result.exercise.path)"
    case .unknown:
      return style.red("? \(result.exercise.functionName): the checks did not report on it")
        + " — run \(result.exercise.testCommand(quoted: true)) to see why"
    default:
      return result.message
    }
  }

  /// The compiler's first error in the learner's files (or anywhere), and the way out.
  func compileErrors(_ errors: [CompilerDiagnostic], catalog: ExerciseCatalog) -> String {
    guard let first = errors.first else { return "" }
    var lines = [style.red("The package does not compile:"), first.text]
    if errors.count > 1 {
      lines.append(
        style.dim("(\(errors.count - 1) more error\(errors.count == 2 ? "" : "s") after this one)"))
    }
    lines.append("Every exercise builds into one module, so no check can run until this is fixed.")
    if first.isInExercises {
      let folder = first.path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
      lines.append(
        "Fix line \(first.line) of \(first.path), or start the file again (your version is kept"
          + " beside it): " + style.cyan("swift run course reset \(folder)"))
    }
    return lines.joined(separator: "\n")
  }
}

extension CourseExercise {
  /// `testCommand`, its filter in single quotes for a shell.
  func testCommand(quoted: Bool) -> String {
    quoted ? "swift test --disable-xctest --filter '\(testFilter)'" : testCommand
  }
}
