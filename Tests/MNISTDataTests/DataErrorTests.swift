import Foundation
import MNISTData
import NeuralKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A malformed file, as the test writes it, and the error the reader must throw.
struct BadFileCase: CustomTestStringConvertible, Sendable {
  let name: String
  /// The file's bytes; nil writes no file at all.
  let bytes: [UInt8]?
  let readsLabels: Bool
  let expected: @Sendable (String) -> DataError

  var testDescription: String { name }

  static let validImages = DataFixtures.imagesFile(count: 4, rows: 3, columns: 2)  // 16 + 24 bytes
  static let validLabels = DataFixtures.labelsFile([0, 1, 2, 3])
  static let validGzip = DataFixtures.gzip(validImages)

  static let all: [BadFileCase] = [
    BadFileCase(name: "missing file", bytes: nil, readsLabels: false) { .missingFile(path: $0) },
    BadFileCase(name: "empty file", bytes: [], readsLabels: false) { .emptyFile(path: $0) },
    BadFileCase(name: "empty gzip content", bytes: DataFixtures.gzip([]), readsLabels: true) {
      .emptyFile(path: $0)
    },
    BadFileCase(
      name: "truncated images header", bytes: Array(validImages[0..<10]), readsLabels: false
    ) {
      .truncatedHeader(path: $0, found: 10, needed: 16)
    },
    BadFileCase(
      name: "truncated labels header", bytes: Array(validLabels[0..<6]), readsLabels: true
    ) {
      .truncatedHeader(path: $0, found: 6, needed: 8)
    },
    BadFileCase(name: "truncated body", bytes: Array(validImages.dropLast(5)), readsLabels: false) {
      .truncatedBody(path: $0, count: 4, expectedBytes: 24, foundBytes: 19)
    },
    BadFileCase(
      name: "truncated body inside gzip", bytes: DataFixtures.gzip(Array(validImages.dropLast(5))),
      readsLabels: false
    ) {
      .truncatedBody(path: $0, count: 4, expectedBytes: 24, foundBytes: 19)
    },
    BadFileCase(name: "labels file read as images", bytes: validLabels, readsLabels: false) {
      .wrongMagic(path: $0, found: 2049, expected: 2051)
    },
    BadFileCase(name: "images file read as labels", bytes: validImages, readsLabels: true) {
      .wrongMagic(path: $0, found: 2051, expected: 2049)
    },
    BadFileCase(
      name: "little-endian header", bytes: [3, 8, 0, 0] + Array(validImages[4...]),
      readsLabels: false
    ) {
      .wrongMagic(path: $0, found: 0x0308_0000, expected: 2051)
    },
    BadFileCase(
      name: "count larger than the file",
      bytes: DataFixtures.bigEndian(2049) + DataFixtures.bigEndian(4_000_000_000) + [1, 2],
      readsLabels: true
    ) {
      .truncatedBody(path: $0, count: 4_000_000_000, expectedBytes: 4_000_000_000, foundBytes: 2)
    },
    BadFileCase(
      name: "count larger than the gzip content",
      bytes: DataFixtures.gzip(
        DataFixtures.bigEndian(2049) + DataFixtures.bigEndian(4_000_000_000) + [1, 2]),
      readsLabels: true
    ) {
      .truncatedBody(path: $0, count: 4_000_000_000, expectedBytes: 4_000_000_000, foundBytes: 2)
    },
    BadFileCase(name: "count smaller than the file", bytes: validLabels + [7], readsLabels: true) {
      .trailingBytes(path: $0, count: 4, expectedBytes: 4)
    },
    BadFileCase(
      name: "count smaller than the gzip content", bytes: DataFixtures.gzip(validLabels + [7]),
      readsLabels: true
    ) {
      .trailingBytes(path: $0, count: 4, expectedBytes: 4)
    },
    BadFileCase(
      name: "zero image rows", bytes: DataFixtures.imagesFile(count: 0, rows: 0, columns: 28),
      readsLabels: false
    ) {
      .badImageSize(path: $0, rows: 0, columns: 28)
    },
    BadFileCase(
      name: "label outside 0…9", bytes: DataFixtures.labelsFile([0, 1, 10, 3]), readsLabels: true
    ) {
      .labelOutOfRange(path: $0, index: 2, label: 10, classCount: 10)
    },
    BadFileCase(
      name: "gzip cut in half", bytes: Array(validGzip[0..<(validGzip.count / 2)]),
      readsLabels: false
    ) {
      .corruptGzip(path: $0, reason: "unexpected end of file (the file is truncated)")
    },
    BadFileCase(name: "gzip with a damaged CRC", bytes: damagedCRC(validGzip), readsLabels: false) {
      .corruptGzip(path: $0, reason: "incorrect data check")
    },
    BadFileCase(
      name: "gzip with a damaged block header", bytes: damagedBlockHeader(validGzip),
      readsLabels: false
    ) {
      .corruptGzip(path: $0, reason: "invalid stored block lengths")
    },
  ]

