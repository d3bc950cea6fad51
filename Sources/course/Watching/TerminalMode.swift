import Foundation

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#endif

/// The terminal in the mode `course watch` needs: keys arrive one at a time without Enter
/// and are not echoed, the cursor is hidden. Whatever happens (`q`, Ctrl-C, a kill), the
/// saved settings and the cursor come back: `restore()` is called on the way out, and a
/// signal handler does the same for SIGINT, SIGTERM and SIGHUP.
///
/// Ctrl-C still sends SIGINT (ISIG stays on), so it also stops a build under way: the
/// children keep the default action (a handler, unlike an ignored signal, is not inherited
/// by the programs the runner starts).
enum TerminalMode {
  nonisolated(unsafe) fileprivate static var saved = termios()
  nonisolated(unsafe) fileprivate static var isRaw = false

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
      signal(signalNumber, restoreAndExit)
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

/// The signal handler: only async-signal-safe calls (tcsetattr, write, _exit).
private func restoreAndExit(_ signalNumber: Int32) {
  if TerminalMode.isRaw { tcsetattr(STDIN_FILENO, TCSANOW, &TerminalMode.saved) }
  let showCursor: [UInt8] = Array("\u{1B}[?25h\n".utf8)
  _ = showCursor.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  _exit(128 + signalNumber)
}
