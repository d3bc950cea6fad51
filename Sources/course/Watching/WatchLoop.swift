import Foundation

/// `course watch` on a real terminal or pipe: starts the session, then polls the
/// exercise files (every 0.3 s) and the keyboard until `q`, Ctrl-C or the end of input.
enum WatchLoop {
  /// Runs until the learner quits; returns the exit status.
  static func run(session: WatchSession, packageRoot: URL, interactive: Bool) -> Int32 {
    if interactive { TerminalMode.enter() }
    defer { if interactive { TerminalMode.restore() } }
    session.start()
    var watcher = FileChangeWatcher(
      folder: packageRoot.appendingPathComponent("exercises"), relativeTo: packageRoot)
    while true {
      let keys: [Character] = interactive ? TerminalMode.readKeys(waitingUpTo: 300) : []
      if !interactive { usleep(300_000) }
      for key in keys {
        if key == "q" || key == "Q" || key == "\u{03}" || key == "\u{04}" {
          if interactive { TerminalMode.writeOut("\n") }
          return 0
        }
        session.key(key)
      }
      var changed = watcher.changes()
      if !changed.isEmpty {
        // An editor may write in several steps: let them settle, take them together.
        usleep(100_000)
        changed = Array(Set(changed + watcher.changes())).sorted()
        session.filesSaved(changed)
      }
    }
  }
}
