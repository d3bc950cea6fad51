import Foundation

/// Other programs keeping cores busy, for measuring how training copes with a machine
/// that is not idle (a learner's laptop never is).
///
///     let load = try BusyLoad(processes: 1)   // one core now busy
///     …                                       // measure
///     load.stop()                             // also done when `load` goes away
///
/// Each load is a separate process, `/bin/sh` looping on the shell's built-in `kill -0`:
/// the operating system schedules it like any other program. The loop checks that this
/// program is still alive, so a load never outlives it, even after a crash.
public final class BusyLoad: @unchecked Sendable {
  /// The process ids of the loads while they run.
  public let processIdentifiers: [Int32]
  private let processes: [Process]

  /// Starts `processes` busy loops.
  public init(processes count: Int = 1) throws {
    let parent = ProcessInfo.processInfo.processIdentifier
    var started: [Process] = []
    for _ in 0..<count {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "while kill -0 \(parent) 2>/dev/null; do :; done"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      do {
        try process.run()
      } catch {
        for running in started { Self.end(running) }
        throw error
      }
      started.append(process)
    }
    processes = started
    processIdentifiers = started.map(\.processIdentifier)
  }

  /// True while any load is running.
  public var isRunning: Bool { processes.contains(where: \.isRunning) }

  /// Ends every load and waits until each has exited. Calling it again does nothing.
  public func stop() {
    for process in processes { Self.end(process) }
  }

  /// SIGKILL, not `terminate()`'s SIGTERM: a shell started from a test runner was seen to
  /// ignore SIGTERM (it inherits ignored signals), and kept its core busy.
  private static func end(_ process: Process) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }
}
