/// `text` broken into lines of at most `width` characters at spaces, each line after the
/// first starting with `indent`: for verdicts and notes in 80-column output.
///
///     wrapped("one two three", width: 8)   // "one two\nthree"
///
/// A single word longer than the width stays whole on its own line.
public func wrapped(_ text: String, width: Int = 80, indent: String = "") -> String {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ", omittingEmptySubsequences: true) {
    let prefix = lines.isEmpty ? "" : indent
    if line.isEmpty {
      line = prefix + word
    } else if line.count + 1 + word.count <= width {
      line += " " + word
    } else {
      lines.append(line)
      line = indent + word
    }
  }
  if !line.isEmpty { lines.append(line) }
  return lines.joined(separator: "\n")
}
