/// One flag a program declares: its name, its value (if it takes one), its help, and what
/// it sets in the program's `Settings`. `CommandLineParser` reads the command line with
/// these and writes `--help` and every error message from them.
///
///     struct Settings { var epochs = 5; var quick = false }
///     let flags: [Flag<Settings>] = [
///       .value("epochs", .wholeNumber(in: 1...1000, example: 5),
///              help: "passes over the training set", at: \.epochs),
///       .switch("quick", help: "a short run", sets: \.quick),
///     ]
///     // --help:   --epochs N   passes over the training set (default 5)
///     //           --quick      a short run
public struct Flag<Settings>: Sendable {
  /// The name after `--`: `epochs` for `--epochs`.
  public let name: String
  /// What the flag does, for `--help`.
  public var help: String
  /// What `--help` shows after the name (`N`, `DIR`, `adam|sgd`); nil for a switch, a flag
  /// without a value such as `--quick`.
  public let placeholder: String?
  /// What a good value looks like (nil for a switch), for error messages.
  public let expectation: ValueExpectation?
  /// For a switch: the flags it stands for unless they are given, as `--quick` stands for
  /// `--epochs 2`. `CommandLineParser` applies them before the flags typed.
  public var implied: [String] = []
  /// Flags that must be given with this one: `--benchmark` needs `--data-dir`.
  public var requirements: [String] = []
  /// Flags that cannot be given with this one: `--show` and `--benchmark`.
  public var conflicts: [String] = []
  /// Sets `settings` from the value's text (ignored for a switch); false if the text is
  /// not a good value.
  let apply: @Sendable (_ settings: inout Settings, _ text: String) -> Bool
  /// The value in `defaults` as it would be typed, for `(default …)` in `--help`.
  let shownDefault: @Sendable (_ defaults: Settings) -> String?

  /// Whether the flag takes a value: `--epochs 5` does, `--quick` does not.
  public var takesValue: Bool { placeholder != nil }

  /// `--name PLACEHOLDER`, or `--name` for a switch, as `--help` and usage lines show it.
  public var synopsis: String {
    placeholder.map { "--\(name) \($0)" } ?? "--\(name)"
  }

  init(
    name: String, help: String, placeholder: String?, expectation: ValueExpectation?,
    apply: @escaping @Sendable (inout Settings, String) -> Bool,
    shownDefault: @escaping @Sendable (Settings) -> String?
  ) {
    self.name = name
    self.help = help
    self.placeholder = placeholder
    self.expectation = expectation
    self.apply = apply
    self.shownDefault = shownDefault
  }
}

extension Flag {
  /// A flag without a value that turns a setting on: `--quick`.
  ///
  ///     .switch("offline", help: "never download", sets: \.offline)
  public static func `switch`(
    _ name: String, help: String, sets setting: WritableKeyPath<Settings, Bool> & Sendable
  ) -> Flag {
    .switch(name, help: help) { $0[keyPath: setting] = true }
  }

  /// A flag without a value that does what `action` says: `--benchmark` picks a mode.
  ///
  ///     .switch("benchmark", help: "time loading") { $0.mode = .benchmark }
  public static func `switch`(
    _ name: String, help: String, action: @escaping @Sendable (inout Settings) -> Void
  ) -> Flag {
    Flag(
      name: name, help: help, placeholder: nil, expectation: nil,
      apply: { settings, _ in
        action(&settings)
        return true
      }, shownDefault: { _ in nil })
  }

  /// A flag with a value that sets `setting`; `--help` shows the setting's default.
  ///
  ///     .value("epochs", .wholeNumber(in: 1...1000, example: 5),
  ///            help: "passes over the training set", at: \.options.epochs)
  public static func value<Value>(
    _ name: String, _ value: FlagValue<Value>, help: String,
    at setting: WritableKeyPath<Settings, Value> & Sendable
  ) -> Flag {
    let (read, show) = (value.read, value.show)
    return Flag(
      name: name, help: help, placeholder: value.placeholder, expectation: value.expectation,
      apply: { settings, text in
        guard let value = read(text) else { return false }
        settings[keyPath: setting] = value
        return true
      }, shownDefault: { show($0[keyPath: setting]) })
  }

  /// A flag with a value that does what `action` says with it (no default shown).
  ///
  ///     .value("show", .oneOf(["mnist": "mnist", "fashion-mnist": "fashion-mnist"]),
  ///            help: "draw a few images") { settings, name in settings.mode = .show(name) }
  public static func value<Value>(
    _ name: String, _ value: FlagValue<Value>, help: String,
    action: @escaping @Sendable (inout Settings, Value) -> Void
  ) -> Flag {
    let read = value.read
    return Flag(
      name: name, help: help, placeholder: value.placeholder, expectation: value.expectation,
      apply: { settings, text in
        guard let value = read(text) else { return false }
        action(&settings, value)
        return true
      }, shownDefault: { _ in nil })
  }
}

extension Flag {
  /// The same flag with other help: a lesson's own words for a shared flag.
  ///
  ///     Flag<TrainingArguments>.epochs.withHelp("epochs of each deep run")
  public func withHelp(_ help: String) -> Flag {
    var flag = self
    flag.help = help
    return flag
  }

  /// The same switch standing also for `arguments`, unless they are given: a preset that
  /// the flags typed override.
  ///
  ///     .quick(\.quick).implying(["--epochs", "2"])   // --quick --epochs 4: 4 epochs
  public func implying(_ arguments: [String]) -> Flag {
    var flag = self
    flag.implied = arguments
    return flag
  }

  /// The same flag, needing the flags `names` too: `--benchmark` needs `--data-dir`.
  public func requiring(_ names: String...) -> Flag {
    var flag = self
    flag.requirements += names
    return flag
  }

  /// The same flag, refused together with the flags `names`.
  public func excluding(_ names: String...) -> Flag {
    var flag = self
    flag.conflicts += names
    return flag
  }

  /// The same flag for a larger settings type that holds these settings at `path`: a
  /// program that adds flags of its own to shared ones.
  ///
  ///     struct Settings { var training = TrainingArguments(); var trainingImages = 10_000 }
  ///     Flag<TrainingArguments>.epochs.lifted(to: \Settings.training)
  public func lifted<Outer>(to path: WritableKeyPath<Outer, Settings> & Sendable) -> Flag<Outer> {
    let (apply, shownDefault) = (self.apply, self.shownDefault)
    var flag = Flag<Outer>(
      name: name, help: help, placeholder: placeholder, expectation: expectation,
      apply: { outer, text in apply(&outer[keyPath: path], text) },
      shownDefault: { shownDefault($0[keyPath: path]) })
    flag.implied = implied
    flag.requirements = requirements
    flag.conflicts = conflicts
    return flag
  }
}
