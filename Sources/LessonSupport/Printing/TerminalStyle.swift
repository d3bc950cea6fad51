import Foundation

/// Colour and bold for a lesson's output, only where they help: on a terminal, and never
/// when the `NO_COLOR` environment variable is set (https://no-color.org) or the output
/// goes to a file or a pipe. Meaning never rests on colour alone: a failing row also says
/// "✗", a passing one "ok".
///
///     let style = TerminalStyle.standardOutput()
///     print(style.bold("Lesson 01"))   // bold on a terminal, plain in a file
public struct TerminalStyle: Sendable {
  /// True when escape codes are written.
  public let usesColor: Bool

  /// A style that writes escape codes only when `usesColor` is true.
  public init(usesColor: Bool) {
    self.usesColor = usesColor
  }

  /// The style for standard output: colour when it is a terminal, `NO_COLOR` is unset or
  /// empty, `TERM` is not `dumb`, and the caller did not ask for plain text.
  public static func standardOutput(
    plain: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalStyle {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let dumb = environment["TERM"] == "dumb"
    return TerminalStyle(usesColor: !plain && !noColor && !dumb && isatty(STDOUT_FILENO) == 1)
  }

  /// Bold text, for headings.
  public func bold(_ text: String) -> String { wrap(text, "1") }
  /// Dim text, for asides.
  public func dim(_ text: String) -> String { wrap(text, "2") }
  /// Green text, for what worked.
  public func green(_ text: String) -> String { wrap(text, "32") }
  /// Red text, for what failed.
  public func red(_ text: String) -> String { wrap(text, "31") }
  /// Cyan text, for commands to type.
  public func cyan(_ text: String) -> String { wrap(text, "36") }

  private func wrap(_ text: String, _ code: String) -> String {
    usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
