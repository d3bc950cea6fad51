import Foundation

/// The parent's side: runs the learner's network in a child process (this same program,
/// started again with the job in its environment) and watches it. The child says which
/// learner function it is about to call and how long that may take; if it dies by a
/// signal, or a call outlives its time, the session stops it and names the function, so
/// the learner never sees a backtrace first.
///
///     let session = LearnerSession(job: job)
///     if let problem = session.waitUntilReady() { … }        // every function probed
///     // … train NeuralKit meanwhile …
///     let problem = session.train { event in … }             // epochs as they end
public final class LearnerSession {
  /// What the learner's training reports as it goes.
  public enum Event: Sendable {
    /// An epoch of one run ended.
    case epoch(LearnerEpoch)
    /// A run ended; with lesson 06's job, its loss and accuracy on the training set.
    case runFinished(run: Int, trainLoss: Float?, trainAccuracy: Double?)
  }

  private let process = Process()
  private let input = Pipe()
  private let lines = LineQueue()
  private let errors = ErrorText()
  private var current: (function: LearnerFunction, call: String, deadline: Date, allowed: Double)?
  private var printedLines = 0
  private var finished: LearnerProblem??

  /// Lines of the learner's own printing shown, at most.
  static let printedLinesShown = 20

  /// Starts the child on `job`. A program that can be a child calls
  /// `LearnerSession.runChildIfAsked()` first thing in `main`.
  public init(job: LearnerJob) {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    process.executableURL = executable
    process.arguments = []
    var environment = ProcessInfo.processInfo.environment
    environment[LearnerChild.variable] = String(
      decoding: (try? JSONEncoder().encode(job)) ?? Data(), as: UTF8.self)
    // A crash then prints its one-line message, not a backtrace (which also takes seconds).
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    // Writing to a child that has died must fail, not kill this process.
    signal(SIGPIPE, SIG_IGN)
    let output = Pipe()
    let errorPipe = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errorPipe
    do {
      try process.run()
      lines.read(output.fileHandleForReading)
      errors.read(errorPipe.fileHandleForReading)
    } catch {
      finished = .some(
        LearnerProblem(
          .trainEpoch, .notRun(reason: "cannot start \(executable.path) again: \(error)"),
          call: ""))
    }
  }

  /// In a lesson program's `main`, before anything else: if this process is the child,
  /// trains the job it was given and exits.
  public static func runChildIfAsked() {
    LearnerChild.runIfAsked(environment: ProcessInfo.processInfo.environment)
  }

  /// Waits until the child has probed every learner function and timed a short epoch;
  /// nil when all is well, else the problem (the child has then ended).
  public func waitUntilReady() -> LearnerProblem? {
    while true {
      switch next() {
      case .message(.ready): return nil
      case .message(.problem(let problem)): return stop(problem)
      case .message(.failed(let reason)): return stop(notRun(reason))
      case .message: continue
      case .ended(let problem): return problem
      }
    }
  }

  /// Lets the child train and passes each event to `observe`; nil when every run ended
  /// well, else the problem.
  public func train(_ observe: (Event) -> Void) -> LearnerProblem? {
    // A child that has died makes this write fail (SIGPIPE is ignored: see `init`); its
    // end is then read below.
    try? input.fileHandleForWriting.write(contentsOf: Data("go\n".utf8))
    while true {
      switch next() {
      case .message(.epoch(let epoch)): observe(.epoch(epoch))
      case .message(.runFinished(let run, let loss, let accuracy)):
        observe(.runFinished(run: run, trainLoss: loss, trainAccuracy: accuracy))
      case .message(.done):
        process.waitUntilExit()
        return nil
      case .message(.problem(let problem)): return stop(problem)
      case .message(.failed(let reason)): return stop(notRun(reason))
      case .message: continue
      case .ended(let problem): return problem
      }
    }
  }

  /// A problem that is not the learner's: the run could not go on.
  private func notRun(_ reason: String) -> LearnerProblem {
    LearnerProblem(current?.function ?? .trainEpoch, .notRun(reason: reason), call: "")
  }

