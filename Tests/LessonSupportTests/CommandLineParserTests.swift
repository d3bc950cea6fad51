import Testing

@testable import LessonSupport

/// The settings of a small program with every kind of flag once: what the parser is
/// tested with, so no test depends on a lesson's choices.
struct SampleSettings: Equatable, Sendable {
  var epochs = 5
  var rate: Float = 0.5
  var mode = "fast"
  var folder: String?
  var sizes = [8]
  var report = false
  var quick = false
  var plain = false
}

/// The sample program: whole number, number, one of two words, optional text, list, a
/// switch with a requirement and a conflict, `--quick` implying flags, `--no-color`, and a
/// preset.
func sampleParser(defaults: SampleSettings = SampleSettings()) -> CommandLineParser<SampleSettings>
{
  CommandLineParser(
    program: "sample", summary: "A program to test the parser with.", defaults: defaults,
    flags: [
      .value(
        "epochs", .wholeNumber(in: 1...100, example: 5), help: "passes over the data",
        at: \.epochs),
      .value("rate", .positiveNumber(example: 0.1), help: "the step size", at: \.rate),
      .value("mode", .oneOf(["fast": "fast", "slow": "slow"]), help: "how to run", at: \.mode),
      .value(
        "folder", FlagValue.text(placeholder: "DIR", meaning: "a folder", example: "data").optional,
        help: "where the data is", at: \.folder),
      .value("sizes", .wholeNumbers(in: 1...64, example: "8,8"), help: "layer sizes", at: \.sizes),
      .switch("report", help: "write a report", sets: \.report)
        .requiring("folder").excluding("quick"),
      .quick(\.quick).implying(["--epochs", "2", "--mode", "slow"]),
      .noColor(\.plain),
    ],
    presets: [
      Preset(
        name: "long", help: "a long, careful run", arguments: ["--epochs", "50", "--rate", "0.01"])
    ])
}

/// A command line the parser must refuse, and the whole message it must give.
struct BadCommandLine: CustomTestStringConvertible, Sendable {
  let name: String
  let arguments: [String]
  let message: String
  var testDescription: String { name }

  static let all: [BadCommandLine] = [
    .init(
      name: "a typo of a flag", arguments: ["--epoch", "3"],
      message: "unknown flag '--epoch' (did you mean --epochs?)"),
    .init(
      name: "a flag nobody declared", arguments: ["--verbose"], message: "unknown flag '--verbose'"),
    .init(name: "one dash", arguments: ["-q"], message: "unknown flag '-q'"),
    .init(
      name: "a value missing at the end", arguments: ["--epochs"],
      message: "--epochs needs a value: a whole number from 1 to 100, like --epochs 5"),
    .init(
      name: "a value missing before the next flag", arguments: ["--mode", "--quick"],
      message: "--mode needs a value: one of fast, slow"),
    .init(
      name: "a whole number out of range", arguments: ["--epochs", "0"],
      message: "--epochs needs a whole number from 1 to 100, like --epochs 5 (not '0')"),
    .init(
      name: "a word for a whole number, with =", arguments: ["--epochs=five"],
      message: "--epochs needs a whole number from 1 to 100, like --epochs 5 (not 'five')"),
    .init(
      name: "an empty value after =", arguments: ["--epochs="],
      message: "--epochs needs a whole number from 1 to 100, like --epochs 5 (not '')"),
    .init(
      name: "a negative number", arguments: ["--rate", "-1"],
      message: "--rate needs a number > 0, like --rate 0.1 (not '-1')"),
    .init(
      name: "an infinite number", arguments: ["--rate", "inf"],
      message: "--rate needs a number > 0, like --rate 0.1 (not 'inf')"),
    .init(
      name: "a word not among the choices", arguments: ["--mode", "medium"],
      message: "--mode must be one of fast, slow (not 'medium')"),
    .init(
      name: "a list with a hole", arguments: ["--sizes", "8,,8"],
      message:
        "--sizes needs whole numbers from 1 to 64 separated by commas, like --sizes 8,8 (not '8,,8')"
    ),
    .init(
      name: "a switch given a value with =", arguments: ["--quick=yes"],
      message: "--quick takes no value (not 'yes')"),
    .init(
      name: "a word after a switch", arguments: ["--quick", "yes"],
      message: "unexpected argument 'yes' (--quick takes no value)"),
    .init(
      name: "a flag without its dashes", arguments: ["quick"],
      message: "unexpected argument 'quick' (did you mean --quick?)"),
    .init(
      name: "a stray word", arguments: ["--epochs", "3", "4"],
      message: "unexpected argument '4' (flags start with --)"),
    .init(
      name: "an unknown preset", arguments: ["--preset", "short"],
      message: "--preset must be one of long (not 'short')"),
    .init(
      name: "a flag without one it needs", arguments: ["--report"],
      message: "--report needs --folder DIR too"),
    .init(
      name: "two flags that exclude each other",
      arguments: ["--report", "--folder", "x", "--quick"],
      message: "--report and --quick cannot be combined"),
  ]
}

