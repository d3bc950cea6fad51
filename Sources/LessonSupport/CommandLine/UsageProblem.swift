/// Why a command line could not be read. Every message names the flag or the word at
/// fault, and is built here from the flag's declaration:
///
///     unknown flag '--quik' (did you mean --quick?)
///     --epochs needs a value: a whole number from 1 to 1000, like --epochs 5
///     --epochs needs a whole number from 1 to 1000, like --epochs 5 (not '0')
///     --dataset must be one of mnist, fashion-mnist, both (not 'cifar')
///     --quick takes no value (not 'yes')
///     unexpected argument 'yes' (--quick takes no value)
///     --benchmark needs --data-dir DIR too
///     --show and --benchmark cannot be combined
///
/// `CommandLineParser.parseOrExit` prints it, then the usage, to standard error and exits
/// with status 2, the convention for bad usage.
public struct UsageProblem: Error, Equatable, CustomStringConvertible {
  /// The message, naming the flag: `unknown flag '--quik'`.
  public var description: String

  /// A problem described by `description`.
  public init(_ description: String) { self.description = description }

  /// A word starting with `-` that is not a declared flag; `nearest` is a declared flag it
  /// may be a typo of.
  static func unknownFlag(_ argument: String, nearest: String?) -> UsageProblem {
    UsageProblem("unknown flag '\(argument)'" + (nearest.map { " (did you mean \($0)?)" } ?? ""))
  }

  /// A word not starting with `-` where a flag should be: after a switch (`--quick yes`),
  /// a flag without its dashes (`quick`), or a stray word.
  static func unexpectedArgument(_ argument: String, afterSwitch: String?, nearest: String?)
    -> UsageProblem
  {
    let hint =
      afterSwitch.map { "\($0) takes no value" }
      ?? nearest.map { "did you mean \($0)?" } ?? "flags start with --"
    return UsageProblem("unexpected argument '\(argument)' (\(hint))")
  }

  /// A flag that takes a value, last on the line or followed by another flag.
  static func missingValue(flag name: String, expectation: ValueExpectation) -> UsageProblem {
    switch expectation {
    case .described(let phrase, let example):
      return UsageProblem("--\(name) needs a value: \(phrase), like --\(name) \(example)")
    case .oneOf(let words):
      return UsageProblem("--\(name) needs a value: one of \(words.joined(separator: ", "))")
    }
  }

  /// A value that is not one the flag takes.
  static func badValue(_ text: String, flag name: String, expectation: ValueExpectation)
    -> UsageProblem
  {
    switch expectation {
    case .described(let phrase, let example):
      return UsageProblem("--\(name) needs \(phrase), like --\(name) \(example) (not '\(text)')")
    case .oneOf(let words):
      return UsageProblem(
        "--\(name) must be one of \(words.joined(separator: ", ")) (not '\(text)')")
    }
  }

  /// A value given to a switch with `=`: `--quick=yes`.
  static func unwantedValue(_ text: String, flag name: String) -> UsageProblem {
    UsageProblem("--\(name) takes no value (not '\(text)')")
  }

  /// A flag given without one it needs; `needed` as `--help` shows it: `--data-dir DIR`.
  static func missingRequirement(flag name: String, needs needed: String) -> UsageProblem {
    UsageProblem("--\(name) needs \(needed) too")
  }

  /// Two flags that cannot be given together.
  static func conflict(_ first: String, _ second: String) -> UsageProblem {
    UsageProblem("--\(first) and --\(second) cannot be combined")
  }
}