  /// Flips one bit of the stored CRC-32 (the trailer's first byte).
  static func damagedCRC(_ gzip: [UInt8]) -> [UInt8] {
    var bytes = gzip
    bytes[bytes.count - 8] ^= 0x01
    return bytes
  }

  /// Breaks the stored block's LEN / ~LEN pair (bytes 11…14).
  static func damagedBlockHeader(_ gzip: [UInt8]) -> [UInt8] {
    var bytes = gzip
    bytes[13] ^= 0xFF
    return bytes
  }
}

@Suite("Data: every malformed file gives a named error, never a crash")
struct DataErrorTests {
  @Test("bad file", arguments: BadFileCase.all)
  func badFile(_ testCase: BadFileCase) throws {
    let folder = try TemporaryFolder()
    let path = folder.file("case.idx")
    if let bytes = testCase.bytes { try DataFixtures.write(bytes, to: path) }

    let error = #expect(throws: DataError.self) {
      if testCase.readsLabels {
        _ = try IDXReader.readLabels(at: path)
      } else {
        _ = try IDXReader.readImages(at: path)
      }
    }
    #expect(error == testCase.expected(path))
    #expect(error?.description.hasPrefix(path) == true, "the message must name the file")
  }

  @Test("a folder where a file should be")
  func directoryInsteadOfFile() throws {
    let folder = try TemporaryFolder()
    #expect(throws: DataError.isADirectory(path: folder.path)) {
      try IDXReader.readImages(at: folder.path)
    }
  }

  @Test("image and label counts that disagree name both files")
  func countMismatch() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.path, trainCount: 20, testCount: 10)
    let labels = folder.file("t10k-labels-idx1-ubyte.gz")
    try DataFixtures.write(DataFixtures.gzip(DataFixtures.labelsFile([1, 2, 3])), to: labels)

    #expect(
      throws: DataError.countMismatch(
        imagesPath: folder.file("t10k-images-idx3-ubyte.gz"), images: 10, labelsPath: labels,
        labels: 3)
    ) { try Dataset.load(.mnist, fromFolder: folder.path) }
  }

  @Test("training and test images of different sizes")
  func imageSizeMismatch() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.path, trainCount: 20, testCount: 10)
    let test = folder.file("t10k-images-idx3-ubyte.gz")
    try DataFixtures.write(
      DataFixtures.gzip(DataFixtures.imagesFile(count: 10, rows: 2, columns: 2)), to: test)

    #expect(
      throws: DataError.imageSizeMismatch(
        trainPath: folder.file("train-images-idx3-ubyte.gz"), train: "3 × 2", testPath: test,
        test: "2 × 2")
    ) { try Dataset.load(.mnist, fromFolder: folder.path) }
  }

  @Test("a missing file in a data folder is named with both its forms")
  func missingInFolder() throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(in: folder.path)
    try FileManager.default.removeItem(atPath: folder.file("train-labels-idx1-ubyte.gz"))

    #expect(throws: DataError.missingFile(path: folder.file("train-labels-idx1-ubyte[.gz]"))) {
      try Dataset.load(.mnist, fromFolder: folder.path)
    }
    #expect(
      DataFolder(path: folder.path).status == .incomplete(missing: ["train-labels-idx1-ubyte"]))
  }

  @Test(
    "a folder without permission",
    .disabled(
      if: runsAsRoot,
      "runs as root, which ignores permission bits; DataCommandTests checks it as the user nobody"))
  func folderWithoutPermission() throws {
    let folder = try TemporaryFolder()
    let data = folder.file("mnist")
    try DataFixtures.writeDataset(in: data)
    #expect(chmod(data, 0o000) == 0)
    defer { chmod(data, 0o755) }

    #expect(DataFolder(path: data).status == .permissionDenied)
    #expect(throws: DataError.permissionDenied(path: data + "/train-images-idx3-ubyte.gz")) {
      try IDXReader.readImages(at: data + "/train-images-idx3-ubyte.gz")
    }
  }

  @Test("permission errors from the system become .permissionDenied (simulated: works as root)")
  func permissionMapping() {
    #expect(DataError.fromSystemError(EACCES, path: "/x") == .permissionDenied(path: "/x"))
    #expect(DataError.fromSystemError(EPERM, path: "/x") == .permissionDenied(path: "/x"))
    #expect(DataError.fromSystemError(ENOENT, path: "/x") == .missingFile(path: "/x"))
    #expect(DataError.permissionDenied(path: "/x").description.contains("permission denied"))
  }
}
