import Kernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// MD5 (RFC 1321), only to check downloads against the checksums the data sets publish.
/// Not for security: MD5 collisions are easy to make. Written out here because Linux's
/// Foundation has no hashing and the project takes no package dependencies.
///
///     MD5.hex(of: Array("abc".utf8))   // "900150983cd24fb0d6963f7d28e17f72"
public enum MD5 {
  /// The MD5 of `bytes` as 32 lowercase hexadecimal digits.
  public static func hex(of bytes: [UInt8]) -> String {
    var state = State()
    bytes.withUnsafeBufferPointer { state.update($0) }
    return state.finish()
  }

  /// The MD5 of the file at `path`, read 1 MiB at a time.
  public static func hex(ofFileAt path: String) throws -> String {
    guard let file = fopen(path, "rb") else { throw DataError.fromSystemError(errno, path: path) }
    defer { fclose(file) }
    var state = State()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if got == 0 { break }
      chunk.withUnsafeBufferPointer { state.update(UnsafeBufferPointer(rebasing: $0[0..<got])) }
    }
    if ferror(file) != 0 {
      throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    return state.finish()
  }

  /// The running state: four 32-bit words, the bytes not yet hashed, the total length.
  private struct State {
    var a0: UInt32 = 0x6745_2301
    var b0: UInt32 = 0xefcd_ab89
    var c0: UInt32 = 0x98ba_dcfe
    var d0: UInt32 = 0x1032_5476
    var pending: [UInt8] = []
    var length: UInt64 = 0

    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
      length &+= UInt64(bytes.count)
      var start = 0
      if !pending.isEmpty {
        let take = min(64 - pending.count, bytes.count)
        pending.append(contentsOf: bytes[0..<take])
        start = take
        if pending.count == 64 {
          let block = pending
          block.withUnsafeBufferPointer { compress($0.baseAddress!) }
          pending.removeAll(keepingCapacity: true)
        }
      }
      guard let base = bytes.baseAddress else { return }
      while bytes.count - start >= 64 {
        compress(base + start)
        start += 64
      }
      pending.append(contentsOf: bytes[start...])
    }

    mutating func finish() -> String {
      let bitLength = length &* 8
      var tail: [UInt8] = [0x80]
      while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
      for shift in stride(from: 0, to: 64, by: 8) {
        tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
      }
      let savedLength = length
      tail.withUnsafeBufferPointer { update($0) }
      length = savedLength
      require(pending.isEmpty, "MD5: padding did not end on a block")
      return [a0, b0, c0, d0].map { word in
        (0..<4).map { index in
          let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt32(index)))
          let text = String(byte, radix: 16)
          return byte < 16 ? "0" + text : text
        }.joined()
      }.joined()
    }

    /// One 64-byte block: 64 steps of F, G, H, I with the RFC's constants.
    mutating func compress(_ block: UnsafePointer<UInt8>) {
      let raw = UnsafeRawPointer(block)
      // Word g of the block, little-endian as MD5 specifies.
      func word(_ g: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * g, as: UInt32.self))
      }
      var (a, b, c, d) = (a0, b0, c0, d0)
      for i in 0..<64 {
        var f: UInt32
        let g: Int
        switch i {
        case 0..<16:
          f = (b & c) | (~b & d)
          g = i
        case 16..<32:
          f = (d & b) | (~d & c)
          g = (5 * i + 1) % 16
        case 32..<48:
          f = b ^ c ^ d
          g = (3 * i + 5) % 16
        default:
          f = c ^ (b | ~d)
          g = (7 * i) % 16
        }
        f = f &+ a &+ md5Constants[i] &+ word(g)
        a = d
        d = c
        c = b
        let shift = md5Shifts[i]
        b = b &+ ((f << shift) | (f >> (32 - shift)))
      }
      a0 = a0 &+ a
      b0 = b0 &+ b
      c0 = c0 &+ c
      d0 = d0 &+ d
    }
  }
}

/// Per-step left rotations (RFC 1321, section 3.4).
private let md5Shifts: [UInt32] =
  [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22]
  + [5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20]
  + [4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23]
  + [6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]

/// floor(2³² · |sin(i + 1)|) for i in 0..<64, the RFC's table.
private let md5Constants: [UInt32] = (0..<64).map { i in
  UInt32(truncatingIfNeeded: Int64((abs(sin(Double(i + 1))) * 4_294_967_296).rounded(.down)))
}
