import LessonSupport
import MNISTData
import NeuralKit
import Testing

/// The flags every lesson program reads, and when colour is used.
@Suite("Lesson flags and colour")
struct LessonArgumentsTests {
  @Test("flags are read; --seed=N and --seed N agree")
  func readsFlags() throws {
    let parsed = try LessonArguments.parse(
      ["--quick", "--seed", "7", "--no-color"], defaultSeed: 1)
    #expect(parsed.quick && parsed.plain && !parsed.help && parsed.seed == 7)
    #expect(try LessonArguments.parse(["--seed=7"], defaultSeed: 1).seed == 7)
    #expect(try LessonArguments.parse([], defaultSeed: 3).seed == 3)
  }

  @Test(
    "bad flags are refused with a message naming them",
    arguments: [
      (["--quik"], "unknown flag '--quik'"),
      (["--seed"], "--seed needs a whole number"),
      (["--seed", "-1"], "--seed needs a whole number"),
      (["--seed=x"], "--seed needs a whole number"),
      (["quick"], "unknown flag 'quick'"),
    ])
  func refusesBadFlags(_ arguments: [String], _ message: String) {
    #expect {
      try LessonArguments.parse(arguments, defaultSeed: 1)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("a lesson without randomness has no --seed")
  func noSeedWithoutRandomness() {
    #expect(throws: LessonArguments.Problem.self) {
      try LessonArguments.parse(["--seed", "2"], defaultSeed: nil)
    }
  }

  @Test("colour only on a terminal, never with NO_COLOR or --no-color")
  func colourRules() {
    #expect(!TerminalStyle.standardOutput(environment: ["NO_COLOR": "1"]).usesColor)
    #expect(!TerminalStyle.standardOutput(plain: true, environment: [:]).usesColor)
    #expect(!TerminalStyle.standardOutput(environment: ["TERM": "dumb"]).usesColor)
    // The test's standard output is not a terminal when run by `swift test` in CI.
    #expect(TerminalStyle(usesColor: false).bold("x") == "x")
    #expect(TerminalStyle(usesColor: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
  }
}
