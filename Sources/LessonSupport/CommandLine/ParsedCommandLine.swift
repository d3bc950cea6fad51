/// What `CommandLineParser.parse` read: the settings, and which flags were typed.
///
///     let parsed = try parser.parse(["--preset", "post-notebook", "--epochs", "2"])
///     parsed.settings.options.epochs   // 2: typed flags win over the preset's
///     parsed.given                     // ["preset", "epochs"]
///     parsed.preset                    // "post-notebook"
public struct ParsedCommandLine<Settings> {
  /// The defaults, then the preset, then what switches imply, then the flags typed.
  public var settings: Settings
  /// The names (without `--`) of the flags typed on the command line, which neither a
  /// preset nor a switch's implied flags override.
  public var given: Set<String>
  /// The preset named with `--preset`, if any.
  public var preset: String?
  /// `--help` or `-h` was typed: print the help and do nothing else.
  public var wantsHelp: Bool
}

extension ParsedCommandLine: Equatable where Settings: Equatable {}
extension ParsedCommandLine: Sendable where Settings: Sendable {}
