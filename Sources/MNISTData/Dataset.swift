import Kernels

/// A data set ready for training: training and test images with labels, class names and
/// the image size.
///
/// Get one with `Dataset.locate(_:dataDirectory:)`, which also says where it came from;
/// `Dataset.load(_:fromFolder:)` reads one folder and nothing else.
///
///     let located = try Dataset.locate(.mnist)
///     let mnist = located.dataset
///     print(mnist.train.count, mnist.test.count)    // 60000 10000 (full set)
///     print(mnist.imageRows, mnist.imageColumns)    // 28 28
///     print(mnist.classNames[mnist.train.label(0)]) // 5
public struct Dataset: Equatable, Sendable {
  /// Which data set this is.
  public let kind: DatasetKind
  /// The training split.
  public var train: LabeledImages
  /// The test split, never used for training.
  public var test: LabeledImages

  /// A data set from two splits with the same image size.
  public init(kind: DatasetKind, train: LabeledImages, test: LabeledImages) {
    require(
      train.imageRows == test.imageRows && train.imageColumns == test.imageColumns,
      "Dataset: training and test images differ in size")
    self.kind = kind
    self.train = train
    self.test = test
  }

  /// The class names indexed by label: digits for MNIST, clothing for Fashion-MNIST.
  public var classNames: [String] { kind.classNames }
  /// Number of classes (10 for both).
  public var classCount: Int { classNames.count }
  /// Pixel rows per image.
  public var imageRows: Int { train.imageRows }
  /// Pixel columns per image.
  public var imageColumns: Int { train.imageColumns }
  /// Inputs per image, the width of the network's first layer: 784.
  public var pixelsPerImage: Int { train.pixelsPerImage }

  /// Reads the four official files from `folder` (each raw or `.gz`) and checks that
  /// they agree: image and label counts, labels 0…9, one image size.
  ///
  ///     let mnist = try Dataset.load(.mnist, fromFolder: "data/mnist")
  public static func load(_ kind: DatasetKind, fromFolder folder: String) throws -> Dataset {
    let files = DataFolder(path: folder)
    let classCount = kind.classNames.count
    func split(_ images: OfficialFile.Role, _ labels: OfficialFile.Role) throws
      -> (LabeledImages, String)
    {
      let imagesPath = files.path(of: images)
      let labelsPath = files.path(of: labels)
      let read = try IDXReader.readImages(at: imagesPath)
      let labelBytes = try IDXReader.readLabels(at: labelsPath, classCount: classCount)
      guard read.count == labelBytes.count else {
        throw DataError.countMismatch(
          imagesPath: imagesPath, images: read.count, labelsPath: labelsPath,
          labels: labelBytes.count)
      }
      let split = LabeledImages(
        pixels: read.pixels, labels: labelBytes, imageRows: read.rows, imageColumns: read.columns)
      return (split, imagesPath)
    }
    let (train, trainPath) = try split(.trainImages, .trainLabels)
    let (test, testPath) = try split(.testImages, .testLabels)
    guard train.imageRows == test.imageRows, train.imageColumns == test.imageColumns else {
      throw DataError.imageSizeMismatch(
        trainPath: trainPath, train: "\(train.imageRows) × \(train.imageColumns)",
        testPath: testPath, test: "\(test.imageRows) × \(test.imageColumns)")
    }
    return Dataset(kind: kind, train: train, test: test)
  }
}
