import Foundation

/// Reads a pipe to its end on a thread of its own, so a child process that fills one pipe
/// while its parent waits on another cannot block: the course runner's checks and the
/// tests' runs of the built programs both read standard error this way.
///
///     let errors = PipeReader(pipe.fileHandleForReading)
///     process.waitUntilExit()
///     print(errors.text())
public final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  /// Starts reading `handle` until it closes.
  public init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything read, once the pipe has closed.
  public func text() -> String {
    done.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
