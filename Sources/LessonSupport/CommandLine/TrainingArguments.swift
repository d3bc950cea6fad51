import Foundation
import MNISTData
import NeuralKit

/// The command-line flags of the training lessons (05 and 06), read into `TrainingOptions`
/// and the run's other settings. Each program names the flags it accepts; any other flag,
/// or a malformed value, is an error naming the flag and what it expects.
///
///     --dataset mnist|fashion-mnist|both    --epochs N          --batch-size N
///     --learning-rate X                     --optimizer adam|sgd
///     --hidden 128 | 128,128                --activation relu|sigmoid|tanh|leaky-relu
///     --pixels scaled|raw                   --split standard|combined-80-20
///     --eval-every STEPS (0: epoch ends only)
///     --seed N | --seeds N (1…N) or 4,8,15  --data-dir DIR      --out DIR
///     --preset NAME                         --quick             --no-color    --help
public struct TrainingArguments: Equatable, Sendable {
  /// The flags a program can accept.
  public enum Flag: String, CaseIterable, Sendable {
    case dataset, epochs, batchSize = "batch-size", learningRate = "learning-rate", optimizer
    case hidden, activation, pixels, split, evalEvery = "eval-every", seed, seeds
    case dataDir = "data-dir", out, preset, quick, noColor = "no-color", help
  }

  /// The training options the flags set.
  public var options = TrainingOptions()
  /// Data sets to run on, in order.
  public var datasets: [DatasetKind] = [.mnist]
  /// Seeds to run (`--seed`, `--seeds`).
  public var seeds: [UInt64] = [1]
  /// Training/validation split (`--split`).
  public var split: Split = .standard
  /// A folder holding `mnist/` and `fashion-mnist/` (`--data-dir`).
  public var dataDirectory: String?
  /// Where results are written (`--out`).
  public var outputDirectory = "results"
  /// The preset given with `--preset`, if any.
  public var preset: String?
  /// `--quick`: a short run on the bundled subsets.
  public var quick = false
  /// `--no-color`: plain text even on a terminal.
  public var plain = false
  /// `--help` or `-h` was given.
  public var help = false
  /// Flags given explicitly (so a preset or `--quick` does not override them).
  public var given: Set<String> = []

  /// The defaults, before any flag.
  public init() {}

