import Foundation
import LessonSupport

/// Runs a program to its end (or its time limit) and keeps what it printed, standard
/// output and standard error together in the order written.
///
///     let run = ChildProcess.run(["swift", "build"], in: root, timeLimit: 600)
///     run.status   // 0
///     run.timedOut // false
enum ChildProcess {
  /// What one run gave.
  struct Run: Sendable {
    /// The exit status (the signal number if a signal ended it).
    var status: Int32
    /// Standard output and standard error, interleaved.
    var output: String
    /// True when the time limit stopped it.
    var timedOut: Bool
  }

  /// Runs `command` (looked up on `PATH` by `/usr/bin/env`) in `folder`, with the runner's
  /// own environment plus `environment`. Past `timeLimit` seconds it is terminated.
  static func run(
    _ command: [String], in folder: URL, environment: [String: String] = [:],
    timeLimit: Double
  ) -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return Run(
        status: 127, output: "could not start \(command.joined(separator: " ")): \(error)",
        timedOut: false)
    }
    let reader = PipeReader(pipe.fileHandleForReading)
    let limit = LimitFlag()
    let stopper = DispatchWorkItem {
      guard process.isRunning else { return }
      limit.set()
      process.terminate()
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: stopper)
    process.waitUntilExit()
    stopper.cancel()
    return Run(status: process.terminationStatus, output: reader.text(), timedOut: limit.isSet)
  }
}

/// A flag set once from another thread.
private final class LimitFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}
