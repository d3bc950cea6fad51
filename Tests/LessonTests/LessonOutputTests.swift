import Foundation
import TestSupport
import Testing

/// Each lesson's text shows its program's output under `--quick`; this test runs the
/// program and compares, so the lesson cannot drift from what a learner sees.
///
/// The block to compare follows a marker in the Markdown:
///
///     <!-- output: swift run lesson01-sigmoid --quick -->
///     ```text
///     …
///     ```
@Suite("Lesson programs")
struct LessonOutputTests {
  @Test("the lesson shows the program's --quick output", arguments: lessonPrograms.map(\.program))
  func outputMatchesLesson(_ program: String) throws {
    let lesson = lessonPrograms.first { $0.program == program }!.lesson
    let text = try packageFile(lesson)
    let marker = "<!-- output: swift run \(program) --quick -->"
    let shown = try #require(
      fencedBlock(after: marker, in: text), "\(lesson) has no block after \(marker)")
    let run = try BuiltProgram(named: program).run(["--quick"])
    #expect(run.status == 0, "\(program) --quick exited with \(run.status): \(run.errors)")
    expectSameLines(run.output, shown, what: "\(program) --quick", against: lesson)
  }

  @Test("output fits 80 columns", arguments: lessonPrograms.map(\.program))
  func fitsEightyColumns(_ program: String) throws {
    let run = try BuiltProgram(named: program).run(["--quick"])
    for line in run.output.split(separator: "\n") {
      #expect(line.count <= 80, "\(program): a line of \(line.count) characters: \(line)")
    }
    #expect(!run.output.contains("\u{1B}["), "\(program): colour escape codes in a pipe")
  }

  @Test(
    "--help explains and exits 0; a bad flag exits 2",
    arguments: lessonPrograms.map(\.program) + ["lesson08-fast-matmul"])
  func flags(_ program: String) throws {
    let help = try BuiltProgram(named: program).run(["--help"])
    #expect(help.status == 0)
    #expect(help.output.hasPrefix("usage: swift run \(program)"))
    for flag in ["--quick", "--no-color", "-h, --help"] {
      #expect(help.output.contains(flag), "\(program) --help lacks \(flag)")
    }
    for line in help.output.split(separator: "\n") {
      #expect(line.count <= 80, "\(program) --help: a line of \(line.count) characters: \(line)")
    }
    #expect(try BuiltProgram(named: program).run(["-h"]).output == help.output)
    let bad = try BuiltProgram(named: program).run(["--quik"])
    #expect(bad.status == 2)
    #expect(bad.errors.contains("unknown flag '--quik'"))
    #expect(bad.errors.contains("usage: swift run \(program)"))
    #expect(bad.output.isEmpty)
  }

  @Test(
    "the program ends by pointing at the exercise and the next lesson",
    arguments: lessonPrograms.map(\.program))
  func endsWithNextSteps(_ program: String) throws {
    let lines = try BuiltProgram(named: program).run(["--quick"]).output.split(separator: "\n")
    #expect(lines.suffix(4).contains { $0.contains("exercises/") })
    #expect(lines.suffix(4).contains { $0.contains("--filter Lesson") })
    #expect(lines.last?.hasPrefix("Next:") == true)
  }
}

/// The fenced block right after `marker`, without its fences.
func fencedBlock(after marker: String, in text: String) -> String? {
  guard let range = text.range(of: marker) else { return nil }
  let lines = text[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
    .dropFirst()  // the rest of the marker's line
  guard let open = lines.first, open.hasPrefix("```") else { return nil }
  let body = lines.dropFirst().prefix { !$0.hasPrefix("```") }
  return body.joined(separator: "\n") + "\n"
}

/// Expects equal text; on a difference, names the first differing line of each.
func expectSameLines(
  _ actual: String, _ expected: String, what: String, against file: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let index =
    Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 }
    ?? min(actualLines.count, expectedLines.count)
  let shown = index < expectedLines.count ? String(expectedLines[index]) : "(end of block)"
  let printed = index < actualLines.count ? String(actualLines[index]) : "(end of output)"
  Issue.record(
    """
    \(file) and \(what) differ at line \(index + 1):
      \(file) shows: \(shown)
      program prints: \(printed)
    Update the block in \(file) with the program's output (after checking the change is intended).
    """, sourceLocation: sourceLocation)
}
