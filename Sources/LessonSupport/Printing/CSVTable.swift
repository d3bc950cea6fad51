/// Comma-separated values: a header row and data rows, quoted only where needed.
///
///     CSVTable(header: ["epoch", "loss"], rows: [["1", "0.2563"]]).text
///     // epoch,loss
///     // 1,0.2563
public struct CSVTable: Sendable {
  /// The column names.
  public var header: [String]
  /// The cells, one array per row.
  public var rows: [[String]]

  /// A table of already formatted cells.
  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  /// The file's text, ending with a newline.
  public var text: String {
    ([header] + rows).map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }

  static func quote(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
