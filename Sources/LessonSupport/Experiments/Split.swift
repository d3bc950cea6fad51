import Kernels
import MNISTData
import NeuralKit

/// How a data set is split into the images a network trains on, the images every choice
/// is made on (curves, thresholds, the best learning rate), and the test images it is
/// judged on once, at the end.
///
///     holdout             the default: 90% of the official training images train, the
///                         other 10% (stratified, a fixed seeded draw) validate; the
///                         official test images are evaluated once, after training
///     test-as-validation  train on every training image, validate on the test images:
///                         what the Keras tutorials (and the source post's code) do, so
///                         the runs compared with Keras use it
///     combined-80-20      train and test pooled, then 80% / 20% per class, shuffled by the
///                         seed: what the source post's notebook ran (56,000 / 14,000); no
///                         image is left for a separate test
public enum Split: String, CaseIterable, Equatable, Sendable {
  case holdout
  case testAsValidation = "test-as-validation"
  case combined8020 = "combined-80-20"

  /// The share of the training images `holdout` keeps for validation, in percent.
  public static let heldOutPercent = 10

  /// The seed of `holdout`'s draw: fixed, so every run and seed validates on the same
  /// images and a paired comparison differs only in weights and batch order.
  public static let holdoutSeed: UInt64 = 0x4E1D_0017

  /// The training, validation and (when the split leaves one) test images.
  /// `seed` only matters for `combined-80-20`.
  public func apply(to dataset: Dataset, seed: UInt64) -> SplitImages {
    switch self {
    case .holdout:
      let (kept, heldOut) = dataset.train.stratifiedSplit(
        keepingPercent: 100 - Self.heldOutPercent, classCount: dataset.classCount,
        seed: Self.holdoutSeed)
      return SplitImages(training: kept, validation: heldOut, test: dataset.test)
    case .testAsValidation:
      return SplitImages(training: dataset.train, validation: dataset.test, test: nil)
    case .combined8020:
      let pooled = dataset.train.appending(dataset.test)
      let (kept, heldOut) = pooled.stratifiedSplit(
        keepingPercent: 80, classCount: dataset.classCount, seed: seed ^ 0x5B1D_5B1D)
      return SplitImages(training: kept, validation: heldOut, test: nil)
    }
  }

  /// What tables call the validation images: `test` when they are the test images,
  /// `val` otherwise.
  public var validationLabel: String { self == .testAsValidation ? "test" : "val" }

  /// The same in a sentence: `test` or `validation`.
  public var validationWord: String { self == .testAsValidation ? "test" : "validation" }

  /// What the validation images are, for a run's header: `10% of the training images`.
  public var validationDescription: String {
    switch self {
    case .holdout: return "\(Self.heldOutPercent)% of the training images, held out"
    case .testAsValidation: return "the test images (as in Keras' tutorials)"
    case .combined8020: return "20% of training and test images pooled"
    }
  }
}

/// The images of one split: train on `training`, make every choice on `validation`,
/// evaluate `test` once at the end (nil when the split uses the test images already).
public struct SplitImages: Sendable {
  /// The images the network trains on.
  public var training: LabeledImages
  /// The images curves, thresholds and choices are measured on.
  public var validation: LabeledImages
  /// The images evaluated once after training; nil when the split leaves none.
  public var test: LabeledImages?

  /// The three parts of a split.
  public init(training: LabeledImages, validation: LabeledImages, test: LabeledImages?) {
    self.training = training
    self.validation = validation
    self.test = test
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

  /// A stratified split: each class is split on its own, `keepingPercent`% of its images
  /// (rounded down) kept and the rest held out, so both parts keep the class balance.
  /// The draw and the order of each part come from `seed`.
  ///
  ///     let (training, validation) = dataset.train.stratifiedSplit(
  ///       keepingPercent: 90, classCount: 10, seed: 7)      // 54,000 and 6,000 of 60,000
  public func stratifiedSplit(
    keepingPercent: Int, classCount: Int, seed: UInt64
  ) -> (kept: LabeledImages, heldOut: LabeledImages) {
    require(
      (1...99).contains(keepingPercent),
      "stratifiedSplit: keepingPercent is \(keepingPercent); it must be from 1 to 99")
    var generator = SeededGenerator(seed: seed)
    var kept: [Int] = []
    var heldOut: [Int] = []
    var members = Array(repeating: [Int](), count: classCount)
    for index in 0..<count {
      let label = label(index)
      require(
        (0..<classCount).contains(label),
        "stratifiedSplit: image \(index) has label \(label), outside 0..<\(classCount)")
      members[label].append(index)
    }
    for var group in members {
      generator.shuffle(&group)
      let cut = group.count * keepingPercent / 100
      kept += group[..<cut]
      heldOut += group[cut...]
    }
    generator.shuffle(&kept)
    generator.shuffle(&heldOut)
    return (subset(kept), subset(heldOut))
  }
}
