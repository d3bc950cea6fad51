// swift-tools-version:6.2
import Foundation
import PackageDescription

// Build flags for the libraries. Speed matters in `Kernels` above all, but every library
// target (and the benchmark) gets them, so a lesson's training loop and data checks run
// optimised too; every flag below was measured on the machine in BENCHMARKS.md.
//
// - `-O` even in a debug build: plain `swift run` builds debug, which is ~100× slower in
//   the matrix product. A learner must never wait on the engine.
// - `-Xcc -fno-math-errno` (Linux): C's errno rule keeps `Float.squareRoot()` from
//   vectorising; without it Adam's update alone tripled the epoch time.
// - `-target-cpu native` (x86-64 only): without it the compiler may use only SSE2 and
//   the product is several times slower. Guarded by architecture: Apple silicon and
//   Linux arm64 get NEON by default and need nothing.
var engineFlags: [String] = ["-O"]
#if os(Linux)
  engineFlags += ["-Xcc", "-fno-math-errno"]
#endif
#if arch(x86_64)
  engineFlags += ["-target-cpu", "native"]
#endif
let engineSettings: [SwiftSetting] = [.unsafeFlags(engineFlags)]

// Lessons and exercises (exercises/README.md). One executable per lesson. The `Exercises`
// module is the learner's files by default; with `NEURALKIT_EXERCISES=solutions` it is the
// worked solutions in `exercises/*/Solution/` instead, and the untouched stubs build as
// `ExerciseStubs`, so CI proves every solution passes and every stub fails cleanly. Both
// modules read the `exercises` folder; their files never overlap.
let lessons = [
  "lesson01-sigmoid",
  "lesson02-relu",
  "lesson03-backprop",
  "lesson04-softmax",
  "lesson05-training",
  "lesson06-relu-vs-sigmoid",
  "lesson07-gradient-flow",
  "lesson08-fast-matmul",
]
let exerciseFolders = [
  "01-sigmoid", "02-relu", "03-backprop", "04-softmax", "05-training", "07-gradient-flow",
  "08-fast-matmul",
]
let solutionFolders = exerciseFolders.map { "\($0)/Solution" }
let learnerFiles = exerciseFolders.flatMap { folder in
  let files = try? FileManager.default.contentsOfDirectory(
    atPath: "\(Context.packageDirectory)/exercises/\(folder)")
  return (files ?? []).filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0)" }
}
// Every file under `exercises/` that is not Swift, relative to that folder: the READMEs, a
// folder's `HINTS.md`, a learner's `Sigmoid.swift.bak-20261201-1402` kept by `swift run
// course reset`. SwiftPM warns about any file a target neither builds nor excludes, and CI
// fails on warnings, so both exercise modules exclude them all, whatever their names.
// Caution: SwiftPM caches this file's result by its text and environment, not by the
// folder's contents, so a file added or removed since may be warned about ("unhandled",
// "Invalid Exclude") until the entry is renewed; `swift run course` builds with an
// environment naming the folder's files, which renews it (a fresh clone, as in CI, has none).
let nonSwiftExerciseFiles: [String] = {
  let root = "\(Context.packageDirectory)/exercises"
  let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
  return paths.filter { path in
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isFolder)
    return !isFolder.boolValue && !path.hasSuffix(".swift")
  }.sorted()
}()
let buildsSolutions = Context.environment["NEURALKIT_EXERCISES"] == "solutions"
// The learner's code is optimised too: lesson 05 trains the learner's own network on
// MNIST (`--engine yours`), and plain-array loops in a debug build are ~50× slower.
// Bounds and overflow checks stay (-O keeps them), so a mistake still stops with a message.
// `-enable-testing` lets `LearnerEngine` call the learner's functions (internal, as the
// learner writes them) through `@testable import`, in release builds too.
let exerciseSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-enable-testing"])]
var lessonTargets: [Target] = lessons.map { name in
  // Lesson 08 also times the worker pool itself.
  let kernels: [Target.Dependency] = name == "lesson08-fast-matmul" ? ["Kernels"] : []
  // Lessons 05 and 06 also train the learner's own network (`--engine yours`).
  let learner: [Target.Dependency] =
    ["lesson05-training", "lesson06-relu-vs-sigmoid"].contains(name) ? ["LearnerEngine"] : []
  return .executableTarget(
    name: name, dependencies: ["NeuralKit", "MNISTData", "LessonSupport"] + kernels + learner)
}
lessonTargets += [
  // The types the learner's network is made of (plain arrays), and what the package needs
  // to call the learner's functions from a program.
  .target(name: "ExerciseSupport", dependencies: ["NeuralKit"]),
  // The package's code that calls the learner's functions from a program: probes them,
  // trains them in a child process, and reports what went wrong in the learner's words.
  // In the solutions build it can also run the untouched stubs (for the tests).
  .target(
    name: "LearnerEngine",
    dependencies: ["Exercises", "ExerciseSupport", "NeuralKit", "MNISTData", "LessonSupport"]
      + (buildsSolutions ? ["ExerciseStubs"] : []),
    exclude: ["README.md"],
    swiftSettings: engineSettings + (buildsSolutions ? [.define("LEARNER_ENGINE_HAS_STUBS")] : [])),
  .testTarget(
    name: "LessonTests",
    dependencies: ["NeuralKit", "MNISTData", "LessonSupport", "TestSupport"]
      + lessons.map { .target(name: $0) },
    // The tests of `--engine yours` on the worked solutions run in that build only.
    swiftSettings: buildsSolutions ? [.define("EXERCISE_SOLUTIONS")] : []),
]
if buildsSolutions {
  lessonTargets += [
    .target(
      name: "Exercises", dependencies: ["ExerciseSupport"], path: "exercises",
      exclude: nonSwiftExerciseFiles + learnerFiles, swiftSettings: exerciseSettings),
    .target(
      name: "ExerciseStubs", dependencies: ["ExerciseSupport"], path: "exercises",
      exclude: nonSwiftExerciseFiles + solutionFolders,
      swiftSettings: [.unsafeFlags(["-enable-testing"])]),
    .testTarget(
      name: "ExerciseTests",
      dependencies: [
        "NeuralKit", "ExerciseSupport", "Exercises", "ExerciseStubs", "MNISTData", "TestSupport",
      ],
      swiftSettings: [.define("EXERCISE_SOLUTIONS")]),
  ]
} else {
  lessonTargets += [
    .target(
      name: "Exercises", dependencies: ["ExerciseSupport"], path: "exercises",
      exclude: nonSwiftExerciseFiles + solutionFolders, swiftSettings: exerciseSettings),
    .testTarget(
      name: "ExerciseTests",
      dependencies: ["NeuralKit", "ExerciseSupport", "Exercises", "MNISTData", "TestSupport"]),
  ]
}

