/// What an untouched exercise stub throws, so its test fails with "not written yet — open
/// exercises/…" instead of crashing the whole test run.
///
///     func sigmoid(_ x: Float) throws -> Float {
///       // TODO: …
///       throw NotWrittenYet()
///     }
///
/// Replace the `throw` line with your code; your function then never throws.
public struct NotWrittenYet: Error, Sendable {
  /// The stub that threw, `denseForward(inputs:weights:bias:)`: when your `forward` calls
  /// a `denseForward` you have not written yet, the test says which one to write first.
  public let function: String

  /// The one error a stub throws; `function` is filled in by the compiler.
  public init(function: String = #function) {
    self.function = function
  }

  /// `denseForward`: the function's name without its argument labels.
  public var functionName: String {
    String(function.prefix { $0 != "(" })
  }
}
