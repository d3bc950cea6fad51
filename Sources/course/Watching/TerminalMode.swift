import Foundation

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#endif

/// The terminal in the mode `course watch` needs: keys arrive one at a time without Enter
/// and are not echoed, the cursor is hidden. Whatever happens (`q`, Ctrl-C, a kill), the
/// saved settings and the cursor come back: `restore()` is called on the way out and from
/// the signal handlers.
///
/// Ctrl-C still sends SIGINT (ISIG stays on), so it also stops a build under way.
enum TerminalMode {
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var isRaw = false
  nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

  /// Whether standard input and output are both a terminal.
  static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  /// Keys without Enter, no echo, no cursor; SIGINT, SIGTERM and SIGHUP restore the
  /// terminal and end the program with the conventional status (128 + signal).
  static func enter() {
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    isRaw = true
    writeOut("\u{1B}[?25l")  // hide the cursor
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        restore()
        writeOut("\n")
        exit(128 + signalNumber)
      }
      source.resume()
      signalSources.append(source)
    }
  }

  /// The settings saved by `enter()` and the cursor back; safe to call twice.
  static func restore() {
    guard isRaw else { return }
    isRaw = false
    tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    writeOut("\u{1B}[?25h")  // show the cursor
  }

  /// The keys typed since the last call, waiting up to `milliseconds` for the first.
  static func readKeys(waitingUpTo milliseconds: Int32) -> [Character] {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return [] }
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(STDIN_FILENO, &buffer, buffer.count)
    guard count > 0 else { return [] }
    return String(decoding: buffer[..<count], as: UTF8.self).map { $0 }
  }

  /// Writes straight to standard output and flushes.
  static func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
