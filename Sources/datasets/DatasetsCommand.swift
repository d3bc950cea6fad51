import Foundation
import LessonSupport
import MNISTData

/// `swift run datasets`: where MNIST and Fashion-MNIST come from, fetching what is
/// missing and checking every file; `--show` draws images, `--benchmark` measures.
@main
struct DatasetsCommand {
  static func main() {
    let options = DatasetsOptions.parser.parseOrExit()
    let environment = ProcessInfo.processInfo.environment
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let style = Style(color: !options.plain && !noColor && isatty(STDOUT_FILENO) == 1)
    let locator = DataLocator(
      dataDirectory: options.dataDirectory, environment: environment,
      allowDownload: !options.offline)
    switch options.mode {
    case .check:
      exit(DatasetCheck(locator: locator, style: style).run())
    case .show(let name):
      exit(ImageShow(locator: locator, style: style, count: options.count).run(name))
    case .benchmark:
      exit(DataBenchmark(directory: options.dataDirectory ?? ".", runs: options.runs).run())
    }
  }
}

/// Colour for a terminal, plain text otherwise; meaning never rests on colour alone
/// (every line also has ✓ or ✗).
struct Style {
  let color: Bool

  func good(_ text: String) -> String { wrap(text, "32") }
  func bad(_ text: String) -> String { wrap(text, "31") }
  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }

  private func wrap(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
