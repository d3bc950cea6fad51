import Foundation

/// Notices saved files by polling modification times: portable, and cheap for a folder of
/// a few dozen files (one `stat` each, a few times a second).
///
///     var watcher = FileChangeWatcher(folder: root.appendingPathComponent("exercises"))
///     watcher.changes()   // [] until a file is saved, then ["exercises/01-sigmoid/Sigmoid.swift"]
struct FileChangeWatcher {
  /// The folder watched, with everything below it.
  let folder: URL
  /// What the returned paths are relative to (the package).
  let root: URL
  private var seen: [String: Date]

  /// Starts watching `.swift` files under `folder`; paths are reported relative to `root`.
  init(folder: URL, relativeTo root: URL) {
    self.folder = folder
    self.root = root
    seen = [:]
    seen = snapshot()
  }

  /// The files added or modified since the last call, sorted; removed files are forgotten.
  mutating func changes() -> [String] {
    let now = snapshot()
    let changed = now.filter { path, date in seen[path] != date }.map(\.key).sorted()
    seen = now
    return changed
  }

  private func snapshot() -> [String: Date] {
    var dates: [String: Date] = [:]
    let prefix = folder.lastPathComponent
    for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
    where path.hasSuffix(".swift") {
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: folder.appendingPathComponent(path).path)
      if let date = attributes?[.modificationDate] as? Date { dates["\(prefix)/\(path)"] = date }
    }
    return dates
  }
}
