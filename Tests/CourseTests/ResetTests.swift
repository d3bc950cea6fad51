import Foundation
import Testing

@testable import course

@Suite("course reset: stubs from git, the learner's version kept")
struct ResetTests {
  static let stub =
    "public func sigmoid(_ x: Float) throws -> Float {\n  // TODO: yours\n  throw NotWrittenYet()\n}\n"
  static let mine = "public func sigmoid(_ x: Float) throws -> Float { 1 / (1 + exp(-x)) }\n"

  /// A git clone holding the stub, committed, then the learner's edit on top.
  static func clone() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-reset-\(UUID().uuidString)")
    let exercise = folder.appendingPathComponent("exercises/01-sigmoid")
    try FileManager.default.createDirectory(at: exercise, withIntermediateDirectories: true)
    try stub.write(
      to: exercise.appendingPathComponent("Sigmoid.swift"), atomically: true, encoding: .utf8)
    for arguments in [
      ["init", "-q"], ["add", "."],
      ["-c", "user.name=course", "-c", "user.email=course@example.com", "commit", "-qm", "stub"],
    ] {
      let run = ChildProcess.run(["git"] + arguments, in: folder, timeLimit: 60)
      try #require(run.status == 0, "git \(arguments): \(run.output)")
    }
    try mine.write(
      to: exercise.appendingPathComponent("Sigmoid.swift"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test("the stub comes back and the learner's file is kept beside it, never overwritten")
  func keepsBackup() throws {
    let folder = try Self.clone()
    defer { try? FileManager.default.removeItem(at: folder) }
    let now = Date(timeIntervalSince1970: 1_796_133_720)  // 2026-12-01 14:02 UTC
    var reset = ExerciseReset(packageRoot: folder, folder: "01-sigmoid", now: now)
    let revision = try reset.stubRevision()
    #expect(revision == "HEAD", "no origin: the last commit")
    let changes = try reset.changes(from: revision)
    #expect(changes.map(\.path) == ["exercises/01-sigmoid/Sigmoid.swift"])
    let done = try reset.apply(changes)
    let file = folder.appendingPathComponent("exercises/01-sigmoid/Sigmoid.swift")
    #expect(try String(contentsOf: file, encoding: .utf8) == Self.stub)
    let backup = try #require(done.first?.backup)
    #expect(backup.hasPrefix("exercises/01-sigmoid/Sigmoid.swift.bak-2026120"))
    #expect(!backup.hasSuffix(".swift"), "a backup is never built")
    #expect(
      try String(contentsOf: folder.appendingPathComponent(backup), encoding: .utf8) == Self.mine)
    #expect(try reset.changes(from: revision).isEmpty, "nothing left to reset")

    // A second reset in the same minute keeps both backups.
    try Self.mine.write(to: file, atomically: true, encoding: .utf8)
    reset.now = now
    let again = try reset.apply(try reset.changes(from: revision))
    #expect(again.first?.backup == backup + "-2")
  }

  @Test("a folder that is not a git clone says so")
  func notAClone() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-reset-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let reset = ExerciseReset(packageRoot: folder, folder: "01-sigmoid")
    #expect {
      _ = try reset.stubRevision()
    } throws: { error in
      "\(error)".contains("is not a git clone")
    }
  }
}

@Suite("Package.swift: no file under exercises/ goes unhandled")
struct PackageExcludeTests {
  @Test(
    "a reset's .bak and a HINTS.md are excluded from both exercise modules",
    .timeLimit(.minutes(2)))
  func excludesNonSwiftFiles() throws {
    // The manifest alone, evaluated afresh in a copy: SwiftPM warns ("found 2 file(s)
    // which are unhandled") about any file a target neither builds nor excludes.
    let copy = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-manifest-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    for item in ["Package.swift", "exercises"] {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent(item), to: copy.appendingPathComponent(item))
    }
    let extras = ["01-sigmoid/Sigmoid.swift.bak-20261201-1402", "02-relu/HINTS.md"]
    for extra in extras {
      try "x".write(
        to: copy.appendingPathComponent("exercises/\(extra)"), atomically: true, encoding: .utf8)
    }
    let run = ChildProcess.run(
      ["swift", "package", "--manifest-cache", "none", "dump-package"], in: copy,
      environment: ["NEURALKIT_EXERCISES": ""], timeLimit: 110)
    try #require(run.status == 0, "\(run.output)")
    let json = run.output[run.output.firstIndex(of: "{")!...]
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let targets = try #require(manifest["targets"] as? [[String: Any]])
    let exercises = try #require(targets.first { $0["name"] as? String == "Exercises" })
    let excluded = exercises["exclude"] as? [String] ?? []
    for extra in extras + ["README.md"] {
      #expect(excluded.contains(extra), "Exercises excludes \(extra)")
    }
  }
}
