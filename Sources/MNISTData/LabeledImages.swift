import Kernels

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
    require(
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

  /// Writes the images at `indices` into `output` as `Float`, one image per row
  /// (`indices.count × pixelsPerImage` numbers), and replaces the contents of `labels`
  /// with theirs (keeping its storage). `NeuralKit`'s `fillBatch(_:into:labels:scaled:)`
  /// calls this with a `Matrix`'s storage.
  ///
  ///     scaled: true    x = pixel / 255     in [0, 1]   (what a network should see)
  ///     scaled: false   x = pixel           in [0, 255] (a later lesson shows why not)
  ///
  /// This is the training hot path: 1,875 calls an epoch for MNIST at batch size 32. The
  /// conversion is a kernel (`convertImages`), with no closure per pixel and no bounds
  /// check inside a row. It divides by 255 rather than multiplying by 1/255 so that 255
  /// becomes exactly 1.
  public func fillBatch(
    _ indices: [Int], into output: UnsafeMutableBufferPointer<Float>,
    labels batchLabels: inout [Int], scaled: Bool = true
  ) {
    let width = pixelsPerImage
    require(
      output.count == indices.count * width,
      "fillBatch: \(indices.count) images of \(width) pixels do not fit \(output.count) numbers")
    let imageCount = count
    for index in indices {
      require(
        index >= 0 && index < imageCount, "fillBatch: index \(index) not in 0..<\(imageCount)")
    }
    batchLabels.removeAll(keepingCapacity: true)
    batchLabels.reserveCapacity(indices.count)
    pixels.withUnsafeBufferPointer { source in
      indices.withUnsafeBufferPointer { indices in
        guard let from = source.baseAddress, let to = output.baseAddress else { return }
        convertImages(from, indices: indices, width: width, dividingBy: scaled ? 255 : 1, into: to)
      }
    }
    for index in indices { batchLabels.append(Int(labels[index])) }
  }
}
