import LessonSupport
import MNISTData
import NeuralKit
import TestSupport
import Testing

/// The benchmark's command line: `--help` explains it, a wrong flag is named and refused
/// before anything is measured.
@Suite(
  "Speed: the benchmark command",
  .enabled(
    if: BuiltProgram(named: "benchmark").exists,
    "the benchmark program is not built next to the tests"))
struct BenchmarkCommandTests {
  let benchmark = BuiltProgram(named: "benchmark")

  @Test("--help and -h print the usage and every flag, exit 0", arguments: ["--help", "-h"])
  func help(flag: String) throws {
    let run = try benchmark.run([flag])
    let (status, output) = (run.status, run.text)
    #expect(status == 0, "\(output)")
    #expect(output.hasPrefix("usage: swift run -c release benchmark [--quick] [--under-load]"))
    for text in ["--quick", "--under-load", "BENCH", "-h, --help"] {
      #expect(output.contains(text), "missing \(text) in: \(output)")
    }
    for line in output.split(separator: "\n") {
      #expect(line.count <= 80, "a line of \(line.count) characters: \(line)")
    }
  }

  @Test("an unknown flag is exit 2 with its name, and nothing is measured")
  func unknownFlag() throws {
    let run = try benchmark.run(["--quik"])
    let (status, output) = (run.status, run.text)
    #expect(status == 2)
    #expect(run.errors.contains("unknown flag '--quik' (did you mean --quick?)"), "\(output)")
    #expect(run.errors.contains("usage: swift run -c release benchmark"), "\(output)")
    #expect(!output.contains("BENCH"), "\(output)")
    #expect(run.output.isEmpty, "a bad command line writes only to standard error")
  }
}
