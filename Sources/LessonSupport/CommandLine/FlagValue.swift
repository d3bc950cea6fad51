/// How a flag's value is read from the command line, described in `--help` and in error
/// messages, and shown as a default. The standard kinds are in `FlagValueKinds.swift`.
///
///     FlagValue.wholeNumber(in: 1...1000, example: 5)
///       --help shows     --epochs N
///       --epochs 0  →    --epochs needs a whole number from 1 to 1000, like --epochs 5 (not '0')
///
///     FlagValue.oneOf(["adam": OptimizerChoice.adam, "sgd": .sgd])
///       --help shows     --optimizer adam|sgd
///       --optimizer x →  --optimizer must be one of adam, sgd (not 'x')
public struct FlagValue<Value>: Sendable {
  /// What `--help` shows after the flag's name: `N`, `DIR`, `adam|sgd`.
  public var placeholder: String
  /// What a good value looks like, for error messages.
  public var expectation: ValueExpectation
  /// The value `text` stands for, or nil if `text` is not a good value.
  public let read: @Sendable (_ text: String) -> Value?
  /// A value as it would be typed, for `(default …)` in `--help`; nil hides it.
  public let show: @Sendable (_ value: Value) -> String?

  /// A kind of value of your own; `read` returns nil for text that is not one.
  ///
  ///     let even = FlagValue<Int>(
  ///       placeholder: "N", expectation: .described("an even number", example: "4"),
  ///       read: { Int($0).flatMap { $0 % 2 == 0 ? $0 : nil } }, show: { "\($0)" })
  public init(
    placeholder: String, expectation: ValueExpectation,
    read: @escaping @Sendable (_ text: String) -> Value?,
    show: @escaping @Sendable (_ value: Value) -> String?
  ) {
    self.placeholder = placeholder
    self.expectation = expectation
    self.read = read
    self.show = show
  }

  /// The same text read into another type; `back` turns a value into this one's again,
  /// for showing defaults.
  ///
  ///     // --eval-every 0 means "never": nil
  ///     FlagValue.wholeNumber(atLeast: 0, example: 200)
  ///       .map({ $0 == 0 ? nil : $0 }, back: { $0 ?? 0 })
  public func map<Other>(
    _ transform: @escaping @Sendable (Value) -> Other,
    back: @escaping @Sendable (Other) -> Value
  ) -> FlagValue<Other> {
    let (read, show) = (self.read, self.show)
    return FlagValue<Other>(
      placeholder: placeholder, expectation: expectation,
      read: { text in read(text).map(transform) }, show: { show(back($0)) })
  }

  /// The same value for an optional setting, whose default (nil) is not shown:
  /// `--data-dir DIR` when there is no folder until one is given.
  public var optional: FlagValue<Value?> {
    let (read, show) = (self.read, self.show)
    return FlagValue<Value?>(
      placeholder: placeholder, expectation: expectation,
      read: { text in read(text).map { .some($0) } }, show: { $0.flatMap(show) })
  }
}

/// What a flag's good values look like; error messages are built from it.
///
///     .described("a whole number from 1 to 1000", example: "5")
///         → --epochs needs a whole number from 1 to 1000, like --epochs 5
///     .oneOf(["mnist", "fashion-mnist", "both"])
///         → --dataset must be one of mnist, fashion-mnist, both
public enum ValueExpectation: Equatable, Sendable {
  /// In words, with a value that would do.
  case described(String, example: String)
  /// Exactly one of these words.
  case oneOf([String])
}
