import Foundation
import Testing

@testable import course

@Suite("course: reading Swift Testing's event stream")
struct TestEventStreamTests {
  static func exercise(_ name: String, _ suite: String, _ file: String) -> CourseExercise {
    CourseExercise(functionName: name, path: "exercises/\(file)", suite: suite)
  }

  /// One event line as `--event-stream-version 0` writes it (fields the runner ignores
  /// left out, but the shape kept: `\/` in strings, `isKnown` inside `issue`).
  static func event(
    _ kind: String, _ function: String, suite: String, messages: [(String, String)] = [],
    isKnown: Bool = false
  ) -> String {
    let id = "ExerciseTests.\(suite)\\/\(function)()\\/\(suite).swift:6:4"
    let texts = messages.map { symbol, text in
      "{\"symbol\":\"\(symbol)\",\"text\":\"\(text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "/", with: "\\/"))\"}"
    }.joined(separator: ",")
    let issue = kind == "issueRecorded" ? ",\"issue\":{\"isKnown\":\(isKnown)}" : ""
    return
      "{\"kind\":\"event\",\"payload\":{\"kind\":\"\(kind)\",\"messages\":[\(texts)]\(issue),\"testID\":\"\(id)\"},\"version\":0}"
  }

  static let sigmoid = exercise("sigmoid", "Lesson01SigmoidTests", "01-sigmoid/Sigmoid.swift")
  static let relu = exercise("relu", "Lesson02ReLUTests", "02-relu/ReLU.swift")
  static let dense = exercise(
    "denseForward", "Lesson03BackpropTests", "03-backprop/DenseForward.swift")
  static let softmax = exercise("softmax", "Lesson04SoftmaxTests", "04-softmax/Softmax.swift")
  static let missing = exercise(
    "denseBackward", "Lesson03BackpropTests", "03-backprop/DenseBackward.swift")

  static let stream = [
    #"{"kind":"test","payload":{"displayName":"sigmoid","id":"ExerciseTests.Lesson01SigmoidTests\/sigmoid()"},"version":0}"#,
    "not json at all",
    event("testStarted", "sigmoid", suite: "Lesson01SigmoidTests"),
    event(
      "issueRecorded", "sigmoid", suite: "Lesson01SigmoidTests",
      messages: [
        ("fail", "Issue recorded"),
        (
          "details",
          "sigmoid: not written yet — open exercises/01-sigmoid/Sigmoid.swift\n  run again  swift test --disable-xctest --filter Lesson01"
        ),
      ]),
    event("testEnded", "sigmoid", suite: "Lesson01SigmoidTests"),
    event("testStarted", "relu", suite: "Lesson02ReLUTests"),
    event(
      "issueRecorded", "relu", suite: "Lesson02ReLUTests",
      messages: [("fail", "another exercise crashed; its own test reports it")], isKnown: true),
    event("testEnded", "relu", suite: "Lesson02ReLUTests"),
    event("testStarted", "denseForward", suite: "Lesson03BackpropTests"),
    event(
      "issueRecorded", "denseForward", suite: "Lesson03BackpropTests",
      messages: [("fail", "Expectation failed: .success → .signal(SIGILL → 4)")]),
    event(
      "issueRecorded", "denseForward", suite: "Lesson03BackpropTests",
      messages: [
        ("fail", "Issue recorded"),
        (
          "details",
          "denseForward crashed or never returned — exercises/03-backprop/DenseForward.swift"
        ),
      ]),
    event("testEnded", "denseForward", suite: "Lesson03BackpropTests"),
    event("testStarted", "softmax", suite: "Lesson04SoftmaxTests"),
    event(
      "issueRecorded", "softmax", suite: "Lesson04SoftmaxTests",
      messages: [
        ("fail", "Issue recorded"),
        (
          "details",
          "softmax is not right yet — exercises/04-softmax/Softmax.swift\n  case       softmax([1000.0, 0.0])\n  yours      [nan, 0.0]"
        ),
      ]),
    event("testEnded", "softmax", suite: "Lesson04SoftmaxTests"),
  ].joined(separator: "\n")

  @Test("states and the checker's message, known issues ignored, unreported tests unknown")
  func states() {
    let parsed = TestEventStream(parsing: Self.stream)
    let sigmoid = parsed.result(for: Self.sigmoid)
    #expect(sigmoid.state == .notWrittenYet)
    #expect(
      sigmoid.message
        == "sigmoid: not written yet — open exercises/01-sigmoid/Sigmoid.swift\n  run again  swift test --disable-xctest --filter Lesson01"
    )
    #expect(parsed.result(for: Self.relu).state == .done)
    let dense = parsed.result(for: Self.dense)
    #expect(dense.state == .crashed)
    #expect(
      dense.message
        == "denseForward crashed or never returned — exercises/03-backprop/DenseForward.swift\nExpectation failed: .success → .signal(SIGILL → 4)"
    )
    let softmax = parsed.result(for: Self.softmax)
    #expect(softmax.state == .failing)
    #expect(
      softmax.message.contains("  case       softmax([1000.0, 0.0])\n  yours      [nan, 0.0]"))
    #expect(parsed.result(for: Self.missing).state == .unknown)
  }

  @Test("sigmoid's record is not sigmoidDerivative's")
  func exactTest() {
    let derivative = Self.exercise(
      "sigmoidDerivative", "Lesson01SigmoidTests", "01-sigmoid/SigmoidDerivative.swift")
    #expect(TestEventStream(parsing: Self.stream).result(for: derivative).state == .unknown)
  }
}
