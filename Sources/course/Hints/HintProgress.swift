import Foundation

/// How many hints the learner has seen for each exercise, remembered between runs in a
/// small JSON file under `.build/` (never in `exercises/`, which is theirs and is built).
///
///     var progress = HintProgress.load(from: url)
///     progress.nextLevel(for: "sigmoid", available: 3)   // 1, then 2, then 3, then 3
///     try progress.save(to: url)
struct HintProgress: Codable, Equatable, Sendable {
  /// The last hint shown, by function name: 1 after the first.
  var shown: [String: Int] = [:]

  /// Where the runner keeps it: `.build/course/hints.json` under the package.
  static func defaultLocation(packageRoot: URL) -> URL {
    packageRoot.appendingPathComponent(".build/course/hints.json")
  }

  /// The saved progress, or none if there is no file (or it cannot be read).
  static func load(from url: URL) -> HintProgress {
    guard let data = try? Data(contentsOf: url),
      let progress = try? JSONDecoder().decode(HintProgress.self, from: data)
    else { return HintProgress() }
    return progress
  }

  /// Writes the progress, creating the folder.
  func save(to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: url, options: .atomic)
  }

  /// One level more for `function`, at most `available`: the level to show now (1-based).
  mutating func nextLevel(for function: String, available: Int) -> Int {
    let level = min((shown[function] ?? 0) + 1, max(available, 1))
    shown[function] = level
    return level
  }
}
