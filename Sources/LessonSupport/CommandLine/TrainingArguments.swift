import Foundation
import MNISTData
import NeuralKit

/// The settings of the training lessons (05, 06 and 07), which their flags set: the
/// training options and the run's other settings. The flags themselves are declared in
/// `TrainingFlags.swift`; each lesson lists those it takes.
///
///     var defaults = TrainingArguments()
///     defaults.options.epochs = 5
///     let arguments = CommandLineParser(
///       program: "lesson05-training", summary: "…", defaults: defaults,
///       flags: [.dataset, .epochs, .seed, .dataDirectory, .outputDirectory, .noColor(\.plain)]
///     ).parseOrExit()
///     arguments.options.epochs   // 5, or N after --epochs N
public struct TrainingArguments: Equatable, Sendable {
  /// The training options the flags set.
  public var options = TrainingOptions()
  /// Data sets to run on, in order (`--dataset`).
  public var datasets: [DatasetKind] = [.mnist]
  /// Seeds to run (`--seed`, `--seeds`).
  public var seeds: [UInt64] = [1]
  /// Training/validation split (`--split`).
  public var split: Split = .holdout
  /// A folder holding `mnist/` and `fashion-mnist/` (`--data-dir`).
  public var dataDirectory: String?
  /// Where results are written (`--out`).
  public var outputDirectory = "results"
  /// `--quick`: a short run on the bundled subsets.
  public var quick = false
  /// Whose network trains (`--engine`): NeuralKit's, or the learner's own from
  /// `exercises/` beside NeuralKit's.
  public var engine: Engine = .neuralkit
  /// `--no-color`: plain text even on a terminal.
  public var plain = false

  /// The defaults, before any flag.
  public init() {}

  /// Whose network a training lesson trains.
  public enum Engine: String, CaseIterable, Equatable, Sendable {
    /// NeuralKit's `Network` and `Trainer`.
    case neuralkit
    /// The learner's functions in `exercises/` (lesson 05's exercises and those before),
    /// side by side with NeuralKit's on the same seed.
    case yours
  }

  /// Why the data set could not be found where `--data-dir` says.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    public var description: String
    /// A problem described by `description`.
    public init(_ description: String) { self.description = description }
  }

  /// The data set to run on: from `--data-dir` or the usual search (see `DataLocator`),
  /// except that `--quick` without `--data-dir` always takes the bundled subset, so its
  /// output is the same on every machine, whatever is in the cache.
  ///
  /// A `--data-dir` given on the command line must hold the data set: a typo in it must
  /// not quietly train on something else.
  public func locate(_ kind: DatasetKind) throws -> LocatedDataset {
    if let dataDirectory {
      let located = try Dataset.locate(kind, dataDirectory: dataDirectory)
      guard located.source.origin == .dataDirectoryOption else {
        let tried = located.attempts.first { $0.source.origin == .dataDirectoryOption }
        throw Problem(
          "--data-dir \(dataDirectory): no \(kind.displayName) there"
            + (tried.map { " (\($0.outcome))" } ?? "")
            + ". It must hold \(kind.folderName)/ with the four official files;"
            + " `swift run datasets --data-dir \(dataDirectory)` says what it finds.")
      }
      return located
    }
    guard quick else { return try Dataset.locate(kind) }
    let folder = BundledSubsets.folder(for: kind)
    let source = DataSource(origin: .bundled, folder: folder)
    return LocatedDataset(
      dataset: try Dataset.load(kind, fromFolder: folder), source: source,
      attempts: [SourceAttempt(source: source, succeeded: true, outcome: "--quick uses it")])
  }

  /// Writes each (file name, text) into `--out` (created if needed) and prints
  /// `wrote results/NAME` for each; on failure prints why to standard error and exits 1.
  public func writeResultsOrExit(_ files: [(name: String, text: String)], program: String) {
    let folder = URL(fileURLWithPath: outputDirectory)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      print("")
      for (name, text) in files {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        print("wrote \(outputDirectory)/\(name)")
      }
    } catch {
      FileHandle.standardError.write(
        Data("\(program): cannot write results to \(outputDirectory): \(error)\n".utf8))
      exit(1)
    }
  }
}
