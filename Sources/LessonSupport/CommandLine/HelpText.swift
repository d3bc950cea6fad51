/// The texts a `CommandLineParser` writes from its declarations: the usage lines, the
/// full `--help`, and what a bad command line prints. Nothing here is typed by hand but
/// the program's summary and each flag's help.
///
///     usage: swift run lesson01-sigmoid [--quick] [--no-color]
///
///     Lesson 01: one neuron, the sigmoid σ(x) = 1/(1+e^(−x)) and its slope σ′, where
///     the textbook formula overflows, and why σ′ ≤ 0.25 matters.
///
///     Flags:
///       --quick      a shorter run: what the tests compare with the lesson's text
///       --no-color   plain text even on a terminal (NO_COLOR=1 does the same)
///       -h, --help   this text
extension CommandLineParser {
  /// The width `--help` fits in.
  static var helpWidth: Int { 80 }

  /// The usage lines: `usage: swift run PROGRAM [--quick] [--no-color]`, one line per
  /// usage form; every flag in brackets if that fits on the line, `[flags]` if not.
  public var usage: String {
    let lines =
      usageForms.isEmpty
      ? [defaultUsageLine]
      : usageForms.map { form in
        usageLine(
          invocation: form.invocation ?? invocation,
          words: form.required.map(synopsis) + form.optional.map { "[\(synopsis($0))]" })
      }
    return "usage: " + lines.joined(separator: "\n       ")
  }

  /// The whole help: usage, summary, every flag with its help and default, the presets.
  public var help: String {
    var sections = [usage, Self.flowed(summary), "Flags:\n" + Self.twoColumns(flags.map(helpRow))]
    if !presets.isEmpty {
      sections.append(
        "Presets (flags typed after one win over its own):\n"
          + Self.twoColumns(
            presets.map { preset in
              (preset.name, preset.help + ": " + preset.arguments.joined(separator: " "))
            }))
    }
    return sections.joined(separator: "\n\n")
  }

  /// What a bad command line prints to standard error: the problem, the usage, and where
  /// to read more.
  ///
  ///     lesson01-sigmoid: unknown flag '--quik' (did you mean --quick?)
  ///
  ///     usage: swift run lesson01-sigmoid [--quick] [--no-color]
  ///     Run `swift run lesson01-sigmoid --help` for what each flag does.
  public func errorText(for problem: UsageProblem) -> String {
    "\(program): \(problem)\n\n\(usage)\n"
      + "Run `\(invocation) \(program) --help` for what each flag does.\n"
  }

  /// `text` with each paragraph (paragraphs are separated by a blank line) wrapped at
  /// 80 columns, so a summary can be typed without counting characters.
  static func flowed(_ text: String) -> String {
    text.components(separatedBy: "\n\n").map { paragraph in
      wrapped(paragraph.split(separator: "\n").joined(separator: " "), width: helpWidth)
    }.joined(separator: "\n\n")
  }

  /// Every flag but `--help` in brackets, or `[flags]` when that is too long.
  private var defaultUsageLine: String {
    let every = flags.filter { $0.name != Self.helpFlag.name }.map { "[\($0.synopsis)]" }
    let line = usageLine(invocation: invocation, words: every)
    guard "usage: \(line)".count > Self.helpWidth else { return line }
    return usageLine(invocation: invocation, words: ["[flags]"])
  }

  private func usageLine(invocation: String, words: [String]) -> String {
    ([invocation, program] + words).joined(separator: " ")
  }

  private func synopsis(_ name: String) -> String {
    flag(named: name)?.synopsis ?? "--\(name)"
  }

  /// A flag's row: `--epochs N` and `passes over the training set (default 5)`, with
  /// what else the declaration says in the same parentheses.
  private func helpRow(_ flag: Flag<Settings>) -> (term: String, text: String) {
    var notes = flag.shownDefault(defaults).map { ["default \($0)"] } ?? []
    if !flag.implied.isEmpty {
      notes.append("sets \(flag.implied.joined(separator: " ")) unless given")
    }
    notes += flag.requirements.map { "needs \(synopsis($0))" }
    notes += flag.conflicts.map { "not with --\($0)" }
    let text = notes.isEmpty ? flag.help : "\(flag.help) (\(notes.joined(separator: "; ")))"
    return (flag.name == Self.helpFlag.name ? "-h, --help" : flag.synopsis, text)
  }

  /// Terms on the left, their text wrapped in a column on the right; a term too long for
  /// the column gets a line of its own.
  ///
  ///     --epochs N        passes over the training set (default 5)
  ///     --activation relu|sigmoid|tanh|leaky-relu
  ///                       the hidden layers' activation (default relu)
  static func twoColumns(_ rows: [(term: String, text: String)]) -> String {
    let longestTerm = 26
    let termWidth = rows.map(\.term.count).filter { $0 <= longestTerm }.max() ?? longestTerm
    let column = 2 + termWidth + 3
    let indent = String(repeating: " ", count: column)
    return rows.map { row in
      let text = wrapped(row.text, width: helpWidth - column)
        .split(separator: "\n").joined(separator: "\n" + indent)
      let term = "  " + row.term
      guard row.term.count <= termWidth else { return term + "\n" + indent + text }
      return term.padding(toLength: column, withPad: " ", startingAt: 0) + text
    }.joined(separator: "\n")
  }
}
