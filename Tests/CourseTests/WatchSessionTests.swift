import Foundation
import Testing

@testable import course

/// A `CheckRunner` that answers from a script: each exercise's state, changed by the test
/// between events as a learner's save would change it. Records what it was asked.
final class ScriptedRunner: CheckRunner {
  var states: [String: ExerciseState] = [:]
  var compileError: CompilerDiagnostic?
  var asked: [[String]] = []
  var builds = 0

  func check(_ exercises: [CourseExercise], build: Bool) -> CheckReport {
    asked.append(exercises.map(\.functionName))
    if build { builds += 1 }
    if let compileError { return .compileErrors([compileError]) }
    return .checked(
      exercises.map { exercise in
        let state = states[exercise.functionName] ?? .notWrittenYet
        let message =
          switch state {
          case .done: ""
          case .notWrittenYet:
            "\(exercise.functionName): not written yet — open \(exercise.path)"
          default:
            "\(exercise.functionName) is not right yet — \(exercise.path)\n  case       f(1.0)\n"
              + "  yours      nan\n  expected   1.0"
          }
        return ExerciseResult(exercise: exercise, state: state, message: message)
      })
  }
}

/// Three exercises in two lessons, without reading the package.
let sampleCatalog = ExerciseCatalog(exercises: [
  CourseExercise(
    functionName: "sigmoid", path: "exercises/01-sigmoid/Sigmoid.swift",
    suite: "Lesson01SigmoidTests"),
  CourseExercise(
    functionName: "sigmoidDerivative", path: "exercises/01-sigmoid/SigmoidDerivative.swift",
    suite: "Lesson01SigmoidTests"),
  CourseExercise(
    functionName: "relu", path: "exercises/02-relu/ReLU.swift", suite: "Lesson02ReLUTests"),
])

@Suite("course watch: the state machine and what it prints")
struct WatchSessionTests {
  /// A session on the sample catalog with a scripted runner; its output collected.
  final class Harness {
    let runner = ScriptedRunner()
    var output = ""
    let folder: URL
    lazy var session = WatchSession(
      catalog: sampleCatalog, runner: runner, packageRoot: folder,
      hintStateFile: folder.appendingPathComponent(".build/course/hints.json"),
      isTerminal: isTerminal, write: { [unowned self] in self.output += $0 })
    let isTerminal: Bool

    init(isTerminal: Bool) throws {
      self.isTerminal = isTerminal
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("course-watch-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("exercises/01-sigmoid"),
        withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
  }

  @Test("in a pipe: one line per event, no escape codes, moving on when one passes")
  func pipe() throws {
    let harness = try Harness(isTerminal: false)
    harness.runner.states = ["sigmoid": .failing]
    harness.session.start()
    #expect(harness.session.current == 0)
    harness.runner.states["sigmoid"] = .done
    harness.session.filesSaved(["exercises/01-sigmoid/Sigmoid.swift"])
    #expect(harness.session.current == 1)
    harness.session.key("h")
    let lines = harness.output.split(separator: "\n")
    #expect(!harness.output.contains("\u{1B}"), "no escape codes in a pipe")
    #expect(
      lines.first?.hasPrefix(
        "check: sigmoid is not right yet — exercises/01-sigmoid/Sigmoid.swift | case f(1.0) | yours nan"
      ) == true)
    #expect(lines.contains("saved exercises/01-sigmoid/Sigmoid.swift"))
    #expect(lines.contains("done sigmoid — next: exercises/01-sigmoid/SigmoidDerivative.swift"))
    #expect(lines.contains { $0.hasPrefix("check: sigmoidDerivative: not written yet — open") })
    #expect(
      lines.contains("Exercises: 1 of 3 done — next: exercises/01-sigmoid/SigmoidDerivative.swift"))
    #expect(lines.last?.hasPrefix("hint: No hints for sigmoidDerivative yet") == true)
    // Start: all three; the save: the current one, then the rest after it passed.
    #expect(
      harness.runner.asked == [
        ["sigmoid", "sigmoidDerivative", "relu"], ["sigmoid"], ["sigmoidDerivative", "relu"],
      ])
    #expect(harness.runner.builds == 2, "the rest after a pass runs without building again")
  }

  @Test("on a terminal: each check clears the screen and shows the checker's message")
  func terminal() throws {
    let harness = try Harness(isTerminal: true)
    harness.runner.states = ["sigmoid": .done]
    harness.session.start()
    #expect(harness.output.hasPrefix("\u{1B}[2J\u{1B}[H"))
    #expect(harness.output.contains("course watch — sigmoidDerivative"))
    #expect(harness.output.contains("sigmoidDerivative: not written yet — open"))
    #expect(harness.output.contains("h next hint · q quit"))
  }

  @Test("a saved file of another exercise makes it the current one")
  func followsTheSavedFile() throws {
    let harness = try Harness(isTerminal: false)
    harness.session.start()
    harness.runner.states["relu"] = .failing
    harness.session.filesSaved(["exercises/02-relu/ReLU.swift"])
    #expect(harness.session.current == 2)
    #expect(harness.runner.asked.last == ["relu"])
  }

  @Test("a compile error shows the compiler's line and the reset command")
  func compileError() throws {
    let harness = try Harness(isTerminal: false)
    harness.runner.compileError = CompilerDiagnostic(
      path: "exercises/01-sigmoid/Sigmoid.swift", line: 14, column: 12,
      message: "cannot find 'ex' in scope", excerpt: [])
    harness.session.start()
    #expect(harness.output.hasPrefix("compile error: The package does not compile: |"))
    #expect(
      harness.output.contains(
        "exercises/01-sigmoid/Sigmoid.swift:14:12: error: cannot find 'ex' in scope"))
    #expect(harness.output.contains("swift run course reset 01-sigmoid"))
    #expect(harness.output.split(separator: "\n").count == 1)

    // Fixed: every exercise is checked, since none was before.
    harness.runner.compileError = nil
    harness.runner.states["sigmoid"] = .done
    harness.session.filesSaved(["exercises/01-sigmoid/Sigmoid.swift"])
    #expect(harness.runner.asked.last == ["sigmoid", "sigmoidDerivative", "relu"])
    #expect(harness.session.current == 1)
    #expect(
      harness.output.hasSuffix(
        "Exercises: 1 of 3 done — next: exercises/01-sigmoid/SigmoidDerivative.swift\n"))
  }
}
