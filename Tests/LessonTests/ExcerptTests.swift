import Foundation
import TestSupport
import Testing

/// Every code excerpt a lesson quotes from the sources must match the marked region it
/// names, so the text and the code cannot drift. In the Markdown:
///
///     <!-- quote: Sources/NeuralKit/Activations/Sigmoid.swift#sigmoid -->
///     ```swift
///     …
///     ```
///
/// and in the source, the region between `// lesson: sigmoid` and `// end lesson`.
@Suite("Lesson excerpts")
struct ExcerptTests {
  @Test("every quoted excerpt matches its source region", arguments: quotingLessons)
  func excerptsMatchSources(_ lesson: String) throws {
    let text = try packageFile(lesson)
    let quotes = text.components(separatedBy: "<!-- quote: ").dropFirst()
    #expect(!quotes.isEmpty, "\(lesson) quotes no code")
    for quote in quotes {
      let reference = String(quote.prefix { $0 != " " })
      let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
      try #require(parts.count == 2, "\(lesson): a quote needs path#region, got \(reference)")
      let shown = try #require(
        fencedBlock(after: "<!-- quote: \(reference) -->", in: text),
        "\(lesson): no block after \(reference)")
      let region = try #require(
        try markedRegion(parts[1], in: packageFile(parts[0])),
        "\(parts[0]) has no region // lesson: \(parts[1])")
      expectSameLines(shown, region, what: reference, against: lesson)
    }
  }

  @Test("marked regions open and close in pairs")
  func regionsArePaired() throws {
    let sources = FileManager.default.enumerator(
      atPath: packageRoot.appendingPathComponent("Sources").path)!
    for case let path as String in sources where path.hasSuffix(".swift") {
      let text = try packageFile("Sources/" + path)
      let opens = text.components(separatedBy: "// lesson: ").count - 1
      let closes = text.components(separatedBy: "// end lesson").count - 1
      #expect(opens == closes, "Sources/\(path): \(opens) // lesson: and \(closes) // end lesson")
    }
  }
}

/// The lines between `// lesson: name` and the next `// end lesson`, de-indented by the
/// opening marker's indentation, ending with a newline.
func markedRegion(_ name: String, in source: String) -> String? {
  let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
  guard
    let start = lines.firstIndex(where: {
      $0.trimmingCharacters(in: .whitespaces) == "// lesson: \(name)"
    })
  else { return nil }
  let indent = lines[start].prefix { $0 == " " }.count
  var region: [Substring] = []
  for line in lines[(start + 1)...] {
    if line.trimmingCharacters(in: .whitespaces) == "// end lesson" {
      return region.map { $0.dropFirst(min(indent, $0.prefix { $0 == " " }.count)) }
        .joined(separator: "\n") + "\n"
    }
    region.append(line)
  }
  return nil
}
