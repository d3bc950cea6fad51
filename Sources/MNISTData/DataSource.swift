/// A place a data set may come from, in the order `DataLocator` tries them.
///
///     DataSource(origin: .cache, folder: "/home/ada/.cache/neural-nets-from-scratch/mnist")
///       .description   // "cache /home/ada/.cache/neural-nets-from-scratch/mnist"
public struct DataSource: Equatable, Sendable, CustomStringConvertible {
  /// Why this folder is a candidate.
  public enum Origin: String, Equatable, Sendable {
    /// `--data-dir DIR` on the command line.
    case dataDirectoryOption = "--data-dir"
    /// The `NEURALKIT_DATA_DIR` environment variable.
    case environment = "NEURALKIT_DATA_DIR"
    /// The user's cache (`$XDG_CACHE_HOME` or `~/.cache`, then `neural-nets-from-scratch`).
    case cache = "cache"
    /// A folder a system package installs into.
    case systemPackage = "system package"
    /// A download from the official mirrors into the cache.
    case download = "download into cache"
    /// The subset shipped inside NeuralKit.
    case bundled = "bundled subset"
  }

  /// Why this folder is a candidate.
  public var origin: Origin
  /// The folder holding (or to hold) the four files.
  public var folder: String

  /// A source: `origin` says why, `folder` says where.
  public init(origin: Origin, folder: String) {
    self.origin = origin
    self.folder = folder
  }

  /// `--data-dir /data/mnist`, `cache /home/ada/.cache/…/mnist`, `bundled subset`.
  public var description: String {
    origin == .bundled ? origin.rawValue : "\(origin.rawValue) \(folder)"
  }
}

/// One source tried, and what happened.
public struct SourceAttempt: Equatable, Sendable, CustomStringConvertible {
  /// The source tried.
  public var source: DataSource
  /// Whether the data set was loaded from it.
  public var succeeded: Bool
  /// What happened: `loaded`, `no such folder`, `missing t10k-labels-idx1-ubyte[.gz]` …
  public var outcome: String

  /// A record of trying `source`.
  public init(source: DataSource, succeeded: Bool, outcome: String) {
    self.source = source
    self.succeeded = succeeded
    self.outcome = outcome
  }

  /// `✓ cache /home/ada/.cache/…/mnist: loaded` or `✗ --data-dir /x/mnist: no such folder`.
  public var description: String {
    (succeeded ? "✓ " : "✗ ") + "\(source): \(outcome)"
  }
}

/// A data set with where it came from: what a lesson gets from `Dataset.locate`.
///
///     let located = try Dataset.locate(.fashionMNIST, dataDirectory: options.dataDirectory)
///     print(located.dataset.train.count, located.source)
///     // 60000 --data-dir /data/fashion-mnist
///
/// `LessonSupport` adds the lines lessons print about it (`banner`, `summary`).
public struct LocatedDataset: Sendable {
  /// The data, validated.
  public var dataset: Dataset
  /// Where it was loaded from.
  public var source: DataSource
  /// Every source tried, in order, the successful one last.
  public var attempts: [SourceAttempt]

  /// A located data set.
  public init(dataset: Dataset, source: DataSource, attempts: [SourceAttempt]) {
    self.dataset = dataset
    self.source = source
    self.attempts = attempts
  }

  /// Whether this is the bundled subset rather than the full set.
  public var isBundledSubset: Bool { source.origin == .bundled }
}
