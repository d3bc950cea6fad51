import Foundation
import Testing

/// A lesson executable, run as a learner runs it, from the build folder the tests run in.
struct LessonProgram {
  /// The executable's name: `lesson01-sigmoid`.
  var name: String

  /// What one run gave.
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs the program with `arguments`; `NO_COLOR=1` unless the environment says otherwise.
  func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws -> Run {
    let process = Process()
    process.executableURL = Self.productsDirectory.appendingPathComponent(name)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  /// Where SwiftPM put the executables: next to the test binary.
  static let productsDirectory: URL = {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var directory = executable.deletingLastPathComponent()
    // On macOS the tests run inside `….xctest/Contents/MacOS/`.
    while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
      || directory.lastPathComponent == "Contents"
    {
      directory.deleteLastPathComponent()
    }
    return directory
  }()
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The text of a file in the package.
func packageFile(_ path: String) throws -> String {
  try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
}

/// The lessons with an executable, in order: file and program.
let lessonPrograms: [(lesson: String, program: String)] = [
  ("Lessons/01-sigmoid.md", "lesson01-sigmoid"),
  ("Lessons/02-relu.md", "lesson02-relu"),
  ("Lessons/03-backprop.md", "lesson03-backprop"),
  ("Lessons/04-softmax.md", "lesson04-softmax"),
  ("Lessons/05-training.md", "lesson05-training"),
  ("Lessons/06-relu-vs-sigmoid.md", "lesson06-relu-vs-sigmoid"),
  ("Lessons/07-gradient-flow.md", "lesson07-gradient-flow"),
]

/// Every lesson that quotes the sources: those above, and lesson 08, whose program prints
/// timings and so has no golden output.
let quotingLessons = lessonPrograms.map(\.lesson) + ["Lessons/08-fast-matmul.md"]
