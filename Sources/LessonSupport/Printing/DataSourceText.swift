import MNISTData
import NeuralKit

// What lessons print about the data they located.

extension LocatedDataset {
  /// For the bundled subset, one line saying so and how to get the full set; else nil.
  public var banner: String? {
    guard isBundledSubset else { return nil }
    let kind = dataset.kind
    return "Note: using the bundled \(kind.displayName) subset"
      + " (\(spacedThousands(dataset.train.count)) training images, not 60 000)."
      + " For the full set run `swift run datasets` online, or pass --data-dir DIR"
      + " (DIR/\(kind.folderName)/ with the four official files)."
  }

  /// `MNIST: 60 000 training and 10 000 test images from cache /home/ada/.cache/…/mnist`.
  public var summary: String {
    "\(dataset.kind.displayName): \(spacedThousands(dataset.train.count)) training and"
      + " \(spacedThousands(dataset.test.count)) test images from \(source)"
  }
}
