/// Everything that can be wrong with a data file, a data folder or a download. Every case
/// names the file (or address) and the problem, so the message alone says what to fix.
///
///     do { _ = try IDXReader.readLabels(at: "t10k-labels-idx1-ubyte") }
///     catch let error as DataError { print(error) }
///     // t10k-labels-idx1-ubyte: label 12 at index 40 is not a class 0…9
///
/// A malformed file never stops the program: the readers check every size before using it
/// and throw one of these instead.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No file at `path`.
  case missingFile(path: String)
  /// The file (or, for `.gz`, its uncompressed content) has no bytes at all.
  case emptyFile(path: String)
  /// `path` is a folder where a file was expected.
  case isADirectory(path: String)
  /// The operating system refused to open or list `path`.
  case permissionDenied(path: String)
  /// Any other failure to open or read `path`, with the system's reason.
  case unreadable(path: String, reason: String)
  /// Fewer bytes than the IDX header needs (16 for images, 8 for labels).
  case truncatedHeader(path: String, found: Int, needed: Int)
  /// The first four bytes are not the IDX magic number expected here.
  case wrongMagic(path: String, found: UInt32, expected: UInt32)
  /// The header gives an image size that no data set has (zero, or larger than 4096).
  case badImageSize(path: String, rows: Int, columns: Int)
  /// The file ends before the items its header counts: the count disagrees with the size.
  case truncatedBody(path: String, count: Int, expectedBytes: Int, foundBytes: Int)
  /// The file goes on after the items its header counts: the count disagrees with the size.
  case trailingBytes(path: String, count: Int, expectedBytes: Int)
  /// The gzip stream is damaged (zlib's reason attached).
  case corruptGzip(path: String, reason: String)
  /// An images file and its labels file count different numbers of items.
  case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
  /// A label outside the classes 0…classCount−1.
  case labelOutOfRange(path: String, index: Int, label: Int, classCount: Int)
  /// Training and test images of one data set have different sizes.
  case imageSizeMismatch(trainPath: String, train: String, testPath: String, test: String)
  /// A download could not be made (no network, server error …).
  case downloadFailed(url: String, reason: String)
  /// A downloaded file has the wrong number of bytes.
  case downloadSizeMismatch(url: String, expected: Int, found: Int)
  /// A downloaded file has the wrong MD5 checksum.
  case checksumMismatch(url: String, expected: String, found: String)

  /// The message: the file (or address), a colon, the problem and what it means.
  public var description: String {
    switch self {
    case .missingFile(let path):
      return "\(path): no such file"
    case .emptyFile(let path):
      return "\(path): the file is empty"
    case .isADirectory(let path):
      return "\(path): is a folder, not a file"
    case .permissionDenied(let path):
      return "\(path): permission denied (check the read permission of the file and its folders)"
    case .unreadable(let path, let reason):
      return "\(path): cannot be read: \(reason)"
    case .truncatedHeader(let path, let found, let needed):
      return "\(path): truncated header: \(found) bytes, an IDX header needs \(needed)"
    case .wrongMagic(let path, let found, let expected):
      return "\(path): wrong magic number \(found) (0x\(String(found, radix: 16))),"
        + " expected \(expected) (\(IDXReader.kindName(magic: expected)))"
    case .badImageSize(let path, let rows, let columns):
      return "\(path): image size \(rows) × \(columns) in the header is not plausible"
    case .truncatedBody(let path, let count, let expectedBytes, let foundBytes):
      return "\(path): truncated: the header counts \(count) items, which need"
        + " \(expectedBytes) bytes after the header, but the file has \(foundBytes)"
    case .trailingBytes(let path, let count, let expectedBytes):
      return "\(path): the header counts \(count) items (\(expectedBytes) bytes after the"
        + " header) but the file is longer: count and file size disagree"
    case .corruptGzip(let path, let reason):
      return "\(path): corrupt gzip stream: \(reason)"
    case .countMismatch(let imagesPath, let images, let labelsPath, let labels):
      return "\(imagesPath) has \(images) images but \(labelsPath) has \(labels) labels"
    case .labelOutOfRange(let path, let index, let label, let classCount):
      return "\(path): label \(label) at index \(index) is not a class 0…\(classCount - 1)"
    case .imageSizeMismatch(let trainPath, let train, let testPath, let test):
      return "\(trainPath) has \(train) images but \(testPath) has \(test) images"
    case .downloadFailed(let url, let reason):
      return "\(url): download failed: \(reason)"
    case .downloadSizeMismatch(let url, let expected, let found):
      return "\(url): downloaded \(found) bytes, expected \(expected); the file was discarded"
    case .checksumMismatch(let url, let expected, let found):
      return "\(url): MD5 \(found), expected \(expected); the file was discarded"
    }
  }

  /// The path or address the error is about.
  public var path: String {
    switch self {
    case .missingFile(let path), .emptyFile(let path), .isADirectory(let path),
      .permissionDenied(let path), .unreadable(let path, _), .truncatedHeader(let path, _, _),
      .wrongMagic(let path, _, _), .badImageSize(let path, _, _),
      .truncatedBody(let path, _, _, _), .trailingBytes(let path, _, _),
      .corruptGzip(let path, _), .labelOutOfRange(let path, _, _, _):
      return path
    case .countMismatch(let imagesPath, _, _, _):
      return imagesPath
    case .imageSizeMismatch(let trainPath, _, _, _):
      return trainPath
    case .downloadFailed(let url, _), .downloadSizeMismatch(let url, _, _),
      .checksumMismatch(let url, _, _):
      return url
    }
  }
}
