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

  func check(_ exercises: [CourseExercise]) -> CheckReport {
    status("building…")
    let build = ChildProcess.run(
      ["swift", "build", "--build-tests"], in: packageRoot, environment: environment,
      timeLimit: buildTimeLimit)
    if build.status != 0 || build.timedOut {
      let errors = CompilerDiagnostic.errors(
        inBuildOutput: build.output, packageRoot: packageRoot.path)
      if !errors.isEmpty { return .compileErrors(errors) }
      let tail = build.output.split(separator: "\n").suffix(20).joined(separator: "\n")
      return .couldNotRun("`swift build --build-tests` failed:\n\(tail)")
    }
    return runTests(exercises)
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
      let binary = "\(path)/Contents/MacOS/\(bundle.dropLast(".xctest".count))"
      return ["xcrun", "--run", "swiftpm-testing-helper", "--test-bundle-path", path, binary]
        + arguments
    #else
      return [path] + arguments
    #endif
  }
}
