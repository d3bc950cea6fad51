/// The flags several programs share, declared once so they read and explain themselves the
/// same way everywhere.
///
///     --quick      a shorter run: what the tests compare with the lesson's text
///     --no-color   plain text even on a terminal (NO_COLOR=1 does the same)
extension Flag {
  /// `--quick`: a short run, for the tests and CI. A program whose short run changes
  /// other flags says so with `implying`, so the flags typed still win:
  ///
  ///     .quick(\.quick, help: "2 epochs on 2 000 images").implying(["--epochs", "2"])
  public static func quick(
    _ setting: WritableKeyPath<Settings, Bool> & Sendable,
    help: String = "a shorter run: what the tests compare with the lesson's text"
  ) -> Flag {
    .switch("quick", help: help, sets: setting)
  }

  /// `--no-color`: plain text even on a terminal. `TerminalStyle.standardOutput(plain:)`
  /// also honours `NO_COLOR=1`.
  ///
  ///     .noColor(\.plain)
  public static func noColor(_ setting: WritableKeyPath<Settings, Bool> & Sendable) -> Flag {
    .switch(
      "no-color", help: "plain text even on a terminal (NO_COLOR=1 does the same)", sets: setting)
  }
}
