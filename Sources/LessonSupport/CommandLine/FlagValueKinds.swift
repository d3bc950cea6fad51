/// The kinds of value the programs' flags take: whole numbers in a range, positive
/// numbers, seeds, one word of a few, lists of sizes, and free text such as a folder.
/// Each says what `--help` shows and what an error message asks for.
///
///     .wholeNumber(in: 1...64, example: 8)        N        a whole number from 1 to 64
///     .wholeNumber(atLeast: 100, example: 60000)   N        a whole number ≥ 100
///     .seed                                        N        a whole number ≥ 0
///     .positiveNumber(example: 0.001)              X        a number > 0
///     .oneOf(["scaled": true, "raw": false])       scaled|raw
///     .wholeNumbers(in: 1...10_000, example: "128,128")    N[,N…]
///     .text(placeholder: "DIR", meaning: "a folder", example: "data")

extension FlagValue where Value == Int {
  /// A whole number in `range`: `--epochs 5`.
  public static func wholeNumber(
    in range: ClosedRange<Int>, example: Int, placeholder: String = "N"
  ) -> FlagValue {
    FlagValue(
      placeholder: placeholder,
      expectation: .described(
        "a whole number from \(range.lowerBound) to \(range.upperBound)", example: "\(example)"),
      read: { text in Int(text).flatMap { range.contains($0) ? $0 : nil } },
      show: { "\($0)" })
  }

  /// A whole number of at least `minimum`: `--train-images 60000`.
  public static func wholeNumber(atLeast minimum: Int, example: Int, placeholder: String = "N")
    -> FlagValue
  {
    FlagValue(
      placeholder: placeholder,
      expectation: .described("a whole number ≥ \(minimum)", example: "\(example)"),
      read: { text in Int(text).flatMap { $0 >= minimum ? $0 : nil } },
      show: { "\($0)" })
  }
}

extension FlagValue where Value == UInt64 {
  /// A random seed, any whole number from 0 up: `--seed 7`.
  public static var seed: FlagValue {
    FlagValue(
      placeholder: "N", expectation: .described("a whole number ≥ 0", example: "7"),
      read: { UInt64($0) }, show: { "\($0)" })
  }
}

extension FlagValue where Value == Float {
  /// A finite number above zero: `--learning-rate 0.001`.
  public static func positiveNumber(example: Float) -> FlagValue {
    FlagValue(
      placeholder: "X", expectation: .described("a number > 0", example: "\(example)"),
      read: { text in Float(text).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } },
      show: { "\($0)" })
  }
}

extension FlagValue where Value == [Int] {
  /// Whole numbers in `range` separated by commas: `--hidden 128,128`.
  public static func wholeNumbers(in range: ClosedRange<Int>, example: String) -> FlagValue {
    FlagValue(
      placeholder: "N[,N…]",
      expectation: .described(
        "whole numbers from \(range.lowerBound) to \(range.upperBound) separated by commas",
        example: example),
      read: { text in
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map {
          Int($0)
        }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.map(range.contains) == true }) else {
          return nil
        }
        return numbers.compactMap { $0 }
      },
      show: { $0.map(String.init).joined(separator: ",") })
  }
}

extension FlagValue where Value == String {
  /// Any text, such as a folder: `--out results`. Only a missing value is an error, and its
  /// message uses `meaning` and `example`: "--out needs a value: a folder, like --out results".
  public static func text(placeholder: String, meaning: String, example: String) -> FlagValue {
    FlagValue(
      placeholder: placeholder, expectation: .described(meaning, example: example),
      read: { $0 }, show: { $0 })
  }
}

extension FlagValue where Value: Equatable & Sendable {
  /// One of a few words, each standing for a value; upper or lower case alike. The words
  /// are listed in `--help` and error messages in the order given.
  ///
  ///     .oneOf(["mnist": [DatasetKind.mnist], "both": DatasetKind.allCases])
  public static func oneOf(_ choices: KeyValuePairs<String, Value>) -> FlagValue {
    choosing(from: choices.map { (word: $0.key, value: $0.value) })
  }

  /// The words and what each stands for: shared by `oneOf` and `oneOfCases`.
  static func choosing(from pairs: [(word: String, value: Value)]) -> FlagValue {
    let words = pairs.map(\.word)
    return FlagValue(
      placeholder: words.joined(separator: "|"), expectation: .oneOf(words),
      read: { text in pairs.first { $0.word.lowercased() == text.lowercased() }?.value },
      show: { value in pairs.first { $0.value == value }?.word })
  }
}

extension FlagValue where Value: RawRepresentable<String> & CaseIterable & Equatable & Sendable {
  /// One of an enumeration's cases, typed as its raw value: `--optimizer adam|sgd`.
  public static var oneOfCases: FlagValue {
    choosing(from: Value.allCases.map { (word: $0.rawValue, value: $0) })
  }
}
