import Synchronization

/// Images with their labels, kept as bytes: one split (training or test) of a data set.
///
/// Pixels stay `UInt8` in memory, a quarter of the size of `Float`: full MNIST training
/// is 47 MB as bytes and would be 188 MB as floats. Batches are converted when they are
/// used, by `batch(_:scaled:)` or, with no allocation, `fillBatch(_:into:labels:scaled:)`.
///
///     let (inputs, labels) = dataset.train.batch([0, 1, 2])
///     print(inputs.shapeDescription, labels)   // (3 × 784) [5, 0, 4]
public struct LabeledImages: Equatable, Sendable {
  /// All pixels, image after image, row after row (see `IDXImages`).
  public let pixels: [UInt8]
  /// One label per image, a class 0…9.
  public let labels: [UInt8]
  /// Pixel rows per image.
  public let imageRows: Int
  /// Pixel columns per image.
  public let imageColumns: Int

  /// Images and labels that belong together; the counts must agree.
  public init(pixels: [UInt8], labels: [UInt8], imageRows: Int, imageColumns: Int) {
    precondition(
      pixels.count == labels.count * imageRows * imageColumns,
      "LabeledImages: \(pixels.count) pixels do not make \(labels.count) images of"
        + " \(imageRows) × \(imageColumns)")
    self.pixels = pixels
    self.labels = labels
    self.imageRows = imageRows
    self.imageColumns = imageColumns
  }

  /// Number of images.
  public var count: Int { labels.count }

  /// Pixels per image, the width of a batch matrix: 784 for 28 × 28.
  public var pixelsPerImage: Int { imageRows * imageColumns }

  /// The pixels of image `index`.
  public func image(_ index: Int) -> ArraySlice<UInt8> {
    pixels[index * pixelsPerImage..<(index + 1) * pixelsPerImage]
  }

  /// The label of image `index` as an `Int`.
  public func label(_ index: Int) -> Int { Int(labels[index]) }

  /// How many images each class has, indexed by label.
  public func classCounts(classCount: Int = 10) -> [Int] {
    var counts = [Int](repeating: 0, count: classCount)
    for label in labels where Int(label) < classCount { counts[Int(label)] += 1 }
    return counts
  }

  /// The images at `indices`, in that order: a smaller split for quick runs.
  public func subset(_ indices: [Int]) -> LabeledImages {
    var newPixels: [UInt8] = []
    newPixels.reserveCapacity(indices.count * pixelsPerImage)
    for index in indices { newPixels.append(contentsOf: image(index)) }
    return LabeledImages(
      pixels: newPixels, labels: indices.map { labels[$0] }, imageRows: imageRows,
      imageColumns: imageColumns)
  }

  /// A batch: one row per index, pixels as `Float`, and the labels as `Int`.
  ///
  ///     scaled: true    x = pixel / 255     in [0, 1]   (what a network should see)
  ///     scaled: false   x = pixel           in [0, 255] (a later lesson shows why not)
  ///
  /// Indices may repeat and come in any order. Allocates a new matrix each call; in a
  /// training loop, `fillBatch(_:into:labels:scaled:)` reuses one.
  public func batch(_ indices: [Int], scaled: Bool = true) -> (inputs: Matrix, labels: [Int]) {
    var inputs = Matrix(uninitializedRows: indices.count, columns: pixelsPerImage)
    var batchLabels: [Int] = []
    fillBatch(indices, into: &inputs, labels: &batchLabels, scaled: scaled)
    return (inputs, batchLabels)
  }

