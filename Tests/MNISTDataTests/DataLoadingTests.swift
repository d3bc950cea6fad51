import Foundation
import MNISTData
import NeuralKit
import Testing

@Suite("Data: IDX reading, bundled subsets, batches")
struct DataLoadingTests {
  @Test("a raw IDX images file reads back with a big-endian header", arguments: [false, true])
  func readsImages(compressed: Bool) throws {
    let folder = try TemporaryFolder()
    // 300 images so the count (0x0000012C) has two non-zero bytes: a little-endian reading
    // would give 0x2C010000.
    let bytes = DataFixtures.imagesFile(count: 300, rows: 3, columns: 2)
    let path = folder.file(compressed ? "images.gz" : "images")
    try DataFixtures.write(compressed ? DataFixtures.gzip(bytes) : bytes, to: path)

    let images = try IDXReader.readImages(at: path)

    #expect(images.count == 300)
    #expect(images.rows == 3)
    #expect(images.columns == 2)
    #expect(images.pixels == Array(bytes[16...]))
  }

  @Test("a labels file reads back, raw and gzip", arguments: [false, true])
  func readsLabels(compressed: Bool) throws {
    let folder = try TemporaryFolder()
    let labels: [UInt8] = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    let bytes = DataFixtures.labelsFile(labels)
    let path = folder.file("labels")
    try DataFixtures.write(compressed ? DataFixtures.gzip(bytes) : bytes, to: path)

    #expect(try IDXReader.readLabels(at: path) == labels)
  }

  @Test("a gzip file larger than one stored block (64 KiB) reads in full")
  func readsMultiBlockGzip() throws {
    let folder = try TemporaryFolder()
    let bytes = DataFixtures.imagesFile(count: 200, rows: 28, columns: 28)  // 156,816 bytes
    let path = folder.file("big.gz")
    try DataFixtures.write(DataFixtures.gzip(bytes), to: path)

    #expect(try IDXReader.readImages(at: path).pixels == Array(bytes[16...]))
  }

  @Test("a folder of four files loads as a Dataset", arguments: [false, true])
  func loadsFolder(compressed: Bool) throws {
    let folder = try TemporaryFolder()
    try DataFixtures.writeDataset(
      in: folder.path, trainCount: 20, testCount: 10, compressed: compressed)

    let dataset = try Dataset.load(.fashionMNIST, fromFolder: folder.path)

    #expect(dataset.train.count == 20)
    #expect(dataset.test.count == 10)
    #expect(dataset.pixelsPerImage == 6)
    #expect(dataset.train.label(13) == 3)
    #expect(dataset.test.label(0) == 3)
    #expect(dataset.classNames[9] == "Ankle boot")
  }

  @Test(
    "bundled subsets: 1,000 training and 200 test images per class, 28 × 28",
    arguments: DatasetKind.allCases)
  func bundledSubsets(kind: DatasetKind) throws {
    let dataset = try Dataset.load(kind, fromFolder: BundledSubsets.folder(for: kind))

    #expect(dataset.imageRows == 28 && dataset.imageColumns == 28)
    #expect(
      dataset.train.classCounts() == Array(repeating: BundledSubsets.trainPerClass, count: 10))
    #expect(dataset.test.classCounts() == Array(repeating: BundledSubsets.testPerClass, count: 10))
    #expect(dataset.classNames.count == 10)
    // Images are real: not all blank, and using the whole 0…255 range.
    #expect(dataset.train.pixels.max() == 255)
    #expect(dataset.train.pixels.min() == 0)
  }

  @Test("the bundled MNIST subset starts like the official training file: 5 0 4 1 9 2")
  func bundledMNISTOrder() throws {
    let mnist = try Dataset.load(.mnist, fromFolder: BundledSubsets.folder(for: .mnist))
    #expect((0..<6).map(mnist.train.label) == [5, 0, 4, 1, 9, 2])
    #expect((0..<6).map(mnist.test.label) == [7, 2, 1, 0, 4, 1])
  }

  @Test("the bundled subsets come with their licence note")
  func bundledLicence() throws {
    let text = try String(
      contentsOfFile: BundledSubsets.rootFolder + "/LICENSE.md", encoding: .utf8)
    #expect(text.contains("CC BY-SA 3.0"))
    #expect(text.contains("Zalando SE"))
  }
}

@Suite("Data: batches and mini-batches")
struct DataBatchTests {
  /// Four images of 2 × 2 with known pixels, including 0 and 255.
  let images = LabeledImages(
    pixels: [0, 255, 51, 102, 1, 2, 3, 4, 10, 20, 30, 40, 255, 255, 0, 0],
    labels: [3, 1, 4, 1], imageRows: 2, imageColumns: 2)

