import Foundation
import LessonSupport

/// `course watch` without the terminal: what happens on start, on a save and on a key,
/// and what is printed. The loop (`WatchLoop`) feeds it events; tests feed it a script and
/// a fake `CheckRunner`.
///
/// On a terminal each check redraws the screen (cleared first):
///
///     course watch — sigmoid (exercises/01-sigmoid/Sigmoid.swift)
///
///     sigmoid is not right yet — exercises/01-sigmoid/Sigmoid.swift
///       case       sigmoid(89.0)
///       …
///     Exercises: 0 of 15 done — next: exercises/01-sigmoid/Sigmoid.swift
///     save to check again · h hint · q quit
///
/// In a pipe nothing is cleared and every event is one line, without escape codes:
///
///     check sigmoid: failing — sigmoid is not right yet — … | case sigmoid(89.0) | …
final class WatchSession {
  /// The exercises in order.
  let catalog: ExerciseCatalog
  /// What runs the checks.
  let runner: CheckRunner
  /// Where the package is (for hints).
  let packageRoot: URL
  /// Where hint levels are remembered.
  let hintStateFile: URL
  /// True on a terminal: clear and redraw; false: one line per event, no escape codes.
  let isTerminal: Bool
  /// Receives everything printed.
  let write: (String) -> Void
  private let text: CourseText

  /// The last state of every exercise (unknown until checked).
  private(set) var results: [ExerciseResult]
  /// The exercise being worked on: the first one not done.
  private(set) var current: Int = 0
  /// The last screen's body (a check's outcome or a compile error), kept to redraw it
  /// under a hint.
  private var body = ""

  init(
    catalog: ExerciseCatalog, runner: CheckRunner, packageRoot: URL, hintStateFile: URL,
    isTerminal: Bool, write: @escaping (String) -> Void
  ) {
    self.catalog = catalog
    self.runner = runner
    self.packageRoot = packageRoot
    self.hintStateFile = hintStateFile
    self.isTerminal = isTerminal
    self.write = write
    self.text = CourseText(style: TerminalStyle(usesColor: isTerminal))
    results = catalog.exercises.map { ExerciseResult(exercise: $0, state: .unknown, message: "") }
  }

  /// True once every exercise is done.
  var allDone: Bool { results.allSatisfy { $0.state == .done } }

  /// The first check: every exercise, to find where the learner is; then the current one's
  /// outcome.
  func start() {
    checkAll(from: 0)
  }

  /// Files under `exercises/` were saved: check again. A saved exercise file other than the
  /// current one's makes its exercise the current one.
  func filesSaved(_ paths: [String]) {
    if isTerminal == false { write("saved \(paths.joined(separator: ", "))\n") }
    let currentPath = current < results.count ? catalog.exercises[current].path : ""
    if !paths.contains(currentPath),
      let saved = catalog.exercises.firstIndex(where: { paths.contains($0.path) })
    {
      current = saved
    }
    checkCurrent()
  }

  /// A key typed: `h` shows the next hint; the caller handles `q`.
  func key(_ key: Character) {
    guard key == "h" || key == "H", current < results.count else { return }
    var progress = HintProgress.load(from: hintStateFile)
    let hint = HintLookup.nextHint(
      for: catalog.exercises[current], packageRoot: packageRoot, progress: &progress)
    try? progress.save(to: hintStateFile)
    if isTerminal {
      redraw(extra: hint)
    } else {
      write(oneLine("hint", hint))
    }
  }

  // MARK: - Checking

  /// Checks the current exercise; if it is done, checks the rest and moves on.
  private func checkCurrent() {
    // Nothing known yet (the first check met a compile error): find where the learner is.
    guard current < results.count, !results.contains(where: { $0.state == .unknown }) else {
      return checkAll(from: 0)
    }
    let exercise = catalog.exercises[current]
    switch runner.check([exercise]) {
    case .checked(let checked):
      guard let result = checked.first else { return }
      results[current] = result
      if result.state == .done {
        let finished = exercise
        checkAll(from: current + 1, after: finished)
      } else {
        show(result)
      }
    case .compileErrors(let errors): showCompileErrors(errors)
    case .couldNotRun(let problem): showProblem(problem)
    }
  }

  /// Checks every exercise from `start` on and makes the first one not done the current
  /// one (the first overall when all from `start` are done). `finished`: the exercise that
  /// just passed, announced first.
  private func checkAll(from start: Int, after finished: CourseExercise? = nil) {
    let rest = Array(catalog.exercises[min(start, results.count)...])
    var report = CheckReport.checked([])
    // After a pass the build is fresh: run the rest's checks without building again.
    if !rest.isEmpty { report = runner.check(rest, build: finished == nil) }
    switch report {
    case .checked(let checked):
      for result in checked {
        if let index = catalog.exercises.firstIndex(of: result.exercise) { results[index] = result }
      }
      current = results.firstIndex { $0.state != .done } ?? results.count
      var lines: [String] = []
      if let finished {
        let next = current < results.count ? results[current].exercise.path : "nothing: all done"
        lines.append(
          text.style.green("✓ \(finished.functionName): done") + " — next: \(next)")
      }
      if current < results.count {
        lines.append(text.outcome(results[current]))
      } else {
        lines.append(
          "Every exercise is done. Compare with the worked solutions in exercises/*/Solution/.")
      }
      body = lines.joined(separator: "\n\n")
      if isTerminal {
        redraw()
      } else {
        if let finished {
          let next = current < results.count ? results[current].exercise.path : "nothing: all done"
          write("done \(finished.functionName) — next: \(next)\n")
        }
        if current < results.count {
          write(oneLine("check", text.outcome(results[current])))
        }
        write(CourseText.progressLine(results) + "\n")
      }
    case .compileErrors(let errors): showCompileErrors(errors)
    case .couldNotRun(let problem): showProblem(problem)
    }
  }

  private func show(_ result: ExerciseResult) {
    body = text.outcome(result)
    if isTerminal {
      redraw()
    } else {
      write(oneLine("check", body))
      write(CourseText.progressLine(results) + "\n")
    }
  }

  private func showCompileErrors(_ errors: [CompilerDiagnostic]) {
    body = text.compileErrors(errors, catalog: catalog)
    if isTerminal {
      redraw()
    } else {
      write(oneLine("compile error", body))
    }
  }

  private func showProblem(_ problem: String) {
    body = problem
    if isTerminal { redraw() } else { write(oneLine("could not check", problem)) }
  }

  // MARK: - Printing

  /// Clears the terminal and draws the header, the last outcome, `extra` and the keys.
  private func redraw(extra: String? = nil) {
    let header: String
    if current < results.count {
      let exercise = catalog.exercises[current]
      header = text.style.bold("course watch — \(exercise.functionName)") + " (\(exercise.path))"
    } else {
      header = text.style.bold("course watch")
    }
    var screen = "\u{1B}[2J\u{1B}[H" + header + "\n\n" + body + "\n"
    if let extra { screen += "\n" + extra + "\n" }
    screen += "\n" + CourseText.progressLine(results) + "\n"
    screen +=
      text.style.dim("save a file under exercises/ to check again · h next hint · q quit") + "\n"
    write(screen)
  }

  /// `label: text` with every line of `text` joined by ` | ` and runs of spaces (the
  /// checker's aligned columns) made one: one line per event.
  private func oneLine(_ label: String, _ text: String) -> String {
    let lines = text.split(separator: "\n").map { line in
      line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }.filter { !$0.isEmpty }
    return "\(label): " + lines.joined(separator: " | ") + "\n"
  }
}