  /// Writes the batch for `indices` into `inputs`, which must be `indices.count ×
  /// pixelsPerImage`, and replaces the contents of `labels` (keeping its storage).
  ///
  /// This is the training hot path: 1,875 calls an epoch for MNIST at batch size 32. It
  /// copies each image's row of bytes through raw buffers in a loop the compiler
  /// vectorises, with no closure per pixel and no bounds check inside the row. It divides
  /// by 255 rather than multiplying by 1/255 so that 255 becomes exactly 1.
  ///
  ///     var inputs = Matrix(rows: 32, columns: 784)
  ///     var labels: [Int] = []
  ///     for batch in batches where batch.count == 32 {
  ///       dataset.train.fillBatch(batch, into: &inputs, labels: &labels)
  ///       …
  ///     }
  public func fillBatch(
    _ indices: [Int], into inputs: inout Matrix, labels batchLabels: inout [Int],
    scaled: Bool = true
  ) {
    let width = pixelsPerImage
    precondition(
      inputs.rows == indices.count && inputs.columns == width,
      "fillBatch: \(indices.count) images of \(width) pixels do not fit"
        + " \(inputs.shapeDescription)")
    let imageCount = count
    batchLabels.removeAll(keepingCapacity: true)
    batchLabels.reserveCapacity(indices.count)
    for index in indices {
      precondition(
        index >= 0 && index < imageCount, "fillBatch: index \(index) not in 0..<\(imageCount)")
    }
    pixels.withUnsafeBufferPointer { source in
      inputs.values.withUnsafeMutableBufferPointer { destination in
        indices.withUnsafeBufferPointer { indices in
          guard let from = source.baseAddress, let to = destination.baseAddress else { return }
          let copy = BatchCopy(
            from: from, to: to, indices: indices, width: width, scale: scaled ? 255 : 1)
          // The images of a shuffled batch lie far apart in memory, so most of the time
          // goes to waiting for it; two cores wait for two images at once. Measured in a
          // training epoch here: batch 128, 75–115 µs on one core, 60–75 µs on two.
          let parts = indices.count >= 32 ? 4 : 1
          if parts > 1 {
            WorkerPool.shared.run(units: parts) { part in copy.rows(part, of: parts) }
          } else {
            copy.rows(0, of: 1)
          }
        }
      }
    }
    for index in indices { batchLabels.append(Int(labels[index])) }
  }

  /// Every image as one matrix (`count × pixelsPerImage`) with all labels: for evaluating
  /// on the whole test set. Full MNIST training as floats is 188 MB; prefer batches there.
  public func allInputs(scaled: Bool = true) -> (inputs: Matrix, labels: [Int]) {
    batch(Array(0..<count), scaled: scaled)
  }

  /// The indices 0..<count shuffled by `generator` and cut into mini-batches of
  /// `batchSize` (the last one shorter unless `dropLast`).
  ///
  /// The shuffle is `generator.permutation(of:)`, so the same seed gives the same batches
  /// on every run and machine; call it once per epoch with the same generator to get a new
  /// order each epoch.
  ///
  ///     var generator = SeededGenerator(seed: 42)
  ///     let batches = dataset.train.miniBatches(size: 32, generator: &generator)
  ///     batches.count   // 313 for 10,000 images: 312 of 32 and one of 16
  public func miniBatches(
    size batchSize: Int, generator: inout SeededGenerator, dropLast: Bool = false
  ) -> [[Int]] {
    precondition(batchSize > 0, "miniBatches: batch size must be positive, got \(batchSize)")
    let order = generator.permutation(of: count)
    var batches: [[Int]] = []
    batches.reserveCapacity((count + batchSize - 1) / batchSize)
    var start = 0
    while start < count {
      let end = min(start + batchSize, count)
      if dropLast && end - start < batchSize { break }
      batches.append(Array(order[start..<end]))
      start = end
    }
    return batches
  }
}

/// One batch's conversion, shared with the worker pool: each part writes its own rows.
private struct BatchCopy: @unchecked Sendable {
  let from: UnsafePointer<UInt8>
  let to: UnsafeMutablePointer<Float>
  let indices: UnsafeBufferPointer<Int>
  let width: Int
  /// 255 to scale to [0, 1], 1 to keep the raw values: x / 1 is x exactly.
  let scale: Float

  /// Converts rows part·count/parts ..< (part+1)·count/parts of the batch.
  func rows(_ part: Int, of parts: Int) {
    let count = indices.count
    let range = part * count / parts..<(part + 1) * count / parts
    // First one byte of every cache line of these images: loads that do not depend on
    // each other, which the processor sends to memory together, instead of waiting for
    // each image in turn once the conversion reaches it. Measured in a training epoch
    // here: batch 128, 45–78 → 28–41 µs per batch; batch 32, 11–22 → 8–12 µs.
    var touched: UInt8 = 0
    for row in range {
      let input = from + indices[row] * width
      for k in stride(from: 0, to: width, by: 64) { touched |= input[k] }
    }
    batchCopyTouched.store(touched, ordering: .relaxed)  // so the loads are not dropped
    for row in range {
      let input = from + indices[row] * width
      let output = to + row * width
      for k in 0..<width { output[k] = Float(input[k]) / scale }
    }
  }
}

/// Where `BatchCopy.rows` leaves the bytes it touched: a store the compiler must keep, so
/// it keeps the loads.
private let batchCopyTouched = Atomic<UInt8>(0)
