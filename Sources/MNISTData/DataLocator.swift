import Foundation

/// Finds a data set, trying every source in a fixed order, and says what it tried.
///
///     1. --data-dir DIR                DIR/<data set>/        (the `dataDirectory` property)
///     2. NEURALKIT_DATA_DIR=DIR        DIR/<data set>/
///     3. the user's cache              $XDG_CACHE_HOME or ~/.cache, then
///                                      neural-nets-from-scratch/<data set>/
///     4. a system package's folder     /usr/share/datasets/fashion-mnist (Fashion-MNIST)
///     5. download into the cache       official mirrors; size and MD5 checked; skipped
///                                      when NEURALKIT_OFFLINE is set
///     6. the bundled subset            always there: 1,000 + 200 images per class
///
/// `<data set>` is `mnist` or `fashion-mnist`; a folder counts when it holds the four
/// official files, each raw or `.gz`. A folder that has them but fails to load is an
/// error, not a reason to move on: quietly training on the subset when your own files
/// are damaged would hide the problem.
///
///     let located = try DataLocator(dataDirectory: "/data").locate(.mnist)
///     for attempt in located.attempts { print(attempt) }
///     // ✓ --data-dir /data/mnist: loaded
public struct DataLocator: Sendable {
  /// `--data-dir DIR`: the folder holding `mnist/` and `fashion-mnist/`, or nil.
  public var dataDirectory: String?
  /// The environment (`NEURALKIT_DATA_DIR`, `XDG_CACHE_HOME`, `HOME`, `NEURALKIT_OFFLINE`).
  public var environment: [String: String]
  /// Whether step 5 may download (also off when `NEURALKIT_OFFLINE` is set and not `0`).
  public var allowDownload: Bool
  /// How downloads are made.
  public var downloader: Downloader
  /// The system folders to look in, per data set (step 4).
  public var systemFolders: @Sendable (DatasetKind) -> [String]
  /// Where the bundled subsets are (step 6).
  public var bundledFolder: @Sendable (DatasetKind) -> String

  /// A locator for this process: its environment, downloads allowed, curl as fetcher.
  public init(
    dataDirectory: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    allowDownload: Bool = true,
    downloader: Downloader = Downloader()
  ) {
    self.dataDirectory = dataDirectory
    self.environment = environment
    self.allowDownload = allowDownload
    self.downloader = downloader
    self.systemFolders = { $0.systemDirectories }
    self.bundledFolder = { BundledSubsets.folder(for: $0) }
  }

