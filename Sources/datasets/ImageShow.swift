import Foundation
import LessonSupport
import MNISTData

/// `--show NAME`: the first test images of a data set, drawn with half blocks, each with
/// its label and class name, as many side by side as the terminal is wide.
struct ImageShow {
  let locator: DataLocator
  let style: Style
  let count: Int

  /// Columns between two images.
  static let gap = 2

  /// Prints the images; returns the exit status.
  func run(_ name: String) -> Int32 {
    guard let kind = DatasetKind(argument: name) else { return 2 }
    let located: LocatedDataset
    do {
      located = try locator.locate(kind)
    } catch {
      print(style.bad("error: \(error)"))
      return 1
    }
    if let banner = located.banner { print(banner) }
    print(located.summary)
    let test = located.dataset.test
    let width = test.imageColumns + Self.gap
    let perRow = max(1, (terminalWidth() + Self.gap) / width)
    let shown = Array(0..<min(count, test.count))
    for start in stride(from: 0, to: shown.count, by: perRow) {
      let indices = shown[start..<min(start + perRow, shown.count)]
      let pictures = indices.map {
        HalfBlockImage.lines(
          pixels: test.image($0), rows: test.imageRows, columns: test.imageColumns,
          color: style.color)
      }
      print()
      for line in 0..<pictures[0].count {
        print(pictures.map { $0[line] }.joined(separator: String(repeating: " ", count: Self.gap)))
      }
      let captions = indices.map { index -> String in
        let label = test.label(index)
        let name = located.dataset.classNames[label]
        let caption = name == String(label) ? "#\(index)  \(label)" : "#\(index)  \(label) \(name)"
        let text = String(caption.prefix(test.imageColumns))
        return text + String(repeating: " ", count: test.imageColumns - text.count)
      }
      print(captions.joined(separator: String(repeating: " ", count: Self.gap)))
    }
    return 0
  }

  /// The terminal's width in columns: asked of the terminal, else `$COLUMNS`, else 80.
  private func terminalWidth() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
  }
}
