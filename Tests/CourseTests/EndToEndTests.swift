import Foundation
import Testing

@testable import course

/// The real thing, once: `course watch` in a pipe, in a copy of the package that it builds
/// itself (minutes on two cores), seeing a saved solution pass and moving on. Long, so it
/// runs only when asked: `COURSE_END_TO_END=1 swift test --disable-xctest --filter
/// EndToEnd`.
@Suite(
  "course watch end to end (COURSE_END_TO_END=1)",
  .enabled(if: ProcessInfo.processInfo.environment["COURSE_END_TO_END"] == "1"))
struct EndToEndTests {
  @Test(
    "a copy of the package: not written yet, then a saved solution passes", .timeLimit(.minutes(30))
  )
  func watchSeesASave() throws {
    let course = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("course")
    try #require(FileManager.default.isExecutableFile(atPath: course.path), "built: \(course.path)")
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    for item in ["Package.swift", "Sources", "Tests", "exercises"] {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
    }
    let log = copy.appendingPathComponent("watch.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = course
    process.arguments = ["watch"]
    process.currentDirectoryURL = copy
    process.environment = ProcessInfo.processInfo.environment.merging(["NEURALKIT_EXERCISES": ""]) {
      $1
    }
    process.standardOutput = try FileHandle(forWritingTo: log)
    process.standardError = process.standardOutput
    process.standardInput = FileHandle.nullDevice
    try process.run()
    defer {
      // SIGKILL: the test runner may leave SIGTERM ignored, which its children inherit.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }

    func waitFor(_ text: String, seconds: Double) throws -> String {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        if output.contains(text) { return output }
        Thread.sleep(forTimeInterval: 0.2)
      }
      let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      Issue.record("no '\(text)' after \(seconds) s; the watch printed:\n\(output)")
      return output
    }
    let first = try waitFor("Exercises: 0 of", seconds: 1500)
    #expect(
      first.contains("check: sigmoid: not written yet — open exercises/01-sigmoid/Sigmoid.swift"))
    let solution = try String(
      contentsOf: copy.appendingPathComponent("exercises/01-sigmoid/Solution/Sigmoid.swift"),
      encoding: .utf8)
    try solution.write(
      to: copy.appendingPathComponent("exercises/01-sigmoid/Sigmoid.swift"), atomically: true,
      encoding: .utf8)
    let after = try waitFor("done sigmoid — next:", seconds: 300)
    #expect(after.contains("saved exercises/01-sigmoid/Sigmoid.swift"))
    #expect(!after.contains("\u{1B}"), "no escape codes in a pipe")
  }
}
