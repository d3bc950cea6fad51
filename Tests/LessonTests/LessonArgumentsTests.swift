import LessonSupport
import MNISTData
import NeuralKit
import Testing

/// The flags every lesson program reads, and when colour is used.
@Suite("Lesson flags and colour")
struct LessonArgumentsTests {
  let seeded = LessonArguments.parser(program: "lesson", summary: "", defaultSeed: 1)

  @Test("flags are read; --seed=N and --seed N agree")
  func readsFlags() throws {
    let parsed = try seeded.parse(["--quick", "--seed", "7", "--no-color"])
    let arguments = parsed.settings
    #expect(arguments.quick && arguments.plain && !parsed.wantsHelp && arguments.seed == 7)
    #expect(try seeded.parse(["--seed=7"]).settings.seed == 7)
    #expect(
      try LessonArguments.parser(program: "lesson", summary: "", defaultSeed: 3).parse([])
        .settings == LessonArguments(seed: 3))
    #expect(try seeded.parse(["-h"]).wantsHelp && seeded.parse(["--help"]).wantsHelp)
  }

  @Test(
    "bad flags are refused with a message naming them",
    arguments: [
      (["--quik"], "unknown flag '--quik' (did you mean --quick?)"),
      (["--seed"], "--seed needs a value: a whole number ≥ 0, like --seed 7"),
      (["--seed", "-1"], "--seed needs a whole number ≥ 0, like --seed 7 (not '-1')"),
      (["--seed=x"], "--seed needs a whole number ≥ 0, like --seed 7 (not 'x')"),
      (["quick"], "unexpected argument 'quick' (did you mean --quick?)"),
    ])
  func refusesBadFlags(_ arguments: [String], _ message: String) {
    #expect {
      try seeded.parse(arguments)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("a lesson without randomness has no --seed")
  func noSeedWithoutRandomness() {
    let unseeded = LessonArguments.parser(program: "lesson", summary: "")
    #expect(throws: UsageProblem("unknown flag '--seed'")) {
      try unseeded.parse(["--seed", "2"])
    }
    #expect(!unseeded.help.contains("--seed"))
    #expect(seeded.help.contains("--seed N"))
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
