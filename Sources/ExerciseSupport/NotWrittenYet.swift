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
  /// The one error a stub throws.
  public init() {}
}