  /// Why the command line could not be read.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    public var description: String
    /// A problem described by `description`.
    public init(_ description: String) { self.description = description }
  }

  /// Reads `arguments` (without the program name), starting from `defaults`, accepting
  /// only `accepted` flags. `presets` maps a preset name to the flags it stands for.
  public static func parse(
    _ arguments: [String], defaults: TrainingArguments, accepted: Set<Flag>,
    presets: [String: [String]] = [:]
  ) throws(Problem) -> TrainingArguments {
    var result = defaults
    // A preset expands into flags first; flags given on the command line win.
    if let index = arguments.firstIndex(of: "--preset") {
      guard accepted.contains(.preset), index + 1 < arguments.count else {
        throw Problem(
          accepted.contains(.preset) ? "--preset needs a name" : "unknown flag '--preset'")
      }
      let name = arguments[index + 1]
      guard let flags = presets[name] else {
        throw Problem(
          "unknown preset '\(name)'; presets: \(presets.keys.sorted().joined(separator: ", "))")
      }
      result = try parse(flags, defaults: result, accepted: accepted, presets: [:])
      result.given = []
      result.preset = name
    }
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let name = argument == "-h" ? "help" : String(argument.drop { $0 == "-" })
      guard argument.hasPrefix("-"), let flag = Flag(rawValue: name), accepted.contains(flag) else {
        throw Problem("unknown flag '\(argument)'")
      }
      result.given.insert(flag.rawValue)
      if [.quick, .noColor, .help].contains(flag) {
        switch flag {
        case .quick: result.quick = true
        case .noColor: result.plain = true
        default: result.help = true
        }
        index += 1
        continue
      }
      guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
        throw Problem("\(argument) needs a value (\(Self.expected(flag)))")
      }
      let value = arguments[index + 1]
      if flag != .preset { try result.set(flag, value) }
      index += 2
    }
    return result
  }

  private mutating func set(_ flag: Flag, _ value: String) throws(Problem) {
    func bad() -> Problem {
      Problem("--\(flag.rawValue) \(value): expected \(Self.expected(flag))")
    }
    switch flag {
    case .dataset:
      if value == "both" {
        datasets = DatasetKind.allCases
      } else if let kind = DatasetKind(argument: value) {
        datasets = [kind]
      } else {
        throw bad()
      }
    case .epochs:
      guard let n = Int(value), n > 0, n <= 1000 else { throw bad() }
      options.epochs = n
    case .batchSize:
      guard let n = Int(value), n > 0, n <= 100_000 else { throw bad() }
      options.batchSize = n
    case .learningRate:
      guard let x = Float(value), x > 0, x.isFinite else { throw bad() }
      options.learningRate = x
    case .optimizer:
      guard let choice = OptimizerChoice(rawValue: value) else { throw bad() }
      options.optimizer = choice
    case .hidden:
      let sizes = value.split(separator: ",").map { Int($0) }
      guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 10_000 }) else {
        throw bad()
      }
      options.hiddenLayers = sizes.map { $0! }
    case .activation:
      switch value {
      case "relu": options.activation = .relu
      case "sigmoid": options.activation = .sigmoid
      case "tanh": options.activation = .tanh
      case "leaky-relu": options.activation = .leakyReLU(alpha: 0.01)
      default: throw bad()
      }
    case .pixels:
      guard value == "scaled" || value == "raw" else { throw bad() }
      options.scaledPixels = value == "scaled"
    case .split:
      guard let split = Split(rawValue: value) else { throw bad() }
      self.split = split
    case .evalEvery:
      guard let n = Int(value), n >= 0 else { throw bad() }
      options.evaluateEvery = n == 0 ? nil : n
    case .seed:
      guard let n = UInt64(value) else { throw bad() }
      seeds = [n]
    case .seeds:
      if !value.contains(","), let count = Int(value), count > 0, count <= 100 {
        seeds = (1...UInt64(count)).map { $0 }
      } else {
        let list = value.split(separator: ",").map { UInt64($0) }
        guard value.contains(","), list.allSatisfy({ $0 != nil }) else { throw bad() }
        seeds = list.map { $0! }
      }
    case .dataDir: dataDirectory = value
    case .out: outputDirectory = value
    case .preset, .quick, .noColor, .help: break
    }
  }

  /// What a flag's value must look like, for messages and `--help`.
  public static func expected(_ flag: Flag) -> String {
    switch flag {
    case .dataset: return "mnist, fashion-mnist or both"
    case .epochs: return "a whole number from 1 to 1000"
    case .batchSize: return "a whole number from 1 to 100000"
    case .learningRate: return "a positive number such as 0.001"
    case .optimizer: return "adam or sgd"
    case .hidden: return "layer sizes such as 128 or 128,128"
    case .activation: return "relu, sigmoid, tanh or leaky-relu"
    case .pixels: return "scaled (0…1) or raw (0…255)"
    case .split: return "standard or combined-80-20"
    case .evalEvery: return "a number of steps, 0 for epoch ends only"
    case .seed: return "a whole number"
    case .seeds: return "a count such as 3 (seeds 1, 2, 3) or a list such as 4,8,15"
    case .dataDir: return "a folder holding mnist/ and fashion-mnist/"
    case .out: return "a folder for results"
    case .preset: return "a preset name"
    case .quick, .noColor, .help: return "no value"
    }
  }

  /// Reads `CommandLine.arguments`; prints `usage` and exits 0 for `--help`; prints the
  /// problem and how to get help to standard error and exits 2 for a bad flag.
  public static func parseOrExit(
    program: String, usage: String, defaults: TrainingArguments, accepted: Set<Flag>,
    presets: [String: [String]] = [:]
  ) -> TrainingArguments {
    do {
      let arguments = try parse(
        Array(CommandLine.arguments.dropFirst()), defaults: defaults, accepted: accepted,
        presets: presets)
      if arguments.help {
        print(usage)
        exit(0)
      }
      return arguments
    } catch {
      FileHandle.standardError.write(
        Data(
          "\(program): \(error.description)\nRun `swift run \(program) --help` for the flags.\n"
            .utf8))
      exit(2)
    }
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

  /// The command line that reproduces this run: `swift run PROGRAM` and the flags given.
  public static func reproducingCommand(program: String) -> String {
    (["swift run", program] + CommandLine.arguments.dropFirst()).joined(separator: " ")
  }
}
