import Foundation

/// A folder's `HINTS.md`: for each exercise function, graded hints, the first a nudge and
/// the last nearly the answer.
///
///     # Hints — exercises/01-sigmoid
///
///     ## sigmoid
///
///     1. Which half of the number line makes e^(−x) overflow?
///     2. For x < 0, multiply top and bottom by e^x.
///        Then nothing you compute exceeds 1.
///     3. `x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))`
///
/// An item may continue on indented lines; they join the item with line breaks kept.
struct HintsFile: Equatable, Sendable {
  /// The hints of each function, by the name after `## `, in the file's order.
  var sections: [String: [String]]

  /// Reads the text of a `HINTS.md`. Lines outside a `## ` section (the title, blank
  /// lines, prose between items) are ignored.
  init(parsing text: String) {
    var sections: [String: [String]] = [:]
    var current: String?
    for line in text.components(separatedBy: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("## ") {
        current = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
          .trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        sections[current!, default: []] = []
      } else if line.hasPrefix("#") {
        current = nil
      } else if let name = current {
        if let item = Self.numberedItem(line) {
          sections[name, default: []].append(item)
        } else if !trimmed.isEmpty, line.first == " " || line.first == "\t",
          let last = sections[name]?.indices.last
        {
          sections[name]![last] += "\n" + trimmed
        }
      }
    }
    self.sections = sections
  }

  /// `text` from `1. text` at the start of a line (not indented).
  private static func numberedItem(_ line: String) -> String? {
    let digits = line.prefix { $0.isNumber }
    guard !digits.isEmpty else { return nil }
    let rest = line.dropFirst(digits.count)
    guard rest.hasPrefix(". ") || rest == "." else { return nil }
    return rest.dropFirst().trimmingCharacters(in: .whitespaces)
  }
}