@Suite("Command line: the declarative parser")
struct CommandLineParserTests {
  let parser = sampleParser()

  @Test("each kind of bad input gives its message, naming the flag", arguments: BadCommandLine.all)
  func badInput(_ bad: BadCommandLine) {
    #expect(throws: UsageProblem(bad.message)) { try parser.parse(bad.arguments) }
  }

  @Test("flags set what they declare; the rest keeps its default")
  func setsSettings() throws {
    let parsed = try parser.parse([
      "--epochs", "7", "--rate", "0.25", "--mode", "SLOW", "--folder", "data", "--sizes", "16,4",
      "--no-color",
    ])
    var expected = SampleSettings()
    (expected.epochs, expected.rate, expected.mode) = (7, 0.25, "slow")
    (expected.folder, expected.sizes, expected.plain) = ("data", [16, 4], true)
    #expect(parsed.settings == expected)
    #expect(parsed.given == ["epochs", "rate", "mode", "folder", "sizes", "no-color"])
    #expect(parsed.preset == nil && !parsed.wantsHelp)
    #expect(try parser.parse([]).settings == SampleSettings())
  }

  @Test(
    "--flag=value reads as --flag value",
    arguments: [
      (["--epochs=3"], ["--epochs", "3"]),
      (["--mode=slow"], ["--mode", "slow"]),
      (["--folder=a=b"], ["--folder", "a=b"]),
      (["--sizes=8,16"], ["--sizes", "8,16"]),
      (["--preset=long"], ["--preset", "long"]),
      (["--rate=-0.5"], ["--rate", "-0.5"]),
    ])
  func attachedValue(_ attached: [String], _ separate: [String]) throws {
    let (one, other) = (
      Result { try parser.parse(attached) }, Result { try parser.parse(separate) }
    )
    switch (one, other) {
    case (.success(let one), .success(let other)): #expect(one == other)
    case (.failure(let one), .failure(let other)): #expect("\(one)" == "\(other)")
    default: Issue.record("\(attached) gave \(one), \(separate) gave \(other)")
    }
  }

