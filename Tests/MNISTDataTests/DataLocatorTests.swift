import Foundation
import LessonSupport
import MNISTData
import NeuralKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A locator that sees only what the test sets up: its own cache (through
/// `XDG_CACHE_HOME`), no system folders, and a fetch that fails as if offline.
func isolatedLocator(
  in folder: TemporaryFolder, dataDirectory: String? = nil, environment: [String: String] = [:],
  fetch: @escaping DataFetch = { url, _, _ in
    throw DataError.downloadFailed(url: url, reason: "offline (test)")
  }
) -> DataLocator {
  var locator = DataLocator(
    dataDirectory: dataDirectory,
    environment: ["XDG_CACHE_HOME": folder.file("cache"), "HOME": folder.path].merging(environment)
    { $1 },
    downloader: Downloader(fetch: fetch))
  locator.systemFolders = { _ in [] }
  return locator
}

@Suite("Data: where data sets come from")
struct DataLocatorTests {
  @Test("nothing found: the bundled subset, with a banner, after trying every source")
  func fallsBackToBundled() throws {
    let folder = try TemporaryFolder()
    let located = try isolatedLocator(in: folder, dataDirectory: folder.file("none")).locate(.mnist)

    #expect(located.isBundledSubset)
    #expect(located.dataset.train.count == 10 * BundledSubsets.trainPerClass)
    #expect(
      located.attempts.map(\.source.origin) == [.dataDirectoryOption, .cache, .download, .bundled])
    #expect(located.attempts.map(\.succeeded) == [false, false, false, true])
    #expect(located.attempts[0].outcome == "no such folder")
    #expect(located.attempts[2].outcome.contains("offline (test)"))
    let banner = try #require(located.banner)
    #expect(!banner.contains("\n"), "the banner is one line")
    #expect(banner.contains("bundled MNIST subset") && banner.contains("--data-dir"))
  }

  @Test("--data-dir wins over NEURALKIT_DATA_DIR and the cache")
  func dataDirectoryFirst() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("option/mnist"), trainCount: 11)
    try DataFixtures.writeDataset(in: folder.file("environment/mnist"), trainCount: 12)
    try DataFixtures.writeDataset(
      in: folder.file("cache/neural-nets-from-scratch/mnist"), trainCount: 13)
    let environment = ["NEURALKIT_DATA_DIR": folder.file("environment")]

    let fromOption = try isolatedLocator(
      in: folder, dataDirectory: folder.file("option"), environment: environment
    ).locate(.mnist)
    #expect(fromOption.dataset.train.count == 11)
    #expect(
      fromOption.source
        == DataSource(origin: .dataDirectoryOption, folder: folder.file("option/mnist")))
    #expect(fromOption.banner == nil)

    let fromEnvironment = try isolatedLocator(in: folder, environment: environment).locate(.mnist)
    #expect(fromEnvironment.dataset.train.count == 12)

    let fromCache = try isolatedLocator(in: folder).locate(.mnist)
    #expect(fromCache.dataset.train.count == 13)
    #expect(fromCache.source.origin == .cache)
  }

  @Test("the cache follows XDG_CACHE_HOME, else HOME/.cache")
  func cacheFolder() {
    let xdg = DataLocator(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
    #expect(xdg.cacheFolder(for: .fashionMNIST) == "/c/neural-nets-from-scratch/fashion-mnist")
    let home = DataLocator(environment: ["HOME": "/h"])
    #expect(home.cacheFolder(for: .mnist) == "/h/.cache/neural-nets-from-scratch/mnist")
    #expect(DataLocator(environment: [:]).cacheFolder(for: .mnist) == nil)
  }

  @Test("Fashion-MNIST also looks in Debian's /usr/share/datasets/fashion-mnist")
  func systemFolder() {
    let sources = DataLocator(environment: ["HOME": "/h"]).folderSources(for: .fashionMNIST)
    #expect(sources.map(\.origin) == [.cache, .systemPackage, .bundled])
    #expect(sources[1].folder == "/usr/share/datasets/fashion-mnist")
    #expect(
      !DataLocator(environment: [:]).folderSources(for: .mnist).contains {
        $0.origin == .systemPackage
      })
  }

  @Test("an incomplete folder is listed with what it lacks, and skipped")
  func incompleteFolder() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("data/mnist"))
    try FileManager.default.removeItem(atPath: folder.file("data/mnist/t10k-images-idx3-ubyte.gz"))

    let located = try isolatedLocator(in: folder, dataDirectory: folder.file("data")).locate(.mnist)
    #expect(located.attempts[0].outcome == "missing t10k-images-idx3-ubyte[.gz]")
    #expect(located.isBundledSubset)
  }

  @Test("--data-dir naming the data set's own folder gets a hint to name the one above")
  func dataSetFolderGiven() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("data/mnist"))

    let located = try isolatedLocator(in: folder, dataDirectory: folder.file("data/mnist"))
      .locate(.mnist)
    #expect(
      located.attempts[0].outcome.hasPrefix("no such folder; \(folder.file("data/mnist")) itself"))
    #expect(located.isBundledSubset)
  }

  @Test("a complete folder with a damaged file is an error, not a silent fallback")
  func damagedFolderThrows() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.file("data/mnist"))
    let damaged = folder.file("data/mnist/train-labels-idx1-ubyte.gz")
    try DataFixtures.write(DataFixtures.gzip(DataFixtures.labelsFile([1, 2, 42])), to: damaged)

    #expect(throws: DataError.labelOutOfRange(path: damaged, index: 2, label: 42, classCount: 10)) {
      try isolatedLocator(in: folder, dataDirectory: folder.file("data")).locate(.mnist)
    }
  }

  @Test("NEURALKIT_OFFLINE skips the download without calling fetch")
  func offline() throws {
    let folder = try TemporaryFolder()
    let located = try isolatedLocator(
      in: folder, environment: ["NEURALKIT_OFFLINE": "1"],
      fetch: { _, _, _ in Issue.record("fetch must not be called offline") }
    ).locate(.mnist)
    #expect(
      located.attempts.first { $0.source.origin == .download }?.outcome
        == "skipped: NEURALKIT_OFFLINE is set")
  }
}

