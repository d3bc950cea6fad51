import Foundation
import LessonSupport

/// What stopped the learner's network, in the words the exercise checkers use: the
/// function and its file, the call, yours against what was expected, a hint, and the
/// command to run.
///
///     denseForward returned the wrong shape — exercises/03-backprop/DenseForward.swift
///       case       denseForward(inputs: 2 × 3, weights: 3 × 2, bias: 2), before training
///       yours      3 × 2
///       expected   2 × 2 (one row per input row, one column per unit)
///       run        swift test --disable-xctest --filter Lesson03
public struct LearnerProblem: Codable, Equatable, Error, Sendable {
  /// What went wrong.
  public enum Kind: Codable, Equatable, Sendable {
    /// The stub still throws `NotWrittenYet`.
    case notWritten
    /// A result of the wrong shape (or count).
    case wrongShape
    /// NaN or an infinity where a number was due.
    case notFinite
    /// A number outside what it can be (an accuracy of 1.7).
    case outOfRange
    /// The learner's function threw an error of its own.
    case threw
    /// The process died by a signal while in the function (an index out of range, a trap).
    case crashed(signal: Int32, message: String?)
    /// The function did not return within `seconds`.
    case hung(seconds: Double)
    /// Not the learner's doing: the run could not start (the data would not load, say).
    case notRun(reason: String)
  }

  /// The learner's function at fault (or the last one entered).
  public var function: LearnerFunction
  /// What went wrong.
  public var kind: Kind
  /// The call: `denseForward(inputs: 2 × 3, weights: 3 × 2, bias: 2), before training`.
  public var call: String
  /// What the learner's code gave (empty when it gave nothing).
  public var yours: String = ""
  /// What it should have given.
  public var expected: String = ""
  /// A nudge.
  public var hint: String = ""

  /// A problem with `function`.
  public init(
    _ function: LearnerFunction, _ kind: Kind, call: String, yours: String = "",
    expected: String = "", hint: String = ""
  ) {
    self.function = function
    self.kind = kind
    self.call = call
    self.yours = yours
    self.expected = expected
    self.hint = hint
  }

  /// The headline: `denseForward: not written yet — open exercises/03-backprop/DenseForward.swift`.
  public var headline: String {
    let name = function.name
    switch kind {
    case .notWritten: return "\(name): not written yet — open \(function.path)"
    case .wrongShape: return "\(name) returned the wrong shape — \(function.path)"
    case .notFinite: return "\(name) returned NaN or infinity — \(function.path)"
    case .outOfRange: return "\(name) returned an impossible number — \(function.path)"
    case .threw: return "\(name) threw an error — \(function.path)"
    case .crashed: return "your code crashed in \(name) — \(function.path)"
    case .hung(let seconds):
      return "\(name) never returned (stopped after \(Int(seconds.rounded())) s) — \(function.path)"
    case .notRun(let reason): return "could not run your network: \(reason)"
    }
  }

  /// The whole message, one labelled line per fact.
  public var message: String {
    if case .notRun = kind { return headline }
    var lines = [headline]
    // `  label      text`, the text wrapped at 80 columns under itself.
    let indent = String(repeating: " ", count: 13)
    func add(_ label: String, _ text: String, wraps: Bool = true) {
      guard !text.isEmpty else { return }
      let label = "  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
      guard wraps else { return lines.append(label + text) }  // a command stays one line
      let body = wrapped(text, width: 80 - label.count).split(separator: "\n")
      lines.append(label + body.joined(separator: "\n" + indent))
    }
    add(kind == .notWritten ? "needed by" : "case", call)
    add("yours", yours)
    add("expected", expected)
    switch kind {
    case .crashed(let signal, let crashMessage):
      add("signal", signalName(signal))
      add("it said", crashMessage ?? "")
      if crashMessage == nil, signal == SIGILL || signal == SIGTRAP {
        // An optimised build traps at a failed check without a message.
        add(
          "likely", "a failed check: an index out of range, a nil force-unwrapped, an overflow")
      }
    default: break
    }
    if let callees = function.usuallyCalls, kind != .notWritten {
      add("or in", "a function it calls (\(callees)): their tests say which")
    }
    add("hint", hint)
    switch kind {
    case .notWritten:
      add("then test", function.checkCommand, wraps: false)
    case .crashed:
      add("run", function.checkCommand, wraps: false)
      add("see it", function.inProcessCommand, wraps: false)
      lines.append(indent + "(your code then runs in the test process: the crash shows its line)")
    case .hung:
      add("likely", "a loop whose condition never changes, or an index that never reaches its end")
      add("run", function.checkCommand, wraps: false)
      lines.append(indent + "(the checks stop an endless loop after 10 s and name the case)")
    default:
      add("run", function.checkCommand, wraps: false)
    }
    return lines.joined(separator: "\n")
  }
}

/// `SIGILL (4)`: the usual name of a signal number, for the crash message.
func signalName(_ signal: Int32) -> String {
  // The platform's own numbers: SIGBUS is 7 on Linux and 10 on macOS.
  let names: [Int32: String] = [
    SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
    SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGTERM: "SIGTERM",
  ]
  return names[signal].map { "\($0) (\(signal))" } ?? "signal \(signal)"
}

extension LearnerProblem {
  /// Prints on standard error that `program --engine yours` stopped, and why, then exits
  /// with status 1.
  public func stopProgram(_ program: String) -> Never {
    FileHandle.standardError.write(
      Data(
        "\n\(program) --engine yours stopped: your network cannot go on.\n\(message)\n".utf8))
    exit(1)
  }
}
