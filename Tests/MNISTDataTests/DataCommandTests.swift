import Foundation
import LessonSupport
import MNISTData
import NeuralKit
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Data: half-block pictures")
struct DataPictureTests {
  @Test("two pixel rows share one line: ▀ top, ▄ bottom, █ both, space neither")
  func plainBlocks() {
    // 3 × 4: the odd last row is padded with background.
    let pixels: [UInt8] = [
      255, 0, 255, 0,
      0, 255, 255, 0,
      200, 127, 128, 0,
    ]
    #expect(HalfBlockImage.lines(pixels: pixels, rows: 3, columns: 4) == ["▀▄█ ", "▀ ▀ "])
  }

  @Test("colour: ▀ with the top pixel as foreground and the bottom one as background")
  func colourBlocks() {
    let lines = HalfBlockImage.lines(pixels: [255, 0], rows: 2, columns: 1, color: true)
    #expect(lines == ["\u{1B}[38;5;231;48;5;16m▀\u{1B}[0m"])
  }

  @Test("a bundled digit draws as 14 lines of 28 cells with ink in the middle")
  func bundledDigit() throws {
    let mnist = try Dataset.load(.mnist, fromFolder: BundledSubsets.folder(for: .mnist))
    let lines = HalfBlockImage.lines(pixels: mnist.test.image(0), rows: 28, columns: 28)
    #expect(lines.count == 14)
    #expect(lines.allSatisfy { $0.count == 28 })
    #expect(lines[7].contains("█"))
    #expect(lines[0].allSatisfy { $0 == " " }, "MNIST digits have an empty border")
  }
}

/// Runs the built `datasets` program, which `swift build --build-tests` (and so
/// `swift test`) puts next to the test bundle.
struct DatasetsProgram {
  static let program = BuiltProgram(named: "datasets")
  static let path: String? = program.exists ? program.path : nil

  /// `setpriv`, which runs a program as another user (util-linux), when present.
  static let setpriv: String? =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") ? "/usr/bin/setpriv" : nil

  /// Whether the unprivileged user `nobody` can run the program: root, `setpriv`, and a
  /// build folder others may read (not so under a private home folder).
  static let nobodyCanRun: Bool = {
    guard runsAsRoot, setpriv != nil, path != nil, let folder = try? TemporaryFolder() else {
      return false
    }
    chmod(folder.path, 0o755)
    // Not just `--help`: the bundled subsets must be readable for nobody too. In a clone
    // inside a 0700 folder (`mktemp -d`), `--help` works but the resource bundle lookup
    // stops the program, which is the machine's setup, not a bug of the command.
    return (try? run(["--data-dir", folder.path], cache: folder.path, asNobody: true).status) == 0
  }()

  /// Exit status and standard output + error of `datasets arguments`, offline, no colour,
  /// with a private cache so nothing of this machine is found. `asNobody` runs it as the
  /// unprivileged user `nobody` (uid 65534) through `setpriv`.
  static func run(_ arguments: [String], cache: String, asNobody: Bool = false) throws -> (
    status: Int32, output: String
  ) {
    let environment = [
      "HOME": cache, "XDG_CACHE_HOME": cache, "NEURALKIT_OFFLINE": "1", "NO_COLOR": "1",
    ]
    let run =
      asNobody
      ? try BuiltProgram.run(
        setpriv!, ["--reuid=65534", "--regid=65534", "--clear-groups", path!] + arguments,
        environment: environment)
      : try BuiltProgram.run(path!, arguments, environment: environment)
    return (run.status, run.text)
  }
}

@Suite(
  "Data: the datasets command",
  .enabled(if: DatasetsProgram.path != nil, "the datasets program is not built next to the tests"))
struct DataCommandTests {
  @Test("offline with nothing else: the bundled subsets, every source listed, exit 0")
  func bundledFallback() throws {
    let folder = try TemporaryFolder()
    let (status, output) = try DatasetsProgram.run([], cache: folder.path)
    #expect(status == 0, "\(output)")
    #expect(output.contains("✓ bundled subset: loaded"))
    #expect(output.contains("skipped: NEURALKIT_OFFLINE is set"))
    #expect(output.contains("Note: using the bundled Fashion-MNIST subset"))
    #expect(output.contains("all data files are valid"))
  }

