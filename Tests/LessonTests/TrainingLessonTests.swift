import Foundation
import TestSupport
import Testing

/// Lessons 05 and 06 end to end in `--quick` mode on the bundled subsets: they exit 0 and
/// write well-formed results (CSV with one value per column, SVG that parses, a report
/// whose images exist), and refuse bad flags with exit code 2.
@Suite("Training lessons, end to end", .timeLimit(.minutes(5)))
struct TrainingLessonTests {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("neuralkit-lesson-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("lesson 06 --quick writes the report, the CSVs and the charts")
  func experimentReport() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BuiltProgram(named: "lesson06-relu-vs-sigmoid").run([
      "--quick", "--out", folder.path,
    ])
    #expect(run.status == 0, "\(run.errors)")
    let report = try String(
      contentsOf: folder.appendingPathComponent("relu-vs-sigmoid.md"), encoding: .utf8)
    for heading in ["## MNIST", "## Fashion-MNIST", "**Verdict.**"] {
      #expect(report.contains(heading), "report lacks \(heading)")
    }
    for image in report.matches(of: /!\[[^\]]*\]\(([^)]+)\)/).map({ String($0.1) }) {
      let svg = try String(contentsOf: folder.appendingPathComponent(image), encoding: .utf8)
      #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"), "\(image) is not an SVG")
    }
    let epochs = try csvRows(folder.appendingPathComponent("relu-vs-sigmoid-epochs.csv"))
    #expect(epochs.first?.first == "dataset")
    // 2 data sets × 3 activations × 1 seed × 2 epochs under --quick.
    #expect(epochs.count == 1 + 12)
    for row in epochs.dropFirst() {
      #expect(row.count == epochs[0].count)
      #expect(row[5...].allSatisfy { Double($0)?.isFinite == true }, "\(row)")
    }
    let points = try csvRows(folder.appendingPathComponent("relu-vs-sigmoid-evaluations.csv"))
    #expect(points.count > epochs.count, "validation within the first epoch adds points")
    // One row per run, its test images evaluated once after training (holdout split).
    let final = try csvRows(folder.appendingPathComponent("relu-vs-sigmoid-final.csv"))
    #expect(final.count == 1 + 6 && final[0].suffix(2) == ["test_loss", "test_accuracy"])
    for row in final.dropFirst() {
      #expect(row[3] == "holdout" && row[4...].allSatisfy { Double($0) != nil }, "\(row)")
    }
  }

  @Test("lesson 06 --ablation --quick changes one factor at a time and attributes the gap")
  func ablation() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BuiltProgram(named: "lesson06-relu-vs-sigmoid").run([
      "--ablation", "--quick", "--out", folder.path,
    ])
    #expect(run.status == 0, "\(run.errors)")
    for name in [
      "the notebook's run", "+ official split", "+ one hidden layer", "+ Adam 0.001",
      "+ batch 32", "all four: the code shown",
    ] {
      #expect(run.output.contains(name), "no row \(name) in:\n\(run.output)")
    }
    #expect(run.output.contains("Sigmoid: ") && run.output.contains("closes the most"))
    #expect(!run.output.contains("\nMNIST\n"), "Fashion-MNIST only unless --dataset is given")
    let rows = try csvRows(
      folder.appendingPathComponent("relu-vs-sigmoid-ablation-fashion-mnist.csv"))
    #expect(rows.count == 1 + 6 * 2, "configurations × activations × 1 seed")
  }

  @Test("lesson 05 --quick writes its curves and metrics")
  func trainingResults() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try BuiltProgram(named: "lesson05-training").run(["--quick", "--out", folder.path])
    #expect(run.status == 0, "\(run.errors)")
    let rows = try csvRows(folder.appendingPathComponent("training-mnist.csv"))
    #expect(rows.count == 1 + 2)
    for name in ["training-mnist-loss.svg", "training-mnist-accuracy.svg"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
    }
    #expect(run.output.contains("confusion matrix"))
  }

  @Test(
    "bad flags exit 2 and name the flag",
    arguments: [
      (
        "lesson06-relu-vs-sigmoid", ["--epochs", "0"],
        "--epochs needs a whole number from 1 to 1000, like --epochs 5 (not '0')"
      ),
      (
        "lesson06-relu-vs-sigmoid", ["--preset", "keras"],
        "--preset must be one of post-code, post-notebook (not 'keras')"
      ),
      (
        "lesson06-relu-vs-sigmoid", ["--activation", "relu"],
        "unknown flag '--activation' (did you mean --activations?)"
      ),
      (
        "lesson06-relu-vs-sigmoid", ["--activations", "relu"],
        "--activations needs two or more different ones of relu, sigmoid, tanh, leaky-relu,"
          + " separated by commas, like --activations relu,sigmoid (not 'relu')"
      ),
      (
        "lesson06-relu-vs-sigmoid", ["--activations", "relu,relu"],
        "--activations needs two or more different ones of relu, sigmoid, tanh, leaky-relu,"
          + " separated by commas, like --activations relu,sigmoid (not 'relu,relu')"
      ),
      (
        "lesson06-relu-vs-sigmoid", ["--ablation", "--split", "holdout"],
        "--ablation and --split cannot be combined"
      ),
      (
        "lesson05-training", ["--dataset", "cifar10"],
        "--dataset must be one of mnist, fashion-mnist (not 'cifar10')"
      ),
      (
        "lesson05-training", ["--dataset", "both"],
        "--dataset must be one of mnist, fashion-mnist (not 'both')"
      ),
      (
        "lesson05-training", ["--learning-rate", "-1"],
        "--learning-rate needs a number > 0, like --learning-rate 0.001 (not '-1')"
      ),
      (
        "lesson07-gradient-flow", ["--train-images", "5"],
        "--train-images needs a whole number ≥ 100, like --train-images 54000 (not '5')"
      ),
      ("lesson07-gradient-flow", ["--split", "standard"], "unknown flag '--split'"),
    ])
  func badFlags(_ program: String, _ arguments: [String], _ message: String) throws {
    let run = try BuiltProgram(named: program).run(arguments)
    #expect(run.status == 2)
    #expect(run.errors.contains("\(program): \(message)\n"), "\(run.errors)")
    #expect(run.output.isEmpty, "nothing runs after a bad flag: \(run.output)")
  }

  @Test("a missing data folder is an error that names it, exit 1")
  func missingDataFolder() throws {
    let run = try BuiltProgram(named: "lesson05-training").run([
      "--quick", "--data-dir", "/nonexistent/data",
    ])
    #expect(run.status == 1)
    #expect(run.errors.contains("/nonexistent/data"), "\(run.errors)")
  }

  /// The cells of a CSV file without quoted commas (ours has none in these files).
  func csvRows(_ url: URL) throws -> [[String]] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }
}
