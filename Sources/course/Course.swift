import Foundation
import LessonSupport

/// `swift run course`: where the learner is, and the loop around the exercises.
///
///     swift run course                 the map: every exercise, its state, what to do next
///     swift run course watch           check the current exercise on every save
///     swift run course hint [NAME]     the next hint, one level more each time
///     swift run course verify          every exercise; exit status 0 only if all pass
///     swift run course reset NN-name   the folder's files back to their stubs (kept aside)
///
/// The checks are the exercise tests themselves, built and run as `swift test` does
/// (`SwiftTestRunner`); the exercises and their order come from those tests
/// (`ExerciseCatalog`).
@main
enum Course {
  /// The settings every subcommand reads; each declares only the flags it takes.
  struct Settings: Sendable {
    var plain = false
    var yes = false
  }

  /// The subcommands, as typed.
  enum Command: String, CaseIterable {
    case map, watch, hint, verify, reset
  }

  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var command = Command.map
    if let first = arguments.first, !first.hasPrefix("-") {
      guard let named = Command(rawValue: first) else {
        let known = Command.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(
          Data("course: unknown command '\(first)' (the commands: \(known))\n".utf8))
        exit(2)
      }
      command = named
      arguments.removeFirst()
    }
    // hint and reset name an exercise (or a folder) before their flags.
    var operand: String?
    if command == .hint || command == .reset, let first = arguments.first, !first.hasPrefix("-") {
      operand = first
      arguments.removeFirst()
    }
    let settings = parser(for: command).parseOrExit(arguments)
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path)
    else {
      fail("run it in the course's folder, the one with Package.swift (swift run course)")
    }
    let catalog: ExerciseCatalog
    do {
      catalog = try ExerciseCatalog.read(packageRoot: root)
    } catch {
      fail("could not read the exercise tests in Tests/ExerciseTests/: \(error)")
    }
    guard !catalog.exercises.isEmpty else {
      fail("found no exercise tests in Tests/ExerciseTests/")
    }
    let style = TerminalStyle.standardOutput(plain: settings.plain)
    let runner = SwiftTestRunner(
      packageRoot: root,
      status: { message in
        // On a terminal only: a line that the next status, or the result, overwrites.
        if style.usesColor { TerminalMode.writeOut("\r\u{1B}[2K" + style.dim(message)) }
      })
    switch command {
    case .map:
      exit(showMap(catalog: catalog, runner: runner, style: style))
    case .verify:
      exit(verify(catalog: catalog, runner: runner, style: style))
    case .watch:
      let interactive = TerminalMode.isInteractive && !settings.plain
      let session = WatchSession(
        catalog: catalog, runner: runner, packageRoot: root,
        hintStateFile: HintProgress.defaultLocation(packageRoot: root), isTerminal: interactive,
        write: { text in TerminalMode.writeOut(text) })
      exit(WatchLoop.run(session: session, packageRoot: root, interactive: interactive))
    case .hint:
      exit(hint(operand, catalog: catalog, runner: runner, root: root))
    case .reset:
      exit(reset(operand, yes: settings.yes, catalog: catalog, root: root))
    }
  }

  // MARK: - Commands

  /// Checks every exercise and prints the map.
  static func showMap(catalog: ExerciseCatalog, runner: CheckRunner, style: TerminalStyle)
    -> Int32
  {
    let text = CourseText(style: style)
    let report = runner.check(catalog.exercises)
    if style.usesColor { TerminalMode.writeOut("\r\u{1B}[2K") }  // the status line
    switch report {
    case .checked(let results):
      print(text.map(results))
      return 0
    case .compileErrors(let errors):
      print(text.compileErrors(errors, catalog: catalog))
      return 1
    case .couldNotRun(let problem):
      print(problem)
      return 1
    }
  }

  /// Checks every exercise, prints each outcome and a summary; 0 only if all pass.
  static func verify(catalog: ExerciseCatalog, runner: CheckRunner, style: TerminalStyle) -> Int32 {
    let text = CourseText(style: style)
    let report = runner.check(catalog.exercises)
    if style.usesColor { TerminalMode.writeOut("\r\u{1B}[2K") }  // the status line
    switch report {
    case .checked(let results):
      for result in results {
        let mark = result.state == .done ? style.green("ok  ") : style.red("FAIL")
        print(
          "\(mark)  \(result.exercise.functionName.padding(toLength: 30, withPad: " ", startingAt: 0))\(result.exercise.path)"
        )
        if result.state != .done {
          print(
            text.outcome(result).split(separator: "\n").map { "      \($0)" }.joined(
              separator: "\n"))
        }
      }
      let done = results.filter { $0.state == .done }.count
      print("")
      print("verify: \(done) of \(results.count) exercises pass")
      return done == results.count ? 0 : 1
    case .compileErrors(let errors):
      print(text.compileErrors(errors, catalog: catalog))
      print("verify: the package does not compile")
      return 1
    case .couldNotRun(let problem):
      print(problem)
      return 1
    }
  }

  /// The next hint for the named exercise, or the current one (the first not done).
  static func hint(_ name: String?, catalog: ExerciseCatalog, runner: CheckRunner, root: URL)
    -> Int32
  {
    let exercise: CourseExercise
    if let name {
      guard let named = catalog.exercise(named: name) else {
        let names = catalog.exercises.map(\.functionName).joined(separator: ", ")
        fail("no exercise called '\(name)' (the exercises: \(names))")
      }
      exercise = named
    } else {
      guard case .checked(let results) = runner.check(catalog.exercises) else {
        fail(
          "the package does not compile, so the current exercise is unknown: name one,"
            + " swift run course hint sigmoid (or run swift run course to see the error)")
      }
      guard let first = results.first(where: { $0.state != .done }) else {
        print("Every exercise is done: no hint needed.")
        return 0
      }
      exercise = first.exercise
    }
    let stateFile = HintProgress.defaultLocation(packageRoot: root)
    var progress = HintProgress.load(from: stateFile)
    print(HintLookup.nextHint(for: exercise, packageRoot: root, progress: &progress))
    do {
      try progress.save(to: stateFile)
    } catch {
      print("(could not remember this hint in \(stateFile.path): \(error))")
    }
    return 0
  }

  /// Puts a folder's files back to their stubs after asking; the learner's are kept.
  static func reset(_ name: String?, yes: Bool, catalog: ExerciseCatalog, root: URL) -> Int32 {
    guard let name else {
      fail(
        "name the folder to reset: swift run course reset 01-sigmoid"
          + " (the folders: \(catalog.folders.joined(separator: ", ")))")
    }
    guard let folder = catalog.exercise(named: name)?.folder else {
      fail("no exercise folder '\(name)' (the folders: \(catalog.folders.joined(separator: ", ")))")
    }
    let reset = ExerciseReset(packageRoot: root, folder: folder)
    let changes: [ExerciseReset.Change]
    do {
      changes = try reset.changes(from: try reset.stubRevision())
    } catch {
      fail(error.description)
    }
    guard !changes.isEmpty else {
      print("exercises/\(folder)/ is already as shipped: nothing to reset.")
      return 0
    }
    print("This puts back the stubs of:")
    for change in changes { print("  \(change.path)") }
    print("Your versions are kept beside them, as ….swift.bak-YYYYMMDD-HHMM.")
    if !yes {
      guard isatty(STDIN_FILENO) == 1 else {
        fail("not resetting without a terminal to ask on: add --yes to reset anyway")
      }
      print("Reset them? [y/N] ", terminator: "")
      fflush(nil)
      let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
      guard answer == "y" || answer == "yes" else {
        print("Nothing changed.")
        return 1
      }
    }
    do {
      for (path, backup) in try reset.apply(changes) {
        print(backup.map { "reset \(path) (yours: \($0))" } ?? "restored \(path)")
      }
    } catch {
      fail("could not reset: \(error)")
    }
    return 0
  }

  // MARK: - Command line

  /// Each command's declaration on the shared parser: its summary and flags.
  static func parser(for command: Command) -> CommandLineParser<Settings> {
    let plain = Flag<Settings>.noColor(\.plain)
    switch command {
    case .map:
      return CommandLineParser(
        program: "course",
        summary: """
          The map of the course: every exercise in order with its state (done, failing, \
          not written yet), your progress, the lesson to read and the file to open next.

          Commands: swift run course watch (check the current exercise on every save), \
          swift run course hint [NAME] (the next hint), swift run course verify (every \
          exercise; exit status 0 only if all pass), swift run course reset NN-name (a \
          folder's files back to their stubs; yours are kept beside them). Each takes --help.
          """, defaults: Settings(), flags: [plain])
    case .watch:
      return CommandLineParser(
        program: "course watch",
        summary: """
          Checks the current exercise, then again each time a file under exercises/ is \
          saved, and moves on to the next exercise when it passes. Keys: h the next hint, \
          q (or Ctrl-C) quit. Without a terminal it prints one line per event.
          """, defaults: Settings(), flags: [plain])
    case .hint:
      return CommandLineParser(
        program: "course hint",
        summary: """
          The next hint for the current exercise, or the one named (swift run course hint \
          sigmoid): one level more each time, remembered in .build/course/hints.json. \
          Hints are in exercises/NN-name/HINTS.md.
          """, defaults: Settings(), flags: [])
    case .verify:
      return CommandLineParser(
        program: "course verify",
        summary: """
          Checks every exercise in order and prints a summary; exit status 0 only when all \
          pass. With NEURALKIT_EXERCISES=solutions it checks the worked solutions (CI does).
          """, defaults: Settings(), flags: [plain])
    case .reset:
      return CommandLineParser(
        program: "course reset",
        summary: """
          swift run course reset NN-name puts the folder's exercise files back as shipped \
          (from git: origin/HEAD, else HEAD), after asking. Your version of each file is \
          kept beside it, as Sigmoid.swift.bak-YYYYMMDD-HHMM.
          """, defaults: Settings(),
        flags: [.switch("yes", help: "do not ask (needed without a terminal)", sets: \.yes)])
    }
  }

  /// Prints `course: message` to standard error and exits 1.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("course: \(message)\n".utf8))
    exit(1)
  }
}
