import Foundation

/// A program's command line, declared once: its name, what it does, its settings'
/// defaults, its flags and presets. From these it reads the command line into the settings
/// and writes `--help` (`HelpText.swift`) and every error message (`UsageProblem`).
///
///     struct Settings: Sendable { var epochs = 5; var quick = false; var plain = false }
///     let parser = CommandLineParser(
///       program: "lesson05-training", summary: "Trains 784 → 128 → 10 on MNIST.",
///       defaults: Settings(),
///       flags: [
///         .value("epochs", .wholeNumber(in: 1...1000, example: 5),
///                help: "passes over the training set", at: \.epochs),
///         .quick(\.quick).implying(["--epochs", "2"]),
///         .noColor(\.plain),
///       ])
///     let settings = parser.parseOrExit()   // --quick --epochs 3: epochs 3, quick
///
/// Conventions every program shares:
/// - `--name value` and `--name=value` are the same; a switch such as `--quick` takes none.
/// - `-h` or `--help` prints the help to standard output and exits 0.
/// - A bad command line prints the problem, then the usage, to standard error and exits 2.
/// - Settings build up in order: the defaults, the preset (`--preset NAME`), what the
///   switches typed imply (`--quick` → `--epochs 2`), and last the flags typed, which win.
/// - A flag typed twice keeps its last value.
public struct CommandLineParser<Settings> {
  /// The executable's name: `lesson06-relu-vs-sigmoid`.
  public let program: String
  /// How it is run, before its name: `swift run`, or `swift run -c release`.
  public let invocation: String
  /// What the program does, for `--help`, which wraps each paragraph at 80 columns.
  public let summary: String
  /// The settings before any flag; `--help` shows the defaults from them.
  public let defaults: Settings
  /// Every flag, in the order `--help` lists them: the program's, `--preset` if it has
  /// presets, and `-h, --help`.
  public let flags: [Flag<Settings>]
  /// The presets `--preset` can name.
  public let presets: [Preset]
  /// The ways to call the program, for the usage lines (one with every flag if empty).
  public let usageForms: [UsageForm]

  /// Declares a program's command line. Stops the program (a programmer's mistake, which
  /// any run shows) if two flags share a name, or a flag, form or preset names an
  /// undeclared one.
  public init(
    program: String, invocation: String = "swift run", summary: String, defaults: Settings,
    flags: [Flag<Settings>], presets: [Preset] = [], usageForms: [UsageForm] = []
  ) {
    self.program = program
    self.invocation = invocation
    self.summary = summary
    self.defaults = defaults
    self.flags = flags + (presets.isEmpty ? [] : [Self.presetFlag(presets)]) + [Self.helpFlag]
    self.presets = presets
    self.usageForms = usageForms
    checkDeclarations()
  }

  /// Reads `arguments` (without the program's name) into the settings. Throws the first
  /// problem found; with `--help`, combinations (`requiring`, `excluding`) are not
  /// checked, as the help is all that will happen.
  ///
  ///     try parser.parse(["--epochs=3", "--quick"]).settings.epochs   // 3
  ///     try parser.parse(["--epochs", "0"])
  ///     // throws: --epochs needs a whole number from 1 to 1000, like --epochs 5 (not '0')
  public func parse(_ arguments: [String]) throws(UsageProblem) -> ParsedCommandLine<Settings> {
    let typed = try read(arguments)
    var parsed = ParsedCommandLine(
      settings: defaults, given: Set(typed.map(\.flag.name)), preset: nil,
      wantsHelp: typed.contains { $0.flag.name == Self.helpFlag.name })
    // The settings build up from the defaults: the preset's flags, then what the switches
    // imply, then the flags typed, so that the later ones win.
    var steps: [TypedFlag] = []
    if let named = typed.last(where: { $0.flag.name == "preset" }) {
      guard let preset = presets.first(where: { $0.name.lowercased() == named.text.lowercased() })
      else {
        throw .badValue(named.text, flag: "preset", expectation: .oneOf(presets.map(\.name)))
      }
      parsed.preset = preset.name
      steps += try read(preset.arguments)
    }
    for implying in (steps + typed) where !implying.flag.implied.isEmpty {
      steps += try read(implying.flag.implied)
    }
    steps += typed
    for step in steps where !step.flag.apply(&parsed.settings, step.text) {
      throw .badValue(
        step.text, flag: step.flag.name, expectation: step.flag.expectation ?? .oneOf([]))
    }
    if !parsed.wantsHelp { try checkCombinations(Set(steps.map(\.flag.name))) }
    return parsed
  }

