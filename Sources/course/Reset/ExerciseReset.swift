import Foundation

/// Puts an exercise folder's files back to their stubs, keeping the learner's version of
/// each changed file beside it: `Sigmoid.swift.bak-20261201-1402` (not a `.swift` file, so
/// it is not built; Package.swift excludes it, so SwiftPM does not warn).
///
/// The stubs come from git: the upstream version (`origin/HEAD`) when the clone has one,
/// else the last commit (`HEAD`). A folder that is not a git clone has no pristine copy to
/// take, and says so.
struct ExerciseReset {
  /// The package folder.
  var packageRoot: URL
  /// The folder to reset: `01-sigmoid`.
  var folder: String
  /// When the reset happens, for the backups' names.
  var now = Date()

  /// One file to put back.
  struct Change: Equatable {
    /// `exercises/01-sigmoid/Sigmoid.swift`.
    var path: String
    /// The stub's text.
    var stub: String
    /// Whether the learner's file exists (and so is backed up).
    var exists: Bool
  }

  /// Why a reset cannot happen.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The git revision the stubs are read from: `origin/HEAD`, else `HEAD`.
  func stubRevision() throws(Problem) -> String {
    let inside = git(["rev-parse", "--is-inside-work-tree"])
    guard inside.status == 0 else {
      throw Problem(
        description:
          "\(packageRoot.path) is not a git clone, so there is no pristine copy of the stubs"
          + " to take. Clone the course again (git clone …) and copy your files over, or undo"
          + " your edits by hand.")
    }
    for revision in ["origin/HEAD", "HEAD"]
    where git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]).status == 0 {
      return revision
    }
    throw Problem(description: "this git clone has no commit to take the stubs from")
  }

  /// The learner files of the folder that differ from the stubs at `revision`.
  func changes(from revision: String) throws(Problem) -> [Change] {
    let listing = git(["ls-tree", "--name-only", revision, "./exercises/\(folder)/"])
    let names = listing.output.split(separator: "\n").map(String.init)
      .filter { $0.hasSuffix(".swift") }
    guard listing.status == 0, !names.isEmpty else {
      throw Problem(description: "\(revision) has no exercise files in exercises/\(folder)/")
    }
    var changes: [Change] = []
    for name in names {
      let path = "exercises/\(folder)/\(name.split(separator: "/").last ?? "")"
      let stub = git(["show", "\(revision):./\(path)"])
      guard stub.status == 0 else { continue }
      let url = packageRoot.appendingPathComponent(path)
      let current = try? String(contentsOf: url, encoding: .utf8)
      if current != stub.output {
        changes.append(Change(path: path, stub: stub.output, exists: current != nil))
      }
    }
    return changes
  }

  /// The backup's path for `path`: `….swift.bak-20261201-1402`, with `-2`, `-3` … if that
  /// name is taken.
  func backupPath(for path: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmm"
    let base = "\(path).bak-\(formatter.string(from: now))"
    var candidate = base
    var number = 2
    while FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(candidate).path)
    {
      candidate = "\(base)-\(number)"
      number += 1
    }
    return candidate
  }

  /// Backs up each changed file, then writes its stub. Returns `(file, backup)` pairs
  /// (backup nil for a file that was missing).
  func apply(_ changes: [Change]) throws -> [(path: String, backup: String?)] {
    var done: [(path: String, backup: String?)] = []
    for change in changes {
      let url = packageRoot.appendingPathComponent(change.path)
      var backup: String?
      if change.exists {
        let path = backupPath(for: change.path)
        try FileManager.default.copyItem(at: url, to: packageRoot.appendingPathComponent(path))
        backup = path
      }
      try Data(change.stub.utf8).write(to: url, options: .atomic)
      done.append((change.path, backup))
    }
    return done
  }

  private func git(_ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = packageRoot
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return (127, "") }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
