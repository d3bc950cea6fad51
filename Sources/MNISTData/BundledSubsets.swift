import Foundation

/// The small subsets shipped inside MNISTData as SwiftPM resources, so every lesson runs
/// offline: per data set 10,000 training images (1,000 per class) and 2,000 test images
/// (200 per class), the first of each class in the official files' order.
/// `scripts/make-bundled-subsets.py` rebuilds them; `BundledSubsets/LICENSE.md` gives
/// their provenance and licences.
///
///     let mnist = try Dataset.load(.mnist, fromFolder: BundledSubsets.folder(for: .mnist))
///     mnist.train.count   // 10000
public enum BundledSubsets {
  /// Training images per class in each subset.
  public static let trainPerClass = 1_000
  /// Test images per class in each subset.
  public static let testPerClass = 200

  /// The folder holding all bundled subsets (`mnist/`, `fashion-mnist/`, `LICENSE.md`).
  public static var rootFolder: String {
    let resources = Bundle.module.resourceURL ?? Bundle.module.bundleURL
    return resources.appendingPathComponent("BundledSubsets").path
  }

  /// The folder with the four files of `kind`'s subset.
  public static func folder(for kind: DatasetKind) -> String {
    rootFolder + "/" + kind.folderName
  }
}