// The targets, and the only direction imports may take (the compiler enforces it):
//
//   Kernels  ←  MNISTData  ←  NeuralKit  ←  LessonSupport  ←  lesson programs, tools
//
//   (and ExerciseSupport ← Exercises ← LearnerEngine ← lessons 05 and 06: the package's
//   code that runs the learner's own network, `--engine yours`)
//
// - `Kernels`: where speed leads: the packed product, the worker pool, the subnormal
//   mode, the parallel loops. Pointers and strides, no `Matrix`.
// - `MNISTData`: IDX files, gzip, checksums, download, where the data comes from, the
//   bundled subsets.
// - `NeuralKit`: the network a learner reads: `Matrix`, activations, `Dense`, loss,
//   optimizers, `Network`, `Trainer`, the gradient check.
// - `LessonSupport`: what lesson programs share: the flag parser, tables, charts, the
//   experiment runners and their reports, lesson 08's measurements.
let package = Package(
  name: "NeuralNetsFromScratch",
  // macOS 15 for `Synchronization.Atomic` (the worker pool, the NaN scan).
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "NeuralKit", targets: ["NeuralKit"])
  ],
  targets: [
    // zlib for reading the .gz data sets (see Sources/MNISTData/GzipReader.swift).
    .systemLibrary(name: "CZlib"),
    // The processor's subnormal flush mode (see Sources/Kernels/SubnormalFlush.swift):
    // a header of two inline functions, nothing to install or link.
    .systemLibrary(name: "CFloatMode"),
    .target(
      name: "Kernels",
      dependencies: ["CFloatMode"],
      exclude: ["README.md"],
      swiftSettings: engineSettings
    ),
    .target(
      name: "MNISTData",
      dependencies: ["Kernels", "CZlib"],
      exclude: ["README.md"],
      resources: [.copy("BundledSubsets")],
      swiftSettings: engineSettings
    ),
    .target(
      name: "NeuralKit",
      dependencies: ["Kernels", "MNISTData"],
      exclude: ["README.md"],
      swiftSettings: engineSettings
    ),
    .target(
      name: "LessonSupport",
      dependencies: ["NeuralKit", "MNISTData", "Kernels"],
      exclude: ["README.md"],
      swiftSettings: engineSettings
    ),
    .executableTarget(
      name: "datasets",
      dependencies: ["NeuralKit", "MNISTData", "LessonSupport"]
    ),
    .executableTarget(
      name: "benchmark",
      dependencies: ["NeuralKit", "MNISTData", "LessonSupport"],
      swiftSettings: engineSettings
    ),
    // `swift run course`: the learner's map, `watch`, `hint`, `verify` and `reset`
    // (Sources/course/README.md). It builds and runs the exercise tests as `swift test` does.
    .executableTarget(name: "course", dependencies: ["LessonSupport"], exclude: ["README.md"]),
    .testTarget(name: "CourseTests", dependencies: ["course"]),
    // What several test targets share: running the built programs as a newcomer would,
    // reading the package's files, a small learnable data set.
    .target(
      name: "TestSupport", dependencies: ["NeuralKit", "MNISTData", "LessonSupport"],
      path: "Tests/TestSupport"),
    .testTarget(name: "KernelsTests", dependencies: ["Kernels", "NeuralKit", "CFloatMode"]),
    .testTarget(
      name: "MNISTDataTests",
      dependencies: ["MNISTData", "NeuralKit", "LessonSupport", "TestSupport"]),
    .testTarget(
      name: "NeuralKitTests", dependencies: ["NeuralKit", "Kernels", "MNISTData", "TestSupport"]),
    .testTarget(
      name: "LessonSupportTests",
      dependencies: ["LessonSupport", "NeuralKit", "MNISTData", "Kernels", "TestSupport"]),
  ] + lessonTargets
)
