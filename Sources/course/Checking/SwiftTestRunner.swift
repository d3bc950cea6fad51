import Foundation

/// Checks exercises the way `swift test --disable-xctest --filter …` does: builds the
/// package and its tests (`swift build --build-tests`, the same build `swift test` makes,
/// so neither rebuilds after the other), then runs the built test binary on exactly the
/// exercises' tests. Each exercise's checks already run in a child process of that binary
/// (the tests' exit tests), so a crash or an endless loop (stopped after 10 s) fails that
/// exercise only; the binary itself has a time limit too.
///
/// On Linux the test binary is an executable and runs directly. On macOS it is a bundle
/// that SwiftPM loads with a helper of the toolchain, `swiftpm-testing-helper`, which
/// this runs in the same way.
struct SwiftTestRunner: CheckRunner {
  /// The package folder.
  var packageRoot: URL
  /// Extra environment for the build and the tests (`NEURALKIT_EXERCISES` is inherited).
  var environment: [String: String] = [:]
  /// How long a build may take: a first build is minutes on two cores.
  var buildTimeLimit: Double = 1800
  /// How long the test binary may take for one run (each exercise stops itself at 10 s).
  var testTimeLimit: Double = 120
  /// Called with a short status (`building…`, `checking sigmoid…`) as work starts.
  var status: (String) -> Void = { _ in }

  func check(_ exercises: [CourseExercise], build shouldBuild: Bool) -> CheckReport {
    guard shouldBuild else { return runTests(exercises) }
    status("building…")
    let build = ChildProcess.run(
      ["swift", "build", "--build-tests"], in: packageRoot,
      environment: environment.merging(manifestKey) { $1 }, timeLimit: buildTimeLimit)
    if build.status != 0 || build.timedOut {
      let errors = CompilerDiagnostic.errors(
        inBuildOutput: build.output, packageRoot: packageRoot.path)
      if !errors.isEmpty { return .compileErrors(errors) }
      let tail = build.output.split(separator: "\n").suffix(20).joined(separator: "\n")
      return .couldNotRun("`swift build --build-tests` failed:\n\(tail)")
    }
    return runTests(exercises)
  }

  /// An environment variable naming every file under `exercises/`. Package.swift lists
  /// that folder to exclude what is not Swift (a reset's `.bak`, a `HINTS.md`), but SwiftPM
  /// caches the manifest's result by its text and environment, not by the folder: a file
  /// added since would be "unhandled" and warned about. A changed list changes the
  /// environment, and SwiftPM evaluates the manifest again.
  var manifestKey: [String: String] {
    let folder = packageRoot.appendingPathComponent("exercises")
    let names = ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).sorted()
    // FNV-1a, 64 bits: a short, stable digest of the list.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in names.joined(separator: "\n").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return ["NEURALKIT_EXERCISE_FILES": String(hash, radix: 16)]
  }

  /// Runs the already built tests of `exercises`; exercises the run did not report on
  /// (its binary crashed or hit the time limit) are run again one by one.
  func runTests(_ exercises: [CourseExercise]) -> CheckReport {
    guard !exercises.isEmpty else { return .checked([]) }
    status(
      exercises.count == 1
        ? "checking \(exercises[0].functionName)…" : "checking \(exercises.count) exercises…")
    let first: [ExerciseResult]
    switch runBinary(exercises) {
    case .success(let stream): first = exercises.map(stream.result(for:))
    case .failure(let problem): return .couldNotRun(problem.description)
    }
    guard exercises.count > 1 else { return .checked(first) }
    let results = first.map { result -> ExerciseResult in
      guard result.state == .unknown, case .success(let stream) = runBinary([result.exercise])
      else { return result }
      return stream.result(for: result.exercise)
    }
    return .checked(results)
  }

  /// A reason the test binary could not be run at all.
  struct RunProblem: Error, CustomStringConvertible {
    var description: String
  }

  /// One run of the test binary on `exercises`' tests, its event stream read.
  func runBinary(_ exercises: [CourseExercise]) -> Result<TestEventStream, RunProblem> {
    let streamFile = FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "course-events-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl")
    defer { try? FileManager.default.removeItem(at: streamFile) }
    let testingArguments =
      ["--testing-library", "swift-testing"]
      + exercises.flatMap { ["--filter", $0.testFilter] }
      + ["--event-stream-output-path", streamFile.path, "--event-stream-version", "0"]
    guard let command = testCommand(testingArguments) else {
      return .failure(
        RunProblem(
          description: "no test binary under \(packageRoot.path)/.build/debug/ after the build"))
    }
    let run = ChildProcess.run(
      command, in: packageRoot, environment: environment.merging(["NO_COLOR": "1"]) { $1 },
      timeLimit: testTimeLimit)
    let text = (try? String(contentsOf: streamFile, encoding: .utf8)) ?? ""
    if text.isEmpty && run.status != 0 {
      let tail = run.output.split(separator: "\n").suffix(20).joined(separator: "\n")
      return .failure(RunProblem(description: "the tests did not run:\n\(tail)"))
    }
    return .success(TestEventStream(parsing: text))
  }

  /// The command that runs the built tests with `arguments`.
  func testCommand(_ arguments: [String]) -> [String]? {
    let folder = packageRoot.appendingPathComponent(".build/debug")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    guard let bundle = names.filter({ $0.hasSuffix("PackageTests.xctest") }).sorted().first
    else { return nil }
    let path = folder.appendingPathComponent(bundle).path
    #if os(macOS)
      // A bundle: `…PackageTests.xctest/Contents/MacOS/…PackageTests`, which SwiftPM runs
      // through the toolchain's helper, as `swift test` does.
      // The helper sits beside the toolchain's `swift-build`: `usr/libexec/swift/pm/`.
      let binary = "\(path)/Contents/MacOS/\(bundle.dropLast(".xctest".count))"
      let found = ChildProcess.run(
        ["xcrun", "--find", "swift-build"], in: packageRoot, timeLimit: 30)
      let swiftBuild = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
      guard found.status == 0, !swiftBuild.isEmpty else { return nil }
      let helper = URL(fileURLWithPath: swiftBuild).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(
          "libexec/swift/pm/swiftpm-testing-helper")
      return [helper.path, "--test-bundle-path", path, binary] + arguments
    #else
      return [path] + arguments
    #endif
  }
}
