import Foundation

/// Reads what Swift Testing writes with `--event-stream-output-path FILE
/// --event-stream-version 0`: one JSON object per line. The runner needs three kinds of
/// record: a test started, an issue was recorded (with its messages, the checker's text
/// among them), a test ended.
///
///     {"kind":"event","payload":{"kind":"issueRecorded","testID":"ExerciseTests.Lesson01
///      SigmoidTests/sigmoid()/Lesson01SigmoidTests.swift:9:4","issue":{"isKnown":false,…},
///      "messages":[{"symbol":"fail","text":"…"},{"symbol":"details","text":"…"}],…},…}
struct TestEventStream: Sendable {
  /// What was seen of one test.
  struct TestRecord: Equatable, Sendable {
    var started = false
    var ended = false
    /// The text of every issue that was not a known one, in order.
    var issues: [String] = []
  }

  /// Records by test ID as the stream writes it (with its source location).
  var tests: [String: TestRecord] = [:]

  /// Reads the stream's text; lines that are not JSON events are skipped.
  init(parsing text: String) {
    for line in text.split(separator: "\n") {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
        let record = object as? [String: Any], record["kind"] as? String == "event",
        let payload = record["payload"] as? [String: Any],
        let kind = payload["kind"] as? String, let testID = payload["testID"] as? String
      else { continue }
      switch kind {
      case "testStarted": tests[testID, default: TestRecord()].started = true
      case "testEnded": tests[testID, default: TestRecord()].ended = true
      case "issueRecorded":
        let issue = payload["issue"] as? [String: Any]
        if issue?["isKnown"] as? Bool == true { continue }
        // `Issue recorded` (the fail line of `Issue.record`) says nothing; the details
        // are the checker's message. An expectation's fail line says what failed.
        let messages = (payload["messages"] as? [[String: Any]] ?? []).compactMap {
          $0["text"] as? String
        }.filter { $0 != "Issue recorded" }
        tests[testID, default: TestRecord()].issues.append(messages.joined(separator: "\n"))
      default: continue
      }
    }
  }

  /// What the stream says about `exercise`'s test.
  func result(for exercise: CourseExercise) -> ExerciseResult {
    let key = "\(exercise.suite)/\(exercise.functionName)()"
    let records = tests.filter { id, _ in
      id.hasSuffix(key) || id.contains(key + "/") || id.hasPrefix(key)
        || id.contains("." + key)
    }.map(\.value)
    guard let record = records.first, record.started else {
      return ExerciseResult(exercise: exercise, state: .unknown, message: "")
    }
    if record.issues.isEmpty {
      return ExerciseResult(
        exercise: exercise, state: record.ended ? .done : .unknown, message: "")
    }
    return Self.classify(record.issues, for: exercise)
  }

  /// The state an exercise's issues show, and the message to print: the checker's
  /// message, then any other issue (an exit test's `Expectation failed: … → .signal(…)`).
  static func classify(_ issues: [String], for exercise: CourseExercise) -> ExerciseResult {
    // The checker's message first: an exit test's `Expectation failed` comes before it.
    let ordered =
      issues.filter { !$0.hasPrefix("Expectation failed") }
      + issues.filter { $0.hasPrefix("Expectation failed") }
    let text = ordered.joined(separator: "\n")
    let state: ExerciseState
    if text.contains("crashed or never returned") {
      state = .crashed
    } else if text.contains("not written yet") {
      state = .notWrittenYet
    } else {
      state = .failing
    }
    return ExerciseResult(exercise: exercise, state: state, message: text)
  }
}