  @Test("a switch given a value is refused, with = or as the next word")
  func switchWithValue() {
    for flag in ["--quick", "--no-color", "--report"] {
      let name = String(flag.dropFirst(2))
      #expect(throws: UsageProblem("--\(name) takes no value (not 'on')")) {
        try parser.parse(["\(flag)=on"])
      }
      #expect(throws: UsageProblem("unexpected argument 'on' (\(flag) takes no value)")) {
        try parser.parse([flag, "on"])
      }
    }
  }

  @Test("a preset expands into its flags; flags typed win, before or after it")
  func presetExpands() throws {
    let long = try parser.parse(["--preset", "long"])
    #expect(long.settings.epochs == 50 && long.settings.rate == 0.01)
    #expect(long.preset == "long" && long.given == ["preset"])
    for arguments in [
      ["--epochs", "3", "--preset", "long"], ["--preset", "long", "--epochs", "3"],
    ] {
      let parsed = try parser.parse(arguments)
      #expect(parsed.settings.epochs == 3, "\(arguments)")
      #expect(parsed.settings.rate == 0.01, "\(arguments)")
    }
  }

  @Test("a switch's implied flags apply unless typed, and win over a preset")
  func switchImplies() throws {
    let quick = try parser.parse(["--quick"]).settings
    #expect(quick.quick && quick.epochs == 2 && quick.mode == "slow")
    let typed = try parser.parse(["--epochs", "7", "--quick"]).settings
    #expect(typed.epochs == 7 && typed.mode == "slow")
    let withPreset = try parser.parse(["--preset", "long", "--quick"]).settings
    #expect(withPreset.epochs == 2 && withPreset.rate == 0.01)
  }

  @Test("a flag typed twice keeps its last value")
  func lastWins() throws {
    #expect(try parser.parse(["--epochs", "3", "--epochs=4"]).settings.epochs == 4)
  }

  @Test("-h and --help ask for the help, which skips the combination checks")
  func helpFlag() throws {
    for flag in ["-h", "--help"] {
      #expect(try parser.parse([flag]).wantsHelp)
      #expect(try parser.parse(["--report", flag]).wantsHelp, "--report needs --folder")
    }
    #expect(throws: UsageProblem("unknown flag '--bogus'")) {
      try parser.parse(["--help", "--bogus"])
    }
  }

  @Test("--help lists every declared flag with its help")
  func helpListsEveryFlag() {
    // Rows wrap: compare with the text's words joined by single spaces.
    let help = parser.help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(parser.flags.count == 10, "the 8 declared, --preset and --help")
    for flag in parser.flags {
      let term = flag.name == "help" ? "-h, --help" : flag.synopsis
      #expect(help.contains("\(term) \(flag.help)"), "\(term) and its help: \(parser.help)")
    }
    for text in [
      "usage: swift run sample [flags]", "A program to test the parser with.",
      "--epochs N passes over the data (default 5)", "--mode fast|slow how to run (default fast)",
      "--folder DIR where the data is --sizes", "--sizes N[,N…] layer sizes (default 8)",
      "write a report (needs --folder DIR; not with --quick)",
      "(sets --epochs 2 --mode slow unless given)",
      "long a long, careful run: --epochs 50 --rate 0.01",
    ] {
      #expect(help.contains(text), "missing \(text) in: \(parser.help)")
    }
    for line in parser.help.split(separator: "\n") {
      #expect(line.count <= 80, "a line of \(line.count) characters: \(line)")
    }
  }

  @Test("--help shows the defaults of the settings given, not a copy typed by hand")
  func helpShowsDefaults() {
    var defaults = SampleSettings()
    (defaults.epochs, defaults.mode, defaults.folder) = (9, "slow", "cache")
    let help = sampleParser(defaults: defaults).help
    for text in ["(default 9)", "(default slow)", "where the data is (default cache)"] {
      #expect(help.contains(text), "missing \(text) in: \(help)")
    }
  }

  @Test("the summary's paragraphs are wrapped at 80 columns, wherever they were broken")
  func summaryFlows() {
    let sentence = "A sentence of some length that, said three times, is longer than a line. "
    let parser = CommandLineParser(
      program: "tool", summary: String(repeating: sentence, count: 3) + "\nEnd.\n\nNext.",
      defaults: SampleSettings(), flags: [])
    let lines = parser.help.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(parser.help)")
    #expect(lines[2].hasPrefix("A sentence") && lines[2].count > 70, "\(parser.help)")
    #expect(parser.help.contains("line. End.\n\nNext.\n\nFlags:"), "\(parser.help)")
  }

  @Test("a short program lists every flag in its usage line")
  func shortUsageLine() {
    let parser = LessonArguments.parser(program: "lesson02-relu", summary: "", defaultSeed: 2)
    #expect(parser.usage == "usage: swift run lesson02-relu [--quick] [--seed N] [--no-color]")
    #expect(
      LessonArguments.parser(program: "lesson01-sigmoid", summary: "").usage
        == "usage: swift run lesson01-sigmoid [--quick] [--no-color]")
  }

  @Test("usage forms give one line each, with required and optional flags")
  func usageForms() {
    let parser = CommandLineParser(
      program: "tool", summary: "", defaults: SampleSettings(),
      flags: [
        .value("mode", .oneOf(["fast": "fast", "slow": "slow"]), help: "how", at: \.mode),
        .switch("report", help: "write a report", sets: \.report),
      ],
      usageForms: [
        UsageForm(optional: ["report"]),
        UsageForm(invocation: "swift run -c release", required: ["mode"], optional: ["report"]),
      ])
    #expect(
      parser.usage == """
        usage: swift run tool [--report]
               swift run -c release tool --mode fast|slow [--report]
        """)
  }

  @Test("a bad command line prints the problem, the usage and where the help is")
  func errorText() {
    let text = parser.errorText(for: UsageProblem("unknown flag '--x'"))
    #expect(
      text == """
        sample: unknown flag '--x'

        usage: swift run sample [flags]
        Run `swift run sample --help` for what each flag does.

        """)
  }

  @Test("the reproducing command is the invocation, the program and the words typed")
  func reproducingCommand() {
    #expect(
      parser.reproducingCommand(["--quick", "--epochs=3"]) == "swift run sample --quick --epochs=3")
  }

  @Test("a lifted flag sets the settings inside a larger one")
  func lifted() throws {
    struct Outer: Equatable, Sendable {
      var inner = SampleSettings()
      var images = 10
    }
    let parser = CommandLineParser(
      program: "outer", summary: "", defaults: Outer(),
      flags: sampleParser().flags.filter { ["epochs", "mode", "quick"].contains($0.name) }.map {
        $0.lifted(to: \Outer.inner)
      } + [.value("images", .wholeNumber(atLeast: 1, example: 5), help: "images", at: \.images)])
    let parsed = try parser.parse(["--quick", "--images", "3"]).settings
    #expect(parsed.inner.quick && parsed.inner.epochs == 2 && parsed.inner.mode == "slow")
    #expect(parsed.images == 3)
    #expect(parser.help.contains("(sets --epochs 2 --mode slow unless given)"))
    #expect(throws: UsageProblem.self) { try parser.parse(["--images", "0"]) }
  }
}

