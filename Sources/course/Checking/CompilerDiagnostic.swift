import Foundation

/// One error from the compiler's output, with the source lines it quotes, so the runner
/// can show the learner's own mistake first: the file, the line, the message.
///
///     exercises/01-sigmoid/Sigmoid.swift:14:12: error: cannot find 'ex' in scope
///     12 |   if x >= 0 { return 1 / (1 + exp(-x)) }
///     14 |   return ex / (1 + ex)
///        |          `- error: cannot find 'ex' in scope
struct CompilerDiagnostic: Equatable, Sendable {
  /// The file, relative to the package when it is inside it.
  var path: String
  /// 1-based line number.
  var line: Int
  /// 1-based column.
  var column: Int
  /// The message after `error: `.
  var message: String
  /// The source excerpt the compiler printed under the error line, if any.
  var excerpt: [String]

  /// Whether the error is in a learner's file (or a solution) under `exercises/`.
  var isInExercises: Bool { path.hasPrefix("exercises/") }

  /// `path:line:column: error: message` and the excerpt.
  var text: String {
    (["\(path):\(line):\(column): error: \(message)"] + excerpt).joined(separator: "\n")
  }

  /// Every distinct error in a build's output, errors in `exercises/` first, each group in
  /// the order the compiler gave them. Paths are made relative to `packageRoot`.
  static func errors(inBuildOutput output: String, packageRoot: String) -> [CompilerDiagnostic] {
    var found: [CompilerDiagnostic] = []
    var current: CompilerDiagnostic?
    let root = packageRoot.hasSuffix("/") ? packageRoot : packageRoot + "/"
    for line in output.components(separatedBy: "\n") {
      if let diagnostic = parseErrorLine(line, root: root) {
        if let done = current { found.append(done) }
        current = diagnostic
      } else if current != nil, isExcerptLine(line) {
        current!.excerpt.append(line)
      } else if let done = current {
        found.append(done)
        current = nil
      }
    }
    if let done = current { found.append(done) }
    var seen = Set<String>()
    let unique = found.filter {
      seen.insert("\($0.path):\($0.line):\($0.column):\($0.message)").inserted
    }
    return unique.filter(\.isInExercises) + unique.filter { !$0.isInExercises }
  }

  /// `/abs/path/File.swift:12:5: error: message`, or nil for any other line.
  private static func parseErrorLine(_ line: String, root: String) -> CompilerDiagnostic? {
    guard let marker = line.range(of: ": error: ") else { return nil }
    let location = line[..<marker.lowerBound].split(
      separator: ":", omittingEmptySubsequences: false)
    guard location.count >= 3, let lineNumber = Int(location[location.count - 2]),
      let column = Int(location[location.count - 1])
    else { return nil }
    var path = location.dropLast(2).joined(separator: ":")
    if path.hasPrefix(root) { path = String(path.dropFirst(root.count)) }
    return CompilerDiagnostic(
      path: path, line: lineNumber, column: column,
      message: String(line[marker.upperBound...]), excerpt: [])
  }

  /// A line of the excerpt Swift prints under a diagnostic: `12 | code`, `   | `- error`.
  private static func isExcerptLine(_ line: String) -> Bool {
    let beforeBar = line.prefix { $0 != "|" }
    return beforeBar.count < line.count && beforeBar.allSatisfy { $0 == " " || $0.isNumber }
  }
}
