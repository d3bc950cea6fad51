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
///
/// A lesson whose quick run ends in parts too short to mean anything quotes only its
/// first part: the output up to (not including) the first line that starts with the
/// quoted text, trailing blank lines dropped. The line must exist, and every line before
/// it must match.
///
///     <!-- output: swift run lesson07-gradient-flow --quick, up to "2. Training" -->
@Suite("Lesson programs")
struct LessonOutputTests {
  @Test("the lesson shows the program's --quick output", arguments: lessonPrograms.map(\.program))
  func outputMatchesLesson(_ program: String) throws {
    let lesson = lessonPrograms.first { $0.program == program }!.lesson
    let text = try packageFile(lesson)
    let (marker, upTo) = try #require(
      outputMarker(for: program, in: text),
      "\(lesson) has no <!-- output: swift run \(program) --quick … --> marker")
    let shown = try #require(
      fencedBlock(after: marker, in: text), "\(lesson) has no block after \(marker)")
    let run = try BuiltProgram(named: program).run(["--quick"])
    #expect(run.status == 0, "\(program) --quick exited with \(run.status): \(run.errors)")
    var output = run.output
    if let upTo {
      output = try #require(
        firstPart(of: run.output, upTo: upTo),
        "\(program) --quick prints no line starting with \"\(upTo)\"")
    }
    expectSameLines(output, shown, what: "\(program) --quick", against: lesson)
  }

  @Test("a partial quote ends before its line, trailing blank lines dropped")
  func partialQuote() {
    let output = "a\nb\n\n2. Training\nc\n"
    #expect(firstPart(of: output, upTo: "2. Training") == "a\nb\n")
    #expect(firstPart(of: output, upTo: "3. Missing") == nil)
    let text = "x\n<!-- output: swift run p --quick, up to \"2. T\" -->\n```text\na\n```\n"
    #expect(outputMarker(for: "p", in: text)?.upTo == "2. T")
    #expect(outputMarker(for: "p", in: "<!-- output: swift run p --quick -->")?.upTo == nil)
    #expect(outputMarker(for: "q", in: text) == nil)
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

/// The `--quick` output marker of `program` in `text`: the whole marker, and the line
/// prefix the quote stops at when it quotes only the first part (nil: the whole output).
func outputMarker(for program: String, in text: String) -> (marker: String, upTo: String?)? {
  let whole = "<!-- output: swift run \(program) --quick -->"
  if text.contains(whole) { return (whole, nil) }
  let start = "<!-- output: swift run \(program) --quick, up to \""
  guard let range = text.range(of: start),
    let close = text[range.upperBound...].range(of: "\" -->")
  else { return nil }
  let upTo = String(text[range.upperBound..<close.lowerBound])
  return (start + upTo + "\" -->", upTo)
}

/// The lines of `output` before the first line starting with `upTo`, trailing blank lines
/// dropped, each ending in a newline; nil when no line starts with `upTo`.
func firstPart(of output: String, upTo: String) -> String? {
  let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
  guard let end = lines.firstIndex(where: { $0.hasPrefix(upTo) }) else { return nil }
  var kept = Array(lines[..<end])
  while kept.last?.isEmpty == true { kept.removeLast() }
  return kept.map { $0 + "\n" }.joined()
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
