// The check every target of the package uses for programming errors.

/// Stops the program with `message` unless `condition` holds: for programming errors such
/// as multiplying matrices whose shapes do not fit.
///
/// Not `precondition`: the libraries are always compiled with `-O`, and optimised builds drop
/// a precondition's message, leaving only "Illegal instruction". `fatalError` always
/// prints it, so the learner sees `Matrix.product: (32 × 785) · (784 × 128): inner sizes
/// 785 and 784 differ`.
@inlinable @inline(__always)
public func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}
