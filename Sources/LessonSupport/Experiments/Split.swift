import Kernels
import MNISTData
import NeuralKit

/// How a data set is split into training and validation images.
///
///     standard          the official split: train on the training images, validate on
///                       the test images (as the Keras tutorials do)
///     combined-80-20    train and test pooled, then 80% / 20% per class, shuffled by the
///                       seed: what the source post's notebook ran (56,000 / 14,000)
public enum Split: String, CaseIterable, Equatable, Sendable {
  case standard
  case combined8020 = "combined-80-20"

  /// The (training, validation) images for this split. `seed` only matters for
  /// `combined-80-20`.
  public func apply(to dataset: Dataset, seed: UInt64) -> (LabeledImages, LabeledImages) {
    switch self {
    case .standard:
      return (dataset.train, dataset.test)
    case .combined8020:
      let pooled = dataset.train.appending(dataset.test)
      var generator = SeededGenerator(seed: seed ^ 0x5B1D_5B1D)
      var training: [Int] = []
      var validation: [Int] = []
      // Stratified: each class is split 80/20 on its own, so both parts keep the
      // class balance.
      for label in 0..<dataset.classCount {
        var members = (0..<pooled.count).filter { pooled.label($0) == label }
        generator.shuffle(&members)
        let cut = members.count * 4 / 5
        training += members[..<cut]
        validation += members[cut...]
      }
      generator.shuffle(&training)
      generator.shuffle(&validation)
      return (pooled.subset(training), pooled.subset(validation))
    }
  }
}

extension LabeledImages {
  /// These images followed by `other`'s (same image size).
  public func appending(_ other: LabeledImages) -> LabeledImages {
    require(
      other.imageRows == imageRows && other.imageColumns == imageColumns,
      "LabeledImages.appending: \(imageRows) × \(imageColumns) and"
        + " \(other.imageRows) × \(other.imageColumns) images do not mix")
    return LabeledImages(
      pixels: pixels + other.pixels, labels: labels + other.labels, imageRows: imageRows,
      imageColumns: imageColumns)
  }
}