  /// Reads `CommandLine.arguments`: prints the help and exits 0 for `--help`; prints the
  /// problem and the usage to standard error and exits 2 for a bad command line.
  ///
  ///     let settings = parser.parseOrExit()
  public func parseOrExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()))
    -> Settings
  {
    parsedOrExit(arguments).settings
  }

  /// `parseOrExit`, keeping which flags were typed, for a program whose defaults depend
  /// on them (`parsed.given.contains("dataset")`).
  public func parsedOrExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()))
    -> ParsedCommandLine<Settings>
  {
    let parsed: ParsedCommandLine<Settings>
    do {
      parsed = try parse(arguments)
    } catch {
      FileHandle.standardError.write(Data(errorText(for: error).utf8))
      exit(2)
    }
    if parsed.wantsHelp {
      print(help)
      exit(0)
    }
    return parsed
  }

  /// The command that repeats this run, for a program to print: `swift run PROGRAM` and
  /// the arguments as typed.
  ///
  ///     parser.reproducingCommand(["--quick"])   // "swift run lesson05-training --quick"
  public func reproducingCommand(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()))
    -> String
  {
    ([invocation, program] + arguments).joined(separator: " ")
  }

  /// The declared flag called `name` (without `--`).
  public func flag(named name: String) -> Flag<Settings>? {
    flags.first { $0.name == name }
  }

  // MARK: - Reading

  /// A flag as typed, with its value's text ("" for a switch).
  struct TypedFlag {
    var flag: Flag<Settings>
    var text: String
  }

  /// The one loop over the words of a command line (typed, a preset's, or what a switch
  /// implies): finds each flag's declaration and its value's text. Values are read into
  /// the settings afterwards, in `parse`.
  func read(_ arguments: [String]) throws(UsageProblem) -> [TypedFlag] {
    var typed: [TypedFlag] = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      guard argument.hasPrefix("-"), argument != "-" else {
        // Right after a switch (`--quick yes`), the word was meant as its value.
        let afterSwitch = typed.last.flatMap { $0.flag.takesValue ? nil : $0.flag.synopsis }
        throw .unexpectedArgument(
          argument, afterSwitch: afterSwitch, nearest: nearestFlag(to: argument))
      }
      // `--epochs=5` is `--epochs 5`; `-h` is `--help`.
      let (written, attached) = splitAttachedValue(argument)
      let name = written == "-h" ? Self.helpFlag.name : String(written.drop { $0 == "-" })
      guard written.hasPrefix("--") || written == "-h", let flag = self.flag(named: name) else {
        throw .unknownFlag(written, nearest: nearestFlag(to: name))
      }
      guard flag.takesValue else {
        if let attached { throw .unwantedValue(attached, flag: name) }
        typed.append(TypedFlag(flag: flag, text: ""))
        continue
      }
      if let attached {
        typed.append(TypedFlag(flag: flag, text: attached))
      } else if let next = remaining.first, !next.hasPrefix("--"), next != "-h" {
        typed.append(TypedFlag(flag: flag, text: next))
        remaining.removeFirst()
      } else {
        throw .missingValue(flag: name, expectation: flag.expectation ?? .oneOf([]))
      }
    }
    return typed
  }

  /// `--epochs=5` → (`--epochs`, `5`); anything else → (itself, nil).
  func splitAttachedValue(_ argument: String) -> (flag: String, value: String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  /// `--name` of the declared flag `word` may be a typo of.
  func nearestFlag(to word: String) -> String? {
    let name = String(word.drop { $0 == "-" })
    return nearestFlagName(to: name, among: flags.map(\.name)).map { "--\($0)" }
  }

  /// Throws if a flag among `names` lacks one it requires or comes with one it excludes.
  func checkCombinations(_ names: Set<String>) throws(UsageProblem) {
    for flag in flags where names.contains(flag.name) {
      if let missing = flag.requirements.first(where: { !names.contains($0) }) {
        throw .missingRequirement(
          flag: flag.name, needs: self.flag(named: missing)?.synopsis ?? "--\(missing)")
      }
      if let other = flag.conflicts.first(where: names.contains) {
        throw .conflict(flag.name, other)
      }
    }
  }

  // MARK: - Built-in flags

  /// `-h, --help`, which every program takes.
  static var helpFlag: Flag<Settings> { .switch("help", help: "this text") { _ in } }

  /// `--preset NAME`, which programs with presets take; `parse` expands it.
  static func presetFlag(_ presets: [Preset]) -> Flag<Settings> {
    .value(
      "preset", .choosing(from: presets.map { (word: $0.name, value: $0.name) }),
      help: "a named set of flags, listed below"
    ) { _, _ in }
  }

  /// Stops on a declaration that cannot work: a name used twice, or a requirement,
  /// conflict, usage form, preset or switch's implied flags naming a flag nobody declared.
  private func checkDeclarations() {
    let names = flags.map(\.name)
    precondition(Set(names).count == names.count, "\(program): a flag is declared twice: \(names)")
    let mentioned =
      flags.flatMap { $0.requirements + $0.conflicts }
      + usageForms.flatMap { $0.required + $0.optional }
    for name in mentioned {
      precondition(names.contains(name), "\(program): --\(name) is named but not declared")
    }
    let expansions =
      presets.map { ("preset \($0.name)", $0.arguments) }
      + flags.map { ("--\($0.name)", $0.implied) }
    for (owner, arguments) in expansions {
      do {
        _ = try read(arguments)
      } catch {
        preconditionFailure("\(program): \(owner) stands for a bad command line: \(error)")
      }
    }
  }
}

extension CommandLineParser: Sendable where Settings: Sendable {}
