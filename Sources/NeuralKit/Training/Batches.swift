import Kernels
import MNISTData

// Turning a split of images (bytes, from `MNISTData`) into what a network takes: seeded
// mini-batches of indices, and `Matrix` batches of `Float` pixels.

extension LabeledImages {
  /// The indices 0..<count shuffled by `generator` and cut into mini-batches of
  /// `batchSize` (the last one shorter unless `dropLast`).
  ///
  /// The shuffle is `generator.permutation(of:)`, so the same seed gives the same batches
  /// on every run; call it once per epoch with the same generator to get a new order each
  /// epoch.
  ///
  ///     var generator = SeededGenerator(seed: 42)
  ///     let batches = dataset.train.miniBatches(size: 32, generator: &generator)
  ///     batches.count   // 313 for 10,000 images: 312 of 32 and one of 16
  public func miniBatches(
    size batchSize: Int, generator: inout SeededGenerator, dropLast: Bool = false
  ) -> [[Int]] {
    require(batchSize > 0, "miniBatches: batch size must be positive, got \(batchSize)")
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

  /// A batch: one row per index, pixels as `Float`, and the labels as `Int`.
  ///
  ///     scaled: true    x = pixel / 255     in [0, 1]   (what a network should see)
  ///     scaled: false   x = pixel           in [0, 255] (a later lesson shows why not)
  ///
  /// Indices may repeat and come in any order. Allocates a new matrix each call; in a
  /// training loop, `fillBatch(_:into:labels:scaled:)` reuses one.
  ///
  ///     let (inputs, labels) = dataset.train.batch([0, 1, 2])
  ///     print(inputs.shapeDescription, labels)   // (3 × 784) [5, 0, 4]
  public func batch(_ indices: [Int], scaled: Bool = true) -> (inputs: Matrix, labels: [Int]) {
    var inputs = Matrix(uninitializedRows: indices.count, columns: pixelsPerImage)
    var batchLabels: [Int] = []
    fillBatch(indices, into: &inputs, labels: &batchLabels, scaled: scaled)
    return (inputs, batchLabels)
  }

  /// Writes the batch for `indices` into `inputs`, which must be `indices.count ×
  /// pixelsPerImage`, and replaces the contents of `labels` (keeping its storage): the
  /// training loop's way, with no allocation per batch.
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
    require(
      inputs.rows == indices.count && inputs.columns == pixelsPerImage,
      "fillBatch: \(indices.count) images of \(pixelsPerImage) pixels do not fit"
        + " \(inputs.shapeDescription)")
    inputs.values.withUnsafeMutableBufferPointer { output in
      fillBatch(indices, into: output, labels: &batchLabels, scaled: scaled)
    }
  }

  /// Every image as one matrix (`count × pixelsPerImage`) with all labels: for evaluating
  /// on the whole test set. Full MNIST training as floats is 188 MB; prefer batches there.
  public func allInputs(scaled: Bool = true) -> (inputs: Matrix, labels: [Int]) {
    batch(Array(0..<count), scaled: scaled)
  }
}