  /// The cache folder for `kind`, or nil when neither `XDG_CACHE_HOME` nor `HOME` is set.
  public func cacheFolder(for kind: DatasetKind) -> String? {
    let base: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], !home.isEmpty {
      base = home + "/.cache"
    } else {
      return nil
    }
    return base + "/neural-nets-from-scratch/" + kind.folderName
  }

  /// Whether downloads are switched off by `allowDownload` or `NEURALKIT_OFFLINE`.
  public var isOffline: Bool {
    if !allowDownload { return true }
    guard let value = environment["NEURALKIT_OFFLINE"] else { return false }
    return !value.isEmpty && value != "0"
  }

  /// Steps 1–4 and 6 as folders, in order (the download, step 5, fills the cache folder).
  public func folderSources(for kind: DatasetKind) -> [DataSource] {
    var sources: [DataSource] = []
    if let directory = dataDirectory, !directory.isEmpty {
      sources.append(
        DataSource(origin: .dataDirectoryOption, folder: directory + "/" + kind.folderName))
    }
    if let directory = environment["NEURALKIT_DATA_DIR"], !directory.isEmpty,
      directory != dataDirectory
    {
      sources.append(DataSource(origin: .environment, folder: directory + "/" + kind.folderName))
    }
    if let cache = cacheFolder(for: kind) {
      sources.append(DataSource(origin: .cache, folder: cache))
    }
    for folder in systemFolders(kind) {
      sources.append(DataSource(origin: .systemPackage, folder: folder))
    }
    sources.append(DataSource(origin: .bundled, folder: bundledFolder(kind)))
    return sources
  }

  /// Tries each source in order and returns the first data set that loads.
  ///
  /// Throws the `DataError` of a folder whose files are all present but fail to load
  /// (naming the file and the problem), or of a broken bundled subset.
  public func locate(_ kind: DatasetKind) throws -> LocatedDataset {
    var attempts: [SourceAttempt] = []
    for source in folderSources(for: kind) {
      if source.origin == .bundled, let cache = cacheFolder(for: kind) {
        let download = DataSource(origin: .download, folder: cache)
        if let loaded = try downloadAndLoad(kind, source: download, attempts: &attempts) {
          return loaded
        }
      }
      let folder = DataFolder(path: source.folder)
      guard folder.status == .complete else {
        attempts.append(
          SourceAttempt(source: source, succeeded: false, outcome: outcome(of: folder, source)))
        continue
      }
      let dataset = try Dataset.load(kind, fromFolder: source.folder)
      attempts.append(SourceAttempt(source: source, succeeded: true, outcome: "loaded"))
      return LocatedDataset(dataset: dataset, source: source, attempts: attempts)
    }
    // Not reached: the bundled subset is always a source and either loads or throws.
    throw DataError.missingFile(path: bundledFolder(kind))
  }

  /// Why `folder` was skipped, with a hint for the common slip of naming the data set's
  /// own folder (`--data-dir data/mnist`) instead of the folder above it (`data`).
  private func outcome(of folder: DataFolder, _ source: DataSource) -> String {
    let given: String?
    switch source.origin {
    case .dataDirectoryOption: given = dataDirectory
    case .environment: given = environment["NEURALKIT_DATA_DIR"]
    default: given = nil
    }
    if let given, folder.status == .absent, DataFolder(path: given).status == .complete {
      return "no such folder; \(given) itself holds the four files: give the folder above it,"
        + " which holds mnist/ and fashion-mnist/"
    }
    return folder.statusDescription
  }

  /// Step 5: download what the cache lacks, then load the cache; nil when that fails.
  private func downloadAndLoad(
    _ kind: DatasetKind, source: DataSource, attempts: inout [SourceAttempt]
  ) throws -> LocatedDataset? {
    if isOffline {
      let reason =
        allowDownload ? "skipped: NEURALKIT_OFFLINE is set" : "skipped: downloads are off"
      attempts.append(SourceAttempt(source: source, succeeded: false, outcome: reason))
      return nil
    }
    do {
      let lines = try downloader.downloadMissing(kind, into: source.folder)
      let dataset = try Dataset.load(kind, fromFolder: source.folder)
      let outcome = "downloaded " + (lines.isEmpty ? "nothing new" : lines.joined(separator: ", "))
      attempts.append(SourceAttempt(source: source, succeeded: true, outcome: outcome))
      return LocatedDataset(dataset: dataset, source: source, attempts: attempts)
    } catch let error as DataError {
      switch error {
      case .downloadFailed, .downloadSizeMismatch, .checksumMismatch:
        attempts.append(SourceAttempt(source: source, succeeded: false, outcome: error.description))
        return nil
      default:
        throw error
      }
    }
  }
}

extension Dataset {
  /// Finds and loads `kind` from the first source that has it (see `DataLocator` for
  /// the order), with a record of every source tried. `dataDirectory` is the value of a
  /// lesson's `--data-dir` option, if given.
  ///
  ///     let located = try Dataset.locate(.mnist, dataDirectory: nil)
  ///     if let banner = located.banner { print(banner) }   // only for the bundled subset
  ///     let batches = located.dataset.train.miniBatches(size: 32, generator: &generator)
  public static func locate(_ kind: DatasetKind, dataDirectory: String? = nil) throws
    -> LocatedDataset
  {
    try DataLocator(dataDirectory: dataDirectory).locate(kind)
  }
}
