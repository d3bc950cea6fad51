// swift-tools-version:6.0
import PackageDescription

// Build flags for the engine. Speed matters only in `NeuralKit` (and the benchmark), so
// only those targets get them; every flag below was measured on the machine in
// BENCHMARKS.md.
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

let package = Package(
  name: "NeuralNetsFromScratch",
  products: [
    .library(name: "NeuralKit", targets: ["NeuralKit"])
  ],
  targets: [
    .target(
      name: "NeuralKit",
      exclude: ["README.md"],
      swiftSettings: engineSettings
    ),
    .executableTarget(
      name: "benchmark",
      dependencies: ["NeuralKit"],
      swiftSettings: engineSettings
    ),
    .testTarget(
      name: "NeuralKitTests",
      dependencies: ["NeuralKit"]
    ),
  ]
)
