/// The flags of the lessons without training (01–04 and 08), declared on
/// `CommandLineParser`:
///
///     --quick       a shorter run, the one the tests compare with the lesson's text
///     --seed N      the random seed (lessons that draw random numbers)
///     --no-color    plain text even on a terminal (so does NO_COLOR=1)
///     -h, --help    what the program does and these flags
///
///     let arguments = LessonArguments.parseOrExit(
///       program: "lesson02-relu", summary: "Lesson 02: ReLU …", defaultSeed: 2)
///     arguments.seed   // 2, or N after --seed N
public struct LessonArguments: Equatable, Sendable {
  /// `--quick` was given.
  public var quick = false
  /// The seed, `--seed N`, or the lesson's default.
  public var seed: UInt64 = 0
  /// `--no-color` was given.
  public var plain = false

  /// The defaults: a full run, seed 0, colour on a terminal.
  public init(quick: Bool = false, seed: UInt64 = 0, plain: Bool = false) {
    self.quick = quick
    self.seed = seed
    self.plain = plain
  }

  /// The lesson's command line. `defaultSeed` is nil for a lesson that draws no random
  /// numbers: it has no `--seed`.
  public static func parser(program: String, summary: String, defaultSeed: UInt64? = nil)
    -> CommandLineParser<LessonArguments>
  {
    let seed: [Flag<LessonArguments>] =
      defaultSeed == nil
      ? []
      : [
        .value(
          "seed", .seed, help: "the random seed: the same seed, the same numbers",
          at: \.seed)
      ]
    return CommandLineParser(
      program: program, summary: summary, defaults: LessonArguments(seed: defaultSeed ?? 0),
      flags: [.quick(\.quick)] + seed + [.noColor(\.plain)])
  }

  /// Reads `CommandLine.arguments` with `parser(program:summary:defaultSeed:)`; exits 0
  /// after `--help` and 2 after a bad flag (see `CommandLineParser.parseOrExit`).
  public static func parseOrExit(program: String, summary: String, defaultSeed: UInt64? = nil)
    -> LessonArguments
  {
    parser(program: program, summary: summary, defaultSeed: defaultSeed).parseOrExit()
  }
}
