import ExerciseSupport
import Foundation
import NeuralKit

/// What checking one exercise found.
enum CheckOutcome: Codable, Equatable, Sendable {
  /// Every case agreed with NeuralKit.
  case passed(cases: Int)
  /// The untouched stub threw `NotWrittenYet`.
  case notWrittenYet
  /// One case disagreed: the first one found.
  case failed(CheckFailure)
  /// The function crashed or did not finish (only when run in a child process).
  case crashed

  /// True for `.passed`.
  var passed: Bool {
    if case .passed = self { return true }
    return false
  }

  /// The message a learner reads: the case, yours, expected, tolerance, hint, the command.
  func message(for exercise: Exercise) -> String {
    let rerun = "  run again  \(exercise.rerunCommand)"
    switch self {
    case .passed(let cases):
      return "\(exercise.functionName): all \(cases) cases agree with NeuralKit"
    case .notWrittenYet:
      return "\(exercise.functionName): not written yet — open \(exercise.path)\n\(rerun)"
    case .failed(let failure):
      return [
        "\(exercise.functionName) is not right yet — \(exercise.path)",
        "  case       "
          + failure.caseDescription.replacingOccurrences(of: "\n", with: "\n             "),
        "  yours      \(failure.yours)",
        "  expected   \(failure.expected)",
        "  tolerance  \(failure.tolerance)",
        "  hint       \(failure.hint)",
        rerun,
      ].joined(separator: "\n")
    case .crashed:
      return [
        "\(exercise.functionName) crashed or never returned — \(exercise.path)",
        "  The test ran your function in a separate process, which stopped (see the line",
        "  above: SIGILL or SIGTRAP is a crash such as an index out of range, a nil",
        "  force-unwrapped or an integer overflow; SIGALRM means it ran longer than",
        "  \(LearnerCode.secondsAllowed) s, probably an endless loop). To see the crash message and line,",
        "  run it in-process (the crash then ends the whole run; that is expected):",
        "  run again  EXERCISES_IN_PROCESS=1 \(exercise.rerunCommand)",
      ].joined(separator: "\n")
    }
  }
}

/// One concrete counter-example.
struct CheckFailure: Codable, Equatable, Sendable {
  /// The call that went wrong: `sigmoid(-1000.0)`.
  var caseDescription: String
  /// What the learner's function returned (or threw).
  var yours: String
  /// What NeuralKit returns.
  var expected: String
  /// The tolerance and why it is that size.
  var tolerance: String
  /// One line about the likely mistake.
  var hint: String
}

/// A tolerance with the reason for its size, printed in every failure.
struct NamedTolerance: Sendable {
  /// The bound: |yours − expected| ≤ absolute + relative · |expected|.
  var tolerance: Tolerance
  /// Why this size: what legitimate differences it absorbs.
  var reason: String
  /// What the relative part is relative to: `|expected|` for numbers, `max|expected|` (the
  /// largest in the tensor, NeuralKit's `TensorComparison` policy) for arrays.
  var scale = "|expected|"

  /// `1.0e-06 + 1.0e-05·|expected| (reason)`, or `exact (reason)`.
  var description: String {
    if tolerance.absolute == 0 && tolerance.relative == 0 { return "exact (\(reason))" }
    if tolerance.absolute == 0 {
      return "\(scientific(tolerance.relative))·\(scale) (\(reason))"
    }
    let relative =
      tolerance.relative == 0 ? "" : " + \(scientific(tolerance.relative))·\(scale)"
    return "\(scientific(tolerance.absolute))\(relative) (\(reason))"
  }