/// A fake mirror: a folder with a small data set's four `.gz` files, and a catalog whose
/// sizes and checksums are those files', as the real catalog holds the official ones.
struct FakeMirror {
  let folder: String
  let files: [OfficialFile]

  init(in temporary: TemporaryFolder) throws {
    let mirror = temporary.file("mirror")
    try DataFixtures.writeDataset(in: mirror, trainCount: 30, testCount: 10)
    folder = mirror
    files = try OfficialFile.Role.allCases.map { role in
      let path = mirror + "/" + role.fileName + ".gz"
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
      return OfficialFile(role: role, gzipSize: size, gzipMD5: try MD5.hex(ofFileAt: path))
    }
  }

  /// A fetch that copies `mirror/NAME` to the destination, like a download from disk.
  static let copyFetch: DataFetch = { url, destination, _ in
    let source = url.replacingOccurrences(of: "file://", with: "")
    guard FileManager.default.fileExists(atPath: source) else {
      throw DataError.downloadFailed(url: url, reason: "404")
    }
    try FileManager.default.copyItem(atPath: source, toPath: destination)
  }

  func downloader(fetch: @escaping DataFetch = FakeMirror.copyFetch) -> Downloader {
    var downloader = Downloader(fetch: fetch)
    let files = files
    let mirrors = ["file://" + folder + "/"]
    downloader.catalog = { _ in (files, mirrors) }
    return downloader
  }
}

@Suite("Data: downloads are checked and renamed into place")
struct DataDownloadTests {
  @Test("missing files are downloaded into the cache, verified, and the data set loads")
  func downloadIntoCache() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    var locator = isolatedLocator(in: folder)
    locator.downloader = mirror.downloader()

    let located = try locator.locate(.mnist)