  /// Wrong sizes are programming errors: they stop the program, naming the sizes, in an
  /// optimised build too (`require`, not `precondition`, whose message `-O` drops).
  /// (Exit tests cannot capture values before Swift 6.3, hence one test per case.)
  @Test("a matrix of the wrong size for a batch stops with both sizes named")
  func fillBatchWrongMatrix() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var inputs = Matrix(rows: 3, columns: 4)
      var labels: [Int] = []
      fourImages().fillBatch([0, 1], into: &inputs, labels: &labels)
    }.map { result in
      let text = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(
        text.contains("fillBatch: 2 images of 4 pixels do not fit (3 × 4)"),
        "standard error was: \(text)")
    }
  }

  @Test("a buffer of the wrong size for a batch stops with both sizes named")
  func fillBatchWrongBuffer() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var values = [Float](repeating: 0, count: 7)
      var labels: [Int] = []
      values.withUnsafeMutableBufferPointer {
        fourImages().fillBatch([0, 1], into: $0, labels: &labels)
      }
    }.map { result in
      let text = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(
        text.contains("fillBatch: 2 images of 4 pixels do not fit 7 numbers"),
        "standard error was: \(text)")
    }
  }

  @Test("an index past the images stops naming it")
  func fillBatchBadIndex() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var inputs = Matrix(rows: 2, columns: 4)
      var labels: [Int] = []
      fourImages().fillBatch([0, 9], into: &inputs, labels: &labels)
    }.map { result in
      let text = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(text.contains("fillBatch: index 9 not in 0..<4"), "standard error was: \(text)")
    }
  }

  @Test("a batch holds pixel / 255, rows in the order of the indices")
  func scaledBatch() {
    let (inputs, labels) = images.batch([2, 0])

    #expect(inputs.rows == 2 && inputs.columns == 4)
    #expect(labels == [4, 3])
    #expect(inputs.row(0) == [10, 20, 30, 40].map { Float($0) / 255 })
    // 255 must become exactly 1 and 0 exactly 0: the network's inputs lie in [0, 1].
    #expect(inputs.row(1) == [0, 1, 0.2, 0.4])
  }

  @Test("scaled: false keeps raw 0…255")
  func rawBatch() {
    let (inputs, _) = images.batch([3, 1], scaled: false)
    #expect(inputs.values == [255, 255, 0, 0, 1, 2, 3, 4])
  }

  @Test("fillBatch writes the same values as batch into an existing matrix")
  func fillBatchMatchesBatch() {
    var inputs = Matrix(rows: 3, columns: 4, repeating: -1)
    var labels = [99, 98, 97, 96, 95]
    images.fillBatch([1, 3, 1], into: &inputs, labels: &labels)

    let expected = images.batch([1, 3, 1])
    #expect(inputs == expected.inputs)
    #expect(labels == expected.labels)
  }

  @Test("on a bundled subset, batch and fillBatch agree with the bytes")
  func bundledBatch() throws {
    let mnist = try Dataset.load(.mnist, fromFolder: BundledSubsets.folder(for: .mnist))
    let indices = [9_999, 0, 4_321]
    let (inputs, labels) = mnist.train.batch(indices)
    #expect(inputs.shapeDescription == "(3 × 784)")
    for (row, index) in indices.enumerated() {
      #expect(inputs.row(row) == mnist.train.image(index).map { Float($0) / 255 })
      #expect(labels[row] == mnist.train.label(index))
    }
  }

  @Test("mini-batches cover every index once, in a seeded order")
  func miniBatches() {
    let split = LabeledImages(
      pixels: [UInt8](repeating: 0, count: 100), labels: [UInt8](repeating: 0, count: 100),
      imageRows: 1, imageColumns: 1)
    var generator = SeededGenerator(seed: 7)
    let batches = split.miniBatches(size: 32, generator: &generator)

    #expect(batches.map(\.count) == [32, 32, 32, 4])
    #expect(batches.flatMap { $0 }.sorted() == Array(0..<100))
    #expect(batches.flatMap { $0 } != Array(0..<100), "the order must be shuffled")

    var same = SeededGenerator(seed: 7)
    #expect(split.miniBatches(size: 32, generator: &same) == batches)
    // The same generator, called again, gives the next epoch a different order.
    #expect(split.miniBatches(size: 32, generator: &generator) != batches)

    var dropping = SeededGenerator(seed: 7)
    #expect(
      split.miniBatches(size: 32, generator: &dropping, dropLast: true).map(\.count) == [
        32, 32, 32,
      ])
  }

  @Test("subset keeps the chosen images and labels")
  func subset() {
    let picked = images.subset([3, 0])
    #expect(picked.pixels == [255, 255, 0, 0, 0, 255, 51, 102])
    #expect(picked.labels == [1, 3])
  }
}

@Suite("Data: MD5 for download checks")
struct DataMD5Tests {
  @Test(
    "RFC 1321 test vectors",
    arguments: [
      ("", "d41d8cd98f00b204e9800998ecf8427e"),
      ("abc", "900150983cd24fb0d6963f7d28e17f72"),
      ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
      (
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "57edf4a22be3c955ac49da2e2107b67a"
      ),
    ])
  func vectors(text: String, expected: String) {
    #expect(MD5.hex(of: Array(text.utf8)) == expected)
  }

  @Test("a file's MD5 equals the MD5 of its bytes, across the 1 MiB chunk boundary")
  func fileDigest() throws {
    let folder = try TemporaryFolder()
    let bytes = (0..<(1 << 20) + 1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try DataFixtures.write(bytes, to: folder.file("blob"))
    #expect(try MD5.hex(ofFileAt: folder.file("blob")) == MD5.hex(of: bytes))
  }
}

/// Four blank 2 × 2 images, labels 0…3.
func fourImages() -> LabeledImages {
  LabeledImages(
    pixels: [UInt8](repeating: 0, count: 16), labels: [0, 1, 2, 3], imageRows: 2,
    imageColumns: 2)
}