  /// Element-wise functions: two correct formulas (1/(1+e^−x) and e^x/(1+e^x)) differ by
  /// a few units in Float's last place, ~1e-7 relative; every mistake we know of is off
  /// by 1e-2 or more, or NaN.
  static let floatRounding = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-6, relative: 1e-5),
    reason: "two correct formulas differ in Float's last digits")

  /// Comparisons and selections (ReLU and its family) involve no rounding at all.
  static let exact = NamedTolerance(
    tolerance: Tolerance(absolute: 0), reason: "a comparison and a product by 1 or α round nothing")

  /// Probabilities (softmax and its gradient): exp and a division round differently in
  /// another order, by ~1e-7 of the largest; a wrong softmax is off by 1e-2 or NaN.
  static let probabilities = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-6, relative: 1e-5),
    reason: "exp and a division round differently in another order", scale: "max|expected|")

  /// Sums of products (a dense layer, its gradients): Float rounding grows with the number
  /// of terms and the order of summation, ~1e-6 of the largest value for the sizes tested.
  static let sumsOfProducts = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-5, relative: 1e-4),
    reason: "sums of products round differently in another order", scale: "max|expected|")
}

/// One failed comparison inside a case: the values shown and an optional specific hint.
struct Mismatch {
  var yours: String
  var expected: String
  var tolerance: NamedTolerance
}

/// Whether `yours` is within `tolerance` of `expected`. Equal values pass (also two equal
/// infinities); NaN never passes.
func isClose(_ yours: Float, _ expected: Float, _ tolerance: NamedTolerance) -> Bool {
  if yours == expected { return true }
  if yours.isNaN || expected.isNaN || yours.isInfinite || expected.isInfinite { return false }
  let allowed = tolerance.tolerance.absolute + tolerance.tolerance.relative * Double(abs(expected))
  return Double(abs(yours - expected)) <= allowed
}

/// A Float the way failure messages show it: Swift's shortest exact form, `-1000.0`, `nan`.
func show(_ value: Float) -> String { value.isNaN ? "nan" : "\(value)" }  // not "-nan"

/// A value as text, cut short: a whole network's result is thousands of characters.
func brief<Value>(_ value: Value) -> String {
  let text = "\(value)"
  return text.count <= 200 ? text : String(text.prefix(197)) + "…"
}

/// Runs `yours` and `reference` on every case in order and stops at the first case that
/// disagrees: edge cases come first, so the counter-example is the simplest one.
///
/// - Parameters:
///   - describe: the call as text, `sigmoid(-1000.0)`.
///   - compare: `nil` when the outputs agree, else what to show.
///   - hint: a hint for this case and output, or `nil` for the exercise's general hint.
func checkCases<Input, Output>(
  _ exercise: Exercise, cases: [Input], describe: (Input) -> String,
  yours: (Input) throws -> Output, reference: (Input) -> Output,
  compare: (Output, Output) -> Mismatch?,
  hint: (Input, Output, Output) -> String? = { _, _, _ in nil }
) -> CheckOutcome {
  for input in cases {
    let expected = reference(input)
    let output: Output
    do {
      output = try yours(input)
    } catch let stub as NotWrittenYet {
      guard stub.functionName != exercise.functionName else { return .notWrittenYet }
      // Written, but it calls another exercise's untouched stub: name that one.
      let other = Exercise(rawValue: stub.functionName).map { " (\($0.path))" } ?? ""
      return .failed(
        CheckFailure(
          caseDescription: describe(input), yours: "threw NotWrittenYet from \(stub.function)",
          expected: brief(expected), tolerance: "-",
          hint: "\(exercise.functionName) calls \(stub.functionName), which is not written yet:"
            + " write it first\(other)"))
    } catch {
      return .failed(
        CheckFailure(
          caseDescription: describe(input), yours: "threw \(error)", expected: brief(expected),
          tolerance: "-", hint: "your function should return a value, never throw"))
    }
    if let mismatch = compare(output, expected) {
      return .failed(
        CheckFailure(
          caseDescription: describe(input), yours: mismatch.yours, expected: mismatch.expected,
          tolerance: mismatch.tolerance.description,
          hint: hint(input, output, expected) ?? exercise.hint))
    }
  }
  return .passed(cases: cases.count)
}