    #expect(located.source.origin == .download)
    #expect(located.dataset.train.count == 30)
    let cache = try #require(locator.cacheFolder(for: .mnist))
    #expect(DataFolder(path: cache).status == .complete)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache).filter {
      $0.hasPrefix(".")
    }
    #expect(leftovers.isEmpty, "no temporary files may stay behind: \(leftovers)")
    // The next run finds the cache and downloads nothing.
    locator.downloader = mirror.downloader(fetch: { url, _, _ in
      Issue.record("fetched \(url) again")
    })
    #expect(try locator.locate(.mnist).source.origin == .cache)
  }

  @Test("a file with the wrong checksum is discarded, never renamed into place")
  func checksumMismatch() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    var file = mirror.files[0]
    file.gzipMD5 = String(repeating: "0", count: 32)
    let target = folder.file("target")
    let url = "file://" + mirror.folder + "/" + file.gzipName

    let error = #expect(throws: DataError.self) {
      try mirror.downloader().install(file, from: url, into: target)
    }
    guard case .checksumMismatch(let reportedURL, _, _) = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
    #expect(reportedURL == url)
    #expect((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] == [])
  }

  @Test("an interrupted download leaves no file that could load as data")
  func interruptedDownload() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    let file = mirror.files[0]
    let target = folder.file("target")
    let interrupted: DataFetch = { url, destination, _ in
      try DataFixtures.write([0x1F, 0x8B, 8, 0], to: destination)  // a few bytes, then …
      throw DataError.downloadFailed(url: url, reason: "connection reset")
    }

    #expect(throws: DataError.downloadFailed(url: "u", reason: "connection reset")) {
      try mirror.downloader(fetch: interrupted).install(file, from: "u", into: target)
    }
    #expect((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] == [])
  }

  @Test("a failed download leaves none of the folders it created")
  func noEmptyFolders() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    let failing: DataFetch = { url, _, _ in
      throw DataError.downloadFailed(url: url, reason: "offline")
    }

    #expect(throws: DataError.self) {
      try mirror.downloader(fetch: failing).install(
        mirror.files[0], from: "u", into: folder.file("a/b/c"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("a")))
    #expect(FileManager.default.fileExists(atPath: folder.path), "folders that existed stay")
  }

  @Test("a short download is caught by its size before its checksum")
  func sizeMismatch() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    let file = mirror.files[0]
    let short: DataFetch = { _, destination, _ in
      try DataFixtures.write([1, 2, 3], to: destination)
    }

    #expect(throws: DataError.downloadSizeMismatch(url: "u", expected: file.gzipSize, found: 3)) {
      try mirror.downloader(fetch: short).install(file, from: "u", into: folder.file("target"))
    }
  }

  @Test(
    "curl fetches a file:// address",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs /usr/bin/curl"))
  func curlFetch() throws {
    let folder = try TemporaryFolder()
    let mirror = try FakeMirror(in: folder)
    let file = mirror.files[1]
    let path = try Downloader(fetch: Downloader.curl).install(
      file, from: "file://" + mirror.folder + "/" + file.gzipName, into: folder.file("target"))
    #expect(try IDXReader.readLabels(at: path).count == 30)
  }

  @Test("the official catalog: four files per data set, sizes and 32-digit MD5s")
  func officialCatalog() {
    for kind in DatasetKind.allCases {
      #expect(kind.officialFiles.map(\.role) == OfficialFile.Role.allCases)
      #expect(kind.officialFiles.allSatisfy { $0.gzipMD5.count == 32 && $0.gzipSize > 1_000 })
      #expect(kind.mirrors.allSatisfy { $0.hasSuffix("/") })
    }
  }
}

@Suite("Data: full data sets (opt-in)")
struct DataFullSetTests {
  static let directory = ProcessInfo.processInfo.environment["NEURALKIT_DATA_DIR"]

  @Test(
    "the full sets load from NEURALKIT_DATA_DIR with 60,000 and 10,000 images",
    .enabled(
      if: directory != nil, "set NEURALKIT_DATA_DIR to a folder with mnist/ and fashion-mnist/"),
    arguments: DatasetKind.allCases)
  func fullSets(kind: DatasetKind) throws {
    let dataset = try Dataset.load(kind, fromFolder: Self.directory! + "/" + kind.folderName)
    #expect(dataset.train.count == 60_000)
    #expect(dataset.test.count == 10_000)
    #expect(dataset.train.classCounts().allSatisfy { $0 > 5_000 })
  }
}