@Suite("Command line: values and suggestions")
struct FlagValueTests {
  @Test(
    "each kind of value reads good text and refuses bad text",
    arguments: [
      ("whole number 1…10", ["1", "10"], ["0", "11", "1.5", "x", ""]),
      ("whole number ≥ 100", ["100", "60000"], ["99", "-100"]),
      ("seed", ["0", "18446744073709551615"], ["-1", "1e3"]),
      ("positive number", ["0.001", "3"], ["0", "-2", "nan", "inf"]),
      ("one of", ["adam", "ADAM", "sgd"], ["lbfgs", ""]),
      ("whole numbers", ["128", "128,64"], ["", "128,", "0", "128,x"]),
    ])
  func reads(_ kind: String, _ good: [String], _ bad: [String]) {
    let read: (String) -> Bool =
      switch kind {
      case "whole number 1…10": { FlagValue.wholeNumber(in: 1...10, example: 5).read($0) != nil }
      case "whole number ≥ 100":
        { FlagValue.wholeNumber(atLeast: 100, example: 100).read($0) != nil }
      case "seed": { FlagValue.seed.read($0) != nil }
      case "positive number": { FlagValue.positiveNumber(example: 1).read($0) != nil }
      case "one of": { FlagValue.oneOf(["adam": 1, "sgd": 2]).read($0) != nil }
      default: { FlagValue.wholeNumbers(in: 1...1000, example: "1").read($0) != nil }
      }
    for text in good { #expect(read(text), "\(kind) refuses '\(text)'") }
    for text in bad { #expect(!read(text), "\(kind) takes '\(text)'") }
  }

  @Test("a value shows as it would be typed, for defaults")
  func shows() {
    #expect(FlagValue.oneOf(["scaled": true, "raw": false]).show(false) == "raw")
    #expect(FlagValue.wholeNumbers(in: 1...9, example: "1").show([1, 2]) == "1,2")
    #expect(FlagValue.text(placeholder: "DIR", meaning: "", example: "").optional.show(nil) == nil)
    let never = FlagValue.wholeNumber(atLeast: 0, example: 1).map(
      { $0 == 0 ? nil : $0 }, back: { $0 ?? 0 })
    #expect(never.read("0") == .some(nil) && never.show(nil) == "0" && never.show(20) == "20")
  }

  @Test(
    "a typo suggests the nearest flag; nothing far away does",
    arguments: [
      ("quik", "quick"), ("epoch", "epochs"), ("no-colour", "no-color"), ("seeds", "seeds"),
      ("verbose", nil), ("x", nil), ("colour", nil),
    ] as [(String, String?)])
  func suggestion(_ typed: String, _ suggested: String?) {
    #expect(
      nearestFlagName(to: typed, among: ["quick", "epochs", "no-color", "seeds"]) == suggested)
  }

  @Test(
    "edit distance counts single-letter edits",
    arguments: [
      ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("quik", "quick", 1), ("kitten", "sitting", 3),
    ])
  func distance(_ first: String, _ second: String, _ edits: Int) {
    #expect(editDistance(first, second) == edits)
    #expect(editDistance(second, first) == edits)
  }
}
