import Kernels

/// A fixed-width table: a header row, a rule, and rows whose cells are right-aligned, so
/// numbers line up by their last digit.
///
///     TextTable(headers: ["x", "σ(x)"], rows: [["0", "0.5000"], ["-10", "0.0000"]]).text
///     //   x    σ(x)
///     // ---  ------
///     //   0  0.5000
///     // -10  0.0000
///
/// Widths count characters, so `σ′(x)` is five wide, as a terminal shows it.
public struct TextTable: Sendable {
  /// The column titles.
  public var headers: [String]
  /// The cells, one array per row, as many as there are headers.
  public var rows: [[String]]
  /// Spaces before each line.
  public var indent: Int

  /// A table of already formatted cells.
  public init(headers: [String], rows: [[String]], indent: Int = 2) {
    for row in rows {
      require(
        row.count == headers.count,
        "TextTable: a row of \(row.count) cells under \(headers.count) headers")
    }
    self.headers = headers
    self.rows = rows
    self.indent = indent
  }

  /// The table as lines joined by newlines, no trailing newline.
  public var text: String {
    let widths = headers.indices.map { column in
      ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    let margin = String(repeating: " ", count: indent)
    func line(_ cells: [String]) -> String {
      margin
        + cells.indices.map { column in
          String(repeating: " ", count: widths[column] - cells[column].count) + cells[column]
        }.joined(separator: "  ")
    }
    let rule = margin + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
  }
}
