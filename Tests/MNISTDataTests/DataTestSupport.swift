import Foundation
import MNISTData
import NeuralKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small IDX and gzip files written by the tests themselves: no test needs the full sets
/// or the network.
enum DataFixtures {
  /// A header field: 32-bit unsigned, big-endian.
  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }

  /// An images file: `count` images of `rows × columns`, pixel k of the file = k mod 256.
  static func imagesFile(count: Int, rows: Int = 3, columns: Int = 2) -> [UInt8] {
    let header =
      bigEndian(2051) + bigEndian(UInt32(count)) + bigEndian(UInt32(rows))
      + bigEndian(UInt32(columns))
    return header + (0..<count * rows * columns).map { UInt8($0 % 256) }
  }

  /// A labels file with these labels.
  static func labelsFile(_ labels: [UInt8]) -> [UInt8] {
    bigEndian(2049) + bigEndian(UInt32(labels.count)) + labels
  }

  /// `bytes` as a valid gzip file using stored (uncompressed) deflate blocks: written by
  /// hand so the tests need no compressor, and every byte's position is known.
  ///
  ///     1f 8b 08 00 | mtime 0 | 00 ff | blocks: final-bit, LEN, ~LEN, data | CRC-32 | ISIZE
  static func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
    var start = 0
    repeat {
      let end = min(start + 65_535, bytes.count)
      let length = UInt16(end - start)
      out.append(end == bytes.count ? 1 : 0)
      out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
      out += bytes[start..<end]
      start = end
    } while start < bytes.count
    out += littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    return out
  }

  static func littleEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF),
      UInt8(value >> 24),
    ]
  }

  /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as gzip's trailer uses.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
  }

  /// A valid small data set in `folder`: four files (gzip-compressed if `compressed`),
  /// `trainCount` / `testCount` images of 3 × 2 with labels cycling 0…9.
  static func writeDataset(
    in folder: String, trainCount: Int = 20, testCount: Int = 10, compressed: Bool = true
  ) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let files: [(String, [UInt8])] = [
      ("train-images-idx3-ubyte", imagesFile(count: trainCount)),
      ("train-labels-idx1-ubyte", labelsFile((0..<trainCount).map { UInt8($0 % 10) })),
      ("t10k-images-idx3-ubyte", imagesFile(count: testCount)),
      ("t10k-labels-idx1-ubyte", labelsFile((0..<testCount).map { UInt8(($0 + 3) % 10) })),
    ]
    for (name, bytes) in files {
      if compressed {
        try write(gzip(bytes), to: folder + "/" + name + ".gz")
      } else {
        try write(bytes, to: folder + "/" + name)
      }
    }
  }

  /// Writes `bytes` to a new or truncated file. Plain `open`/`write`: Foundation's
  /// `Data.write` calls `fsync`, which made the fuzz test take 25 s on a busy disk.
  static func write(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw DataError.fromSystemError(errno, path: path) }
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw DataError.unreadable(path: path, reason: "wrote \(written) of \(bytes.count) bytes")
    }
  }
}

/// The C library's `write`, which `DataFixtures.write` would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

/// A fresh temporary folder, removed when the value is dropped.
final class TemporaryFolder {
  let path: String

  init() throws {
    let template = NSTemporaryDirectory() + "neuralkit-data-test-XXXXXX"
    var buffer = Array(template.utf8CString)
    guard mkdtemp(&buffer) != nil else {
      throw DataError.unreadable(path: template, reason: "mkdtemp")
    }
    path = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `path/name`.
  func file(_ name: String) -> String { path + "/" + name }

  deinit {
    // Restore permissions a test may have removed, so the folder can be deleted.
    _ = chmod(path, 0o755)
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// Whether this process ignores file permissions (root does), so a permission test cannot
/// fail for the reason it is meant to test.
let runsAsRoot = geteuid() == 0
