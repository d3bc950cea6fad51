import Foundation
import LessonSupport

#if canImport(Darwin)
  import Darwin
#endif

/// One of the package's executables, which `swift build --build-tests` (and so `swift
/// test`) puts next to the test bundle, run as a newcomer would run it.
///
///     let run = try BuiltProgram(named: "lesson01-sigmoid").run(["--quick"])
///     #expect(run.status == 0, "\(run.errors)")
public struct BuiltProgram: Sendable {
  /// The executable's path.
  public var path: String

  /// The built executable `name` (`lesson01-sigmoid`, `datasets`), next to the tests.
  public init(named name: String) {
    path = Self.productsDirectory.appendingPathComponent(name).path
  }

  /// Whether the executable is there: a suite that needs it is enabled only then.
  public var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// What one run gave.
  public struct Run: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output.
    public var output: String
    /// Standard error.
    public var errors: String
    /// Both, output first: for checks that do not care where a line went.
    public var text: String { output + errors }
  }

  /// Runs the program with `arguments`, its environment the tests' own with `environment`
  /// added (`NO_COLOR=1` unless told otherwise).
  public func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws
    -> Run
  {
    guard exists else { throw NotBuilt(path: path) }
    return try Self.run(
      path, arguments,
      environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
  }

  /// Runs `executable` (any path: `setpriv` in front of a program, say) with exactly
  /// `environment`.
  public static func run(_ executable: String, _ arguments: [String], environment: [String: String])
    throws -> Run
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Standard error is read on another thread, so a program that fills one pipe while
    // the tests wait on the other cannot block.
    let errorText = PipeReader(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: errorText.text())
  }

  /// Where SwiftPM put the executables: next to the test binary. On Linux `swift test`
  /// runs that binary itself. On macOS it is a bundle (`….xctest/Contents/MacOS/…`)
  /// loaded by a host tool of the toolchain (`swiftpm-testing-helper`, `xctest`), so
  /// `Bundle.main` is that tool: ask the dynamic loader for the image holding this code.
  public static let productsDirectory: URL = {
    var image = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    #if canImport(Darwin)
      var info = Dl_info()
      if dladdr(#dsohandle, &info) != 0, let name = info.dli_fname {
        image = URL(fileURLWithPath: String(cString: name))
      }
    #endif
    var directory = image.deletingLastPathComponent()
    while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
      || directory.lastPathComponent == "Contents"
    {
      directory.deleteLastPathComponent()
    }
    return directory
  }()
}

/// A program the tests wanted to run is not where `swift build --build-tests` puts it.
public struct NotBuilt: Error, CustomStringConvertible {
  /// Where it was looked for.
  public var path: String
  public var description: String {
    "\(path) is not there: the tests run the programs built beside them (swift build"
      + " --build-tests, which swift test does first)"
  }
}

/// The package's root folder, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The text of a file in the package, by its path from the root.
public func packageFile(_ path: String) throws -> String {
  try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
}