  @Test("--data-dir with a bad file: exit 1 and the error names the file")
  func badFile() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("data/mnist"))
    let bad = folder.file("data/mnist/t10k-labels-idx1-ubyte.gz")
    try DataFixtures.write(
      Array(DataFixtures.gzip(DataFixtures.labelsFile([1, 2]))[0..<20]), to: bad)

    let (status, output) = try DatasetsProgram.run(
      ["--data-dir", folder.file("data")], cache: folder.path)
    #expect(status == 1, "\(output)")
    #expect(output.contains("\(bad): corrupt gzip stream"))
  }

  @Test("--data-dir with good files: used first, exit 0")
  func goodFolder() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("data/mnist"), trainCount: 20, testCount: 10)
    let (status, output) = try DatasetsProgram.run(
      ["--data-dir", folder.file("data")], cache: folder.path)
    #expect(status == 0, "\(output)")
    #expect(
      output.contains(
        "using --data-dir \(folder.file("data/mnist")): 20 training and 10 test images"))
  }

  @Test("--show draws labelled half-block pictures")
  func show() throws {
    let folder = try TemporaryFolder()
    let (status, output) = try DatasetsProgram.run(
      ["--show", "fashion-mnist", "--count", "2"], cache: folder.path)
    #expect(status == 0, "\(output)")
    #expect(output.contains("█"))
    #expect(output.contains("#0  9 Ankle boot"))
    #expect(!output.contains("\u{1B}["), "NO_COLOR is set: no escape codes")
  }

  @Test(
    "a bad command line is exit 2 with a message naming the flag",
    arguments: [
      (["--bogus"], "unknown flag '--bogus'"),
      (["--show", "cifar"], "--show must be one of mnist, fashion-mnist (not 'cifar')"),
      (["--data-dir"], "--data-dir needs a value: a folder, like --data-dir data"),
      (["--count", "0"], "--count needs a whole number from 1 to 64, like --count 8 (not '0')"),
      (["--benchmark"], "--benchmark needs --data-dir DIR too"),
      (["--show", "mnist", "--benchmark"], "--show and --benchmark cannot be combined"),
      (["--runs=0"], "--runs needs a whole number from 1 to 100, like --runs 5 (not '0')"),
      (["--offline=yes"], "--offline takes no value (not 'yes')"),
    ])
  func badUsage(arguments: [String], message: String) throws {
    let folder = try TemporaryFolder()
    let (status, output) = try DatasetsProgram.run(arguments, cache: folder.path)
    #expect(status == 2)
    #expect(output.contains(message), "\(output)")
    #expect(output.contains("usage: swift run datasets"), "the usage follows: \(output)")
  }

  @Test(
    "folders and files without permission, for real: run as nobody",
    .enabled(
      if: DatasetsProgram.nobodyCanRun,
      "needs root, setpriv, and a build folder the user nobody may read"))
  func permissionDenied() throws {
    let folder = try TemporaryFolder()
    #expect(chmod(folder.path, 0o755) == 0)  // mkdtemp makes it 0700: nobody could not enter
    try DataFixtures.writeDataset(in: folder.file("closed/mnist"))
    #expect(chmod(folder.file("closed/mnist"), 0o000) == 0)
    try DataFixtures.writeDataset(in: folder.file("open/mnist"))
    let unreadable = folder.file("open/mnist/train-images-idx3-ubyte.gz")
    #expect(chmod(unreadable, 0o000) == 0)
    defer { chmod(folder.file("closed/mnist"), 0o755) }

    let closed = try DatasetsProgram.run(
      ["--data-dir", folder.file("closed")], cache: folder.path, asNobody: true)
    #expect(
      closed.output.contains("✗ --data-dir \(folder.file("closed/mnist")): permission denied"))
    #expect(closed.status == 0, "a folder it cannot enter is skipped: \(closed.output)")

    let open = try DatasetsProgram.run(
      ["--data-dir", folder.file("open")], cache: folder.path, asNobody: true)
    #expect(open.output.contains("\(unreadable): permission denied"))
    #expect(open.status == 1, "a file it cannot read is an error: \(open.output)")
  }

  @Test("--help prints the usage, exit 0")
  func help() throws {
    let folder = try TemporaryFolder()
    let (status, output) = try DatasetsProgram.run(["--help"], cache: folder.path)
    #expect(status == 0)
    #expect(output.hasPrefix("usage: swift run datasets"))
    for flag in [
      "--data-dir DIR", "--offline", "--show mnist|fashion-mnist", "--count N",
      "--benchmark", "--runs N", "--no-color", "-h, --help",
    ] {
      #expect(output.contains(flag), "missing \(flag) in: \(output)")
    }
    for line in output.split(separator: "\n") {
      #expect(line.count <= 80, "a line of \(line.count) characters: \(line)")
    }
  }

  @Test("--show accepts upper case and the --flag=value form")
  func showForms() throws {
    let folder = try TemporaryFolder()
    let (status, output) = try DatasetsProgram.run(
      ["--show=MNIST", "--count=1"], cache: folder.path)
    #expect(status == 0, "\(output)")
    #expect(output.contains("█"))
  }
}