  /// Stops the child (if it still runs) and returns `problem`.
  private func stop(_ problem: LearnerProblem) -> LearnerProblem {
    if process.isRunning {
      process.terminate()
      let patience = Date().addingTimeInterval(2)
      while process.isRunning && Date() < patience { usleep(20_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    finished = .some(problem)
    return problem
  }

  private enum Next {
    case message(ChildMessage)
    /// The child ended (or was stopped): the problem, nil if it ended well.
    case ended(LearnerProblem?)
  }

  /// The next message from the child, or how it ended.
  private func next() -> Next {
    if let finished { return .ended(finished) }
    while true {
      let deadline = current?.deadline ?? Date().addingTimeInterval(3_600)
      switch lines.next(before: deadline) {
      case .line(let line):
        if let message = ChildMessage(line: line[...]) {
          switch message {
          case .calling(let function, let call, let allowed):
            current = (function, call, Date().addingTimeInterval(allowed), allowed)
          case .ready, .epoch, .runFinished:
            // The call returned: no clock runs while the parent trains NeuralKit's network,
            // however long that takes.
            current = nil
          case .problem, .failed, .done: break
          }
          return .message(message)
        }
        relayPrinted(line)
      case .timedOut:
        guard let current else { continue }
        return .ended(
          stop(
            LearnerProblem(current.function, .hung(seconds: current.allowed), call: current.call)))
      case .closed:
        process.waitUntilExit()
        return .ended(ended())
      }
    }
  }

  /// The problem of a child whose output closed without "done".
  private func ended() -> LearnerProblem? {
    guard let (function, call, _, _) = current else {
      // Outside every learner call: not the learner's doing.
      let problem = notRun(
        "the child process ended between calls (status \(process.terminationStatus))")
      finished = .some(problem)
      return problem
    }
    let problem: LearnerProblem
    if process.terminationReason == .uncaughtSignal {
      problem = LearnerProblem(
        function, .crashed(signal: process.terminationStatus, message: errors.crashLine()),
        call: call)
    } else {
      problem = LearnerProblem(
        function,
        .crashed(
          signal: 0, message: errors.crashLine() ?? "exit status \(process.terminationStatus)"),
        call: call)
    }
    finished = .some(problem)
    return problem
  }

  /// Shows a line the learner's code printed, under a heading, the first 20 only.
  private func relayPrinted(_ line: String) {
    printedLines += 1
    if printedLines == 1 { print("your code printed:") }
    if printedLines <= Self.printedLinesShown {
      print("│ \(line)")
    } else if printedLines == Self.printedLinesShown + 1 {
      print("│ … (the rest is not shown)")
    }
  }
}

/// Lines read from a pipe on a thread of their own, waited for with a deadline.
private final class LineQueue: @unchecked Sendable {
  enum Item {
    case line(String)
    case timedOut
    case closed
  }

  private let lock = NSLock()
  private var pending: [String] = []
  private var isClosed = false
  private let signal = DispatchSemaphore(value: 0)

  func read(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      var buffer = Data()
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        buffer.append(chunk)
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
          buffer.removeSubrange(buffer.startIndex...newline)
          lock.withLock { pending.append(line) }
          signal.signal()
        }
      }
      lock.withLock {
        if !buffer.isEmpty { pending.append(String(decoding: buffer, as: UTF8.self)) }
        isClosed = true
      }
      signal.signal()
    }
  }

  func next(before deadline: Date) -> Item {
    while true {
      let item: Item? = lock.withLock {
        if !pending.isEmpty { return .line(pending.removeFirst()) }
        return isClosed ? .closed : nil
      }
      if let item { return item }
      let seconds = max(0, deadline.timeIntervalSinceNow)
      if signal.wait(timeout: .now() + seconds) == .timedOut { return .timedOut }
    }
  }
}

/// Standard error of the child, read to its end on a thread of its own.
private final class ErrorText: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func read(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock { data.append(chunk) }
      }
    }
  }

  /// The runtime's one line about the crash: `…: Fatal error: Index out of range`.
  func crashLine() -> String? {
    usleep(100_000)  // the last bytes may still be on their way
    let text = lock.withLock { String(decoding: data, as: UTF8.self) }
    let line = text.split(separator: "\n").first { line in
      [
        "Fatal error", "fatal error", "Precondition failed", "Assertion failed",
        "Illegal instruction",
      ]
      .contains { line.contains($0) }
    }
    return line.map { String($0.trimmingCharacters(in: .whitespaces)) }
  }
}

extension LearnerSession {
  /// Starts `job` and waits until every learner function has answered a first call,
  /// saying so on standard output (each line after `indent`); a problem stops the program
  /// (`LearnerProblem.stopProgram`). What a lesson's `--engine yours` does first.
  public static func startedOrExit(
    _ job: LearnerJob, program: String, indent: String = ""
  ) -> LearnerSession {
    print("\(indent)checking that each of your functions answers a first call …")
    fflush(nil)
    let session = LearnerSession(job: job)
    if let problem = session.waitUntilReady() { problem.stopProgram(program) }
    return session
  }
}
