// Decompression: zlib's gzread through the `CZlib` system library target, not `gzip -dc`
// through `Process`: zlib decompresses straight into the final array (no pipe, no second
// copy of every byte) and is about twice as fast (figures in BENCHMARKS.md, "Data"). zlib
// ships with macOS, and on Linux `zlib1g-dev` is in the swift.org list of packages a Swift
// installation needs, so it costs learners nothing.
import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one file from start to end, gzip-compressed or not: zlib's `gzread` passes a
/// file without the gzip signature (bytes 1f 8b) through unchanged, so raw and `.gz` IDX
/// files take the same path.
///
/// Every failure becomes a `DataError` naming the file: opening (missing, folder, no
/// permission), reading, and a damaged stream. zlib reports a stream cut short as "no
/// more data" plus a soft error, not as a failure; `read(into:)` checks for it after every
/// short read, so a truncated download never passes for a short file.
final class GzipReader {
  /// The file being read, for messages.
  let path: String
  /// Whether the file starts with the gzip signature.
  let isCompressed: Bool
  /// The size of the file on disk in bytes.
  let fileSize: Int
  /// For a gzip file, the uncompressed size its trailer records (modulo 2³²): a hint for
  /// allocating once; the stream itself is what counts.
  let uncompressedSizeHint: Int?
  private let file: gzFile

  /// Opens `path`; throws `.missingFile`, `.isADirectory`, `.permissionDenied`,
  /// `.emptyFile` or `.unreadable`.
  init(path: String) throws {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw DataError.fromSystemError(errno, path: path) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let error = DataError.fromSystemError(errno, path: path)
      close(descriptor)
      throw error
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw DataError.isADirectory(path: path)
    }
    fileSize = Int(info.st_size)
    guard fileSize > 0 else {
      close(descriptor)
      throw DataError.emptyFile(path: path)
    }
    var signature: (UInt8, UInt8) = (0, 0)
    let signatureBytes = pread(descriptor, &signature, 2, 0)
    isCompressed = signatureBytes == 2 && signature == (0x1f, 0x8b)
    var trailer: UInt32 = 0
    if isCompressed, fileSize >= 18, pread(descriptor, &trailer, 4, off_t(fileSize - 4)) == 4 {
      uncompressedSizeHint = Int(UInt32(littleEndian: trailer))
    } else {
      uncompressedSizeHint = nil
    }
    guard let opened = gzdopen(descriptor, "rb") else {
      close(descriptor)
      throw DataError.unreadable(path: path, reason: "zlib could not open the file")
    }
    file = opened
    // 128 KiB buffers instead of 8 KiB for the big files: fewer system calls.
    if fileSize > 1 << 17 { gzbuffer(file, 1 << 17) }
  }

  deinit { gzclose(file) }

  /// Reads until `buffer` is full or the data ends; returns the number of bytes read.
  /// Throws `.corruptGzip` for a damaged or cut-short stream, `.unreadable` for an I/O
  /// error.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var total = 0
    while total < buffer.count {
      let chunk = UInt32(min(buffer.count - total, 1 << 30))
      let got = gzread(file, base + total, chunk)
      if got < 0 { throw currentError() ?? .corruptGzip(path: path, reason: "read failed") }
      if got == 0 { break }
      total += Int(got)
    }
    if total < buffer.count, let error = currentError() { throw error }
    return total
  }

  /// Whether the data ends here; reading on lets zlib check the gzip trailer's CRC-32 and
  /// length, so a stream with a damaged trailer is caught too.
  func isAtEnd() throws -> Bool {
    var byte: UInt8 = 0
    let got = try withUnsafeMutableBytes(of: &byte) { try read(into: $0) }
    return got == 0
  }

  /// zlib's pending error, if any, as a `DataError`.
  private func currentError() -> DataError? {
    var code: Int32 = Z_OK
    var message = gzerror(file, &code).map { String(cString: $0) } ?? ""
    // zlib prefixes the name it was opened with, "<fd:7>" for gzdopen: drop it.
    if message.hasPrefix("<fd:"), let colon = message.firstIndex(of: " ") {
      message = String(message[message.index(after: colon)...])
    }
    switch code {
    case Z_OK: return nil
    case Z_BUF_ERROR:
      return .corruptGzip(path: path, reason: "unexpected end of file (the file is truncated)")
    case Z_ERRNO: return .unreadable(path: path, reason: String(cString: strerror(errno)))
    default: return .corruptGzip(path: path, reason: message)
    }
  }
}

extension DataError {
  /// The error for a failed `open` or `stat` whose `errno` is `code`: `ENOENT` →
  /// `.missingFile`, `EACCES` or `EPERM` → `.permissionDenied`, anything else →
  /// `.unreadable` with the system's text.
  ///
  ///     DataError.fromSystemError(EACCES, path: "/data/mnist")   // .permissionDenied
  public static func fromSystemError(_ code: Int32, path: String) -> DataError {
    switch code {
    case ENOENT, ENOTDIR: return .missingFile(path: path)
    case EACCES, EPERM: return .permissionDenied(path: path)
    case EISDIR: return .isADirectory(path: path)
    default: return .unreadable(path: path, reason: String(cString: strerror(code)))
    }
  }
}
