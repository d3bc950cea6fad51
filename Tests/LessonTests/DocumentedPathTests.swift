import Foundation
import TestSupport
import Testing

/// Every source file a Markdown page of the package names must exist: lessons, READMEs
/// and the exercises' guide send a learner to `Sources/…/….swift`, and a file that moved
/// leaves them a dead end.
@Suite("Documented paths")
struct DocumentedPathTests {
  @Test("every Sources/….swift or ….md path in the Markdown pages exists")
  func sourcePathsExist() throws {
    let pages = markdownPages()
    #expect(pages.contains("README.md") && pages.contains("Lessons/03-backprop.md"))
    var named = 0
    for page in pages {
      let text = try packageFile(page)
      for path in sourcePaths(in: text) {
        named += 1
        let exists = FileManager.default.fileExists(
          atPath: packageRoot.appendingPathComponent(path).path)
        #expect(exists, "\(page) names \(path), which does not exist")
      }
    }
    #expect(named > 20, "found only \(named) paths: is the pattern still right?")
  }

  @Test("the path pattern finds paths in prose, code spans and quote markers")
  func patternFindsPaths() {
    let text = """
      See `Sources/NeuralKit/Layers/Dense.swift`, and
      <!-- quote: Sources/NeuralKit/Loss/Softmax.swift#softmax --> or
      (Sources/Kernels/README.md). Not Sources/ alone.
      """
    #expect(
      sourcePaths(in: text) == [
        "Sources/NeuralKit/Layers/Dense.swift", "Sources/NeuralKit/Loss/Softmax.swift",
        "Sources/Kernels/README.md",
      ])
  }
}

/// The Markdown files of the package, by path from its root, leaving out build folders and
/// hidden ones.
func markdownPages() -> [String] {
  let root = packageRoot.path
  guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
  var pages: [String] = []
  for case let path as String in walker {
    let parts = path.split(separator: "/")
    if parts.contains(where: { $0.hasPrefix(".") }) { continue }
    if path.hasSuffix(".md") { pages.append(path) }
  }
  return pages.sorted()
}

/// The `Sources/….swift` and `Sources/….md` paths named in `text`, in order.
func sourcePaths(in text: String) -> [String] {
  let pattern = /Sources\/[A-Za-z0-9_.\/-]+?\.(swift|md)\b/
  return text.matches(of: pattern).map { String($0.output.0) }
}
