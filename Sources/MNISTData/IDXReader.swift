import Kernels

/// Images read from an IDX file: `count` images of `rows × columns` pixels, one byte each
/// (0 = background, 255 = full ink), image after image, row after row.
///
///     pixel (row r, column c) of image i is pixels[i * rows * columns + r * columns + c]
public struct IDXImages: Equatable, Sendable {
  /// Number of images.
  public var count: Int
  /// Pixel rows per image (28 for MNIST).
  public var rows: Int
  /// Pixel columns per image (28 for MNIST).
  public var columns: Int
  /// All pixels, `count * rows * columns` bytes.
  public var pixels: [UInt8]

  /// Images over `pixels`, which must hold exactly `count * rows * columns` bytes.
  public init(count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
    require(pixels.count == count * rows * columns, "IDXImages: pixel count disagrees")
    self.count = count
    self.rows = rows
    self.columns = columns
    self.pixels = pixels
  }
}

/// Reads the IDX files MNIST and Fashion-MNIST come in, raw or gzip-compressed.
///
///     images   magic 2051 (0x00000803)  count  rows  columns   then count·rows·columns bytes
///     labels   magic 2049 (0x00000801)  count                  then count bytes
///
/// Header fields are 32-bit unsigned, big-endian (most significant byte first): reading
/// them with the machine's own byte order (little-endian on x86 and Apple silicon) turns
/// 60,000 into 1,625,948,160. The reader assembles each number from its four bytes.
///
/// Sizes come from outside, so nothing is trusted: the body is allocated only after the
/// header has been checked against the file's real size (raw) or the size its gzip trailer
/// records; otherwise it is read in growing chunks, so a header claiming four billion
/// images cannot make the program ask for terabytes.
///
///     let images = try IDXReader.readImages(at: "mnist/t10k-images-idx3-ubyte.gz")
///     print(images.count, images.rows, images.columns)   // 10000 28 28
public enum IDXReader {
  /// Magic number of an images file: unsigned bytes (0x08), three dimensions.
  public static let imagesMagic: UInt32 = 2051
  /// Magic number of a labels file: unsigned bytes (0x08), one dimension.
  public static let labelsMagic: UInt32 = 2049
  /// The largest image side accepted: far above any data set here, small enough that a
  /// damaged header is caught before any allocation.
  public static let maximumImageSide = 4096

  /// Reads an images file (magic 2051).
  public static func readImages(at path: String) throws -> IDXImages {
    let reader = try GzipReader(path: path)
    let header = try readHeader(reader, fields: 4, magic: imagesMagic)
    let (count, rows, columns) = (header[1], header[2], header[3])
    guard (1...maximumImageSide).contains(rows), (1...maximumImageSide).contains(columns) else {
      throw DataError.badImageSize(path: path, rows: rows, columns: columns)
    }
    let pixels = try readBody(reader, headerBytes: 16, count: count, itemBytes: rows * columns)
    return IDXImages(count: count, rows: rows, columns: columns, pixels: pixels)
  }

  /// Reads a labels file (magic 2049) and checks every label is a class 0…classCount−1.
  public static func readLabels(at path: String, classCount: Int = 10) throws -> [UInt8] {
    let reader = try GzipReader(path: path)
    let header = try readHeader(reader, fields: 2, magic: labelsMagic)
    let labels = try readBody(reader, headerBytes: 8, count: header[1], itemBytes: 1)
    if let index = labels.firstIndex(where: { Int($0) >= classCount }) {
      throw DataError.labelOutOfRange(
        path: path, index: index, label: Int(labels[index]), classCount: classCount)
    }
    return labels
  }

  /// "images" or "labels" for a magic number, for messages.
  static func kindName(magic: UInt32) -> String {
    magic == imagesMagic ? "IDX images" : magic == labelsMagic ? "IDX labels" : "IDX"
  }

  /// The header's `fields` big-endian 32-bit numbers, the magic number first and checked.
  private static func readHeader(_ reader: GzipReader, fields: Int, magic: UInt32) throws
    -> [Int]
  {
    var bytes = [UInt8](repeating: 0, count: 4 * fields)
    let got = try bytes.withUnsafeMutableBytes { try reader.read(into: $0) }
    if got == 0 { throw DataError.emptyFile(path: reader.path) }
    // The magic number comes first, so a wrong kind of file is named as such even if short.
    if got >= 4 {
      let found = bigEndianNumber(bytes, at: 0)
      if found != magic {
        throw DataError.wrongMagic(path: reader.path, found: found, expected: magic)
      }
    }
    guard got == bytes.count else {
      throw DataError.truncatedHeader(path: reader.path, found: got, needed: bytes.count)
    }
    return (0..<fields).map { Int(bigEndianNumber(bytes, at: 4 * $0)) }
  }

  private static func bigEndianNumber(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
      | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
  }

  /// The `count * itemBytes` bytes after the header, and nothing after them.
  private static func readBody(
    _ reader: GzipReader, headerBytes: Int, count: Int, itemBytes: Int
  ) throws -> [UInt8] {
    // count < 2³² and itemBytes ≤ 4096² on a 64-bit machine: the product cannot overflow.
    let expected = count * itemBytes
    let path = reader.path
    var body: [UInt8]
    if !reader.isCompressed {
      let available = reader.fileSize - headerBytes
      if available < expected {
        throw DataError.truncatedBody(
          path: path, count: count, expectedBytes: expected, foundBytes: available)
      }
      if available > expected {
        throw DataError.trailingBytes(path: path, count: count, expectedBytes: expected)
      }
      body = try readExactly(reader, expected)
    } else if reader.uncompressedSizeHint == (headerBytes + expected) & 0xFFFF_FFFF {
      body = try readExactly(reader, expected)
    } else {
      body = try readInChunks(reader, expected)
    }
    guard body.count == expected else {
      throw DataError.truncatedBody(
        path: path, count: count, expectedBytes: expected, foundBytes: body.count)
    }
    guard try reader.isAtEnd() else {
      throw DataError.trailingBytes(path: path, count: count, expectedBytes: expected)
    }
    return body
  }

  /// One allocation of exactly `count` bytes, filled straight from zlib: no second copy,
  /// which is what keeps both full data sets under 150 MB.
  private static func readExactly(_ reader: GzipReader, _ count: Int) throws -> [UInt8] {
    var failure: Error?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      do {
        initialized = try reader.read(into: UnsafeMutableRawBufferPointer(buffer))
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    return bytes
  }

  /// Up to `count` bytes in chunks that double from 64 KiB: memory grows only with the
  /// data actually present, whatever the header claims.
  private static func readInChunks(_ reader: GzipReader, _ count: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunkSize = 1 << 16
    while bytes.count < count {
      let want = min(chunkSize, count - bytes.count)
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: want))
      let got = try bytes.withUnsafeMutableBytes {
        try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[start..<start + want]))
      }
      bytes.removeLast(want - got)
      if got < want { break }
      chunkSize = min(chunkSize * 2, 1 << 24)
    }
    return bytes
  }
}
