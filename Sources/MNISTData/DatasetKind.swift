/// The two data sets of this tutorial, with everything fixed about them: folder name,
/// class names, official files, download mirrors and checksums.
///
///     DatasetKind.fashionMNIST.classNames[9]   // "Ankle boot"
///     DatasetKind(argument: "mnist")           // .mnist
public enum DatasetKind: String, CaseIterable, Sendable {
  /// Handwritten digits 0…9 (Y. LeCun and C. Cortes, CC BY-SA 3.0).
  case mnist = "mnist"
  /// Photos of clothing in ten classes (Zalando SE, MIT licence).
  case fashionMNIST = "fashion-mnist"

  /// The name used for folders and on the command line: `mnist`, `fashion-mnist`.
  public var folderName: String { rawValue }

  /// The name for people: `MNIST`, `Fashion-MNIST`.
  public var displayName: String { self == .mnist ? "MNIST" : "Fashion-MNIST" }

  /// The kind named `argument` on a command line (`mnist`, `fashion-mnist`), or nil.
  public init?(argument: String) { self.init(rawValue: argument.lowercased()) }

  /// The ten class names, indexed by label.
  public var classNames: [String] {
    switch self {
    case .mnist:
      return (0...9).map(String.init)
    case .fashionMNIST:
      return [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
      ]
    }
  }

  /// The four official files, with the size and MD5 of their `.gz` form as published.
  public var officialFiles: [OfficialFile] {
    switch self {
    case .mnist:
      return [
        OfficialFile(
          role: .trainImages, gzipSize: 9_912_422, gzipMD5: "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        OfficialFile(
          role: .trainLabels, gzipSize: 28_881, gzipMD5: "d53e105ee54ea40749a09fcbcd1e9432"),
        OfficialFile(
          role: .testImages, gzipSize: 1_648_877, gzipMD5: "9fb629c4189551a2d022fa330f9573f3"),
        OfficialFile(
          role: .testLabels, gzipSize: 4_542, gzipMD5: "ec29112dd5afa0611ce80d1b7f02629c"),
      ]
    case .fashionMNIST:
      return [
        OfficialFile(
          role: .trainImages, gzipSize: 26_421_880, gzipMD5: "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        OfficialFile(
          role: .trainLabels, gzipSize: 29_515, gzipMD5: "25c81989df183df01b3e8a0aad5dffbe"),
        OfficialFile(
          role: .testImages, gzipSize: 4_422_102, gzipMD5: "bef4ecab320f06d8554ea6380940ec79"),
        OfficialFile(
          role: .testLabels, gzipSize: 5_148, gzipMD5: "bb300cfdad3c16e7a12a480ee83cd310"),
      ]
    }
  }

  /// Download mirrors, tried in order; each is followed by an official file name.
  /// yann.lecun.com is left out: it has answered 403 to downloads for years.
  public var mirrors: [String] {
    switch self {
    case .mnist:
      return [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
      ]
    case .fashionMNIST:
      return [
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
      ]
    }
  }

  /// Folders a system package installs the data set into (Debian's
  /// `dataset-fashion-mnist` for Fashion-MNIST; none for MNIST).
  public var systemDirectories: [String] {
    self == .fashionMNIST ? ["/usr/share/datasets/fashion-mnist"] : []
  }
}

/// One of the four files of a data set.
public struct OfficialFile: Equatable, Sendable {
  /// Which of the four files this is.
  public enum Role: CaseIterable, Sendable {
    /// `train-images-idx3-ubyte`
    case trainImages
    /// `train-labels-idx1-ubyte`
    case trainLabels
    /// `t10k-images-idx3-ubyte`
    case testImages
    /// `t10k-labels-idx1-ubyte`
    case testLabels

    /// The official file name, without `.gz`.
    public var fileName: String {
      switch self {
      case .trainImages: return "train-images-idx3-ubyte"
      case .trainLabels: return "train-labels-idx1-ubyte"
      case .testImages: return "t10k-images-idx3-ubyte"
      case .testLabels: return "t10k-labels-idx1-ubyte"
      }
    }
  }

  /// Which file.
  public var role: Role
  /// Size in bytes of the official `.gz`.
  public var gzipSize: Int
  /// MD5 of the official `.gz`, lowercase hexadecimal.
  public var gzipMD5: String

  /// A file: which one, and the size and MD5 of its `.gz`.
  public init(role: Role, gzipSize: Int, gzipMD5: String) {
    self.role = role
    self.gzipSize = gzipSize
    self.gzipMD5 = gzipMD5
  }

  /// The official name, without `.gz`.
  public var fileName: String { role.fileName }
  /// The name the mirrors serve: `fileName + ".gz"`.
  public var gzipName: String { fileName + ".gz" }
}
