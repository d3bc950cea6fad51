// The loops outside the product that are worth sharing between cores: an optimizer's
// element-wise update, the conversion of a batch of image bytes to Float, and the NaN
// scan of a batch. The code that calls them (`Adam`, `SGD`, `LabeledImages.fillBatch`,
// `Matrix.isFinite`) says what is computed; these say only how the work is split.

import Synchronization

/// Runs `body` over 0..<count, split into equal ranges on the worker pool when there is
/// enough work, with subnormal numbers flushed to zero (`withSubnormalsFlushed`).
///
///     parallelLoop(count: w.count) { range in
///       for i in range { w[i] -= learningRate * g[i] }
///     }
///
/// Ranges never overlap, so a body that writes only the elements of its range gives the
/// same numbers whoever runs it. An optimizer's update reads and writes 7 numbers per
/// weight and is bound by memory: ~45 µs on one core for the 100,352 weights of a
/// 784 × 128 layer here, so a tensor of 2¹⁵ numbers or more is shared in 8 ranges; a
/// smaller one (a bias, the output layer) runs on the caller alone.
public func parallelLoop(count: Int, _ body: @escaping (Range<Int>) -> Void) {
  withSubnormalsFlushed {
    guard count >= parallelLoopThreshold else {
      body(0..<count)
      return
    }
    let parts = 8
    WorkerPool.shared.run(units: parts) { part in
      body(part * count / parts..<(part + 1) * count / parts)
    }
  }
}

/// Elements below which `parallelLoop` stays on the calling core.
let parallelLoopThreshold = 1 << 15

/// Writes image bytes as `Float`, one image per row: row r of `output` (`width` floats)
/// is image `indices[r]` of `pixels`, each byte divided by `scale` (255 maps a pixel to
/// [0, 1]; 1 keeps the raw value, exactly).
///
/// The images of a shuffled batch lie far apart in memory, so most of the time goes to
/// waiting for them: a batch of 32 or more is converted in 4 parts on the worker pool
/// (two cores wait for two images at once), and each part first loads one byte of every
/// cache line of its images, loads that do not depend on each other and go to memory
/// together. Measured in a training epoch here: batch 128, 75–115 µs on one core, 28–41
/// µs with both; batch 32, 30 → 8–12 µs.
public func convertImages(
  _ pixels: UnsafePointer<UInt8>, indices: UnsafeBufferPointer<Int>, width: Int,
  dividingBy scale: Float, into output: UnsafeMutablePointer<Float>
) {
  let copy = ImageConversion(
    from: pixels, to: output, indices: indices, width: width, scale: scale)
  let parts = indices.count >= 32 ? 4 : 1
  if parts > 1 {
    WorkerPool.shared.run(units: parts) { part in copy.rows(part, of: parts) }
  } else {
    copy.rows(0, of: 1)
  }
}

/// One batch's conversion, shared with the worker pool: each part writes its own rows.
private struct ImageConversion: @unchecked Sendable {
  let from: UnsafePointer<UInt8>
  let to: UnsafeMutablePointer<Float>
  let indices: UnsafeBufferPointer<Int>
  let width: Int
  let scale: Float

  /// Converts rows part·count/parts ..< (part+1)·count/parts of the batch.
  func rows(_ part: Int, of parts: Int) {
    let count = indices.count
    let range = part * count / parts..<(part + 1) * count / parts
    var touched: UInt8 = 0
    for row in range {
      let input = from + indices[row] * width
      for k in stride(from: 0, to: width, by: 64) { touched |= input[k] }
    }
    conversionTouched.store(touched, ordering: .relaxed)  // so the loads are not dropped
    for row in range {
      let input = from + indices[row] * width
      let output = to + row * width
      for k in 0..<width { output[k] = Float(input[k]) / scale }
    }
  }
}

/// Where `ImageConversion.rows` leaves the bytes it touched: a store the compiler must
/// keep, so it keeps the loads.
private let conversionTouched = Atomic<UInt8>(0)

/// True when no element of `buffer` is NaN or ±infinity.
///
/// A `Float` is NaN or infinite exactly when its eight exponent bits are all ones, so
/// the scan keeps the largest exponent field seen: integer work the compiler runs eight
/// elements at a time, with no branch per element (`allSatisfy(\.isFinite)` was ~9 µs for
/// a batch of 32 images here, 5 % of a training step). A large buffer (a batch of 128
/// images is 100 352 numbers) is scanned in two halves on the worker pool: each core
/// reads the half of a batch `convertImages` had it write, still in its own cache
/// (batch 128, inside a training step: 6.8 → 3.1 µs).
public func allFinite(_ buffer: UnsafeBufferPointer<Float>) -> Bool {
  guard buffer.count >= 1 << 16, let start = buffer.baseAddress else {
    return largestExponent(buffer) != exponentBits
  }
  let halves = FiniteScan(start: start, count: buffer.count)
  WorkerPool.shared.run(units: 2) { half in halves.scan(half) }
  return halves.allFinite
}

/// The eight exponent bits of a `Float`: all ones for NaN and ±infinity only.
private let exponentBits: UInt32 = 0x7F80_0000

/// The largest exponent field in `buffer`.
private func largestExponent(_ buffer: UnsafeBufferPointer<Float>) -> UInt32 {
  var largest: UInt32 = 0
  for value in buffer { largest = max(largest, value.bitPattern & exponentBits) }
  return largest
}

/// `allFinite` in two halves, one per pool unit; a half that finds NaN or ±infinity
/// says so in `nonFinite`.
private final class FiniteScan: @unchecked Sendable {
  let start: UnsafePointer<Float>
  let count: Int
  private let nonFinite = Atomic<Bool>(false)

  init(start: UnsafePointer<Float>, count: Int) {
    self.start = start
    self.count = count
  }

  func scan(_ half: Int) {
    let from = half * count / 2
    let part = UnsafeBufferPointer(start: start + from, count: (half + 1) * count / 2 - from)
    if largestExponent(part) == exponentBits { nonFinite.store(true, ordering: .relaxed) }
  }

  /// Read after the pool call returns: it orders every unit's store before it.
  var allFinite: Bool { !nonFinite.load(ordering: .relaxed) }
}
