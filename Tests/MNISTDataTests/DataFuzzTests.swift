import Foundation
import MNISTData
import NeuralKit
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Data: fuzzing the readers never crashes them")
struct DataFuzzTests {
  /// Mutated files per seed file. Four seed files × 1,000 = 4,000 reads, about a second.
  static let mutationsPerFile = 1_000

  /// The seed files: images and labels, raw and gzip.
  static let seeds: [(name: String, bytes: [UInt8], isLabels: Bool)] = {
    let images = DataFixtures.imagesFile(count: 5, rows: 4, columns: 3)
    let labels = DataFixtures.labelsFile([9, 0, 5, 3, 1])
    return [
      ("raw images", images, false), ("raw labels", labels, true),
      ("gzip images", DataFixtures.gzip(images), false),
      ("gzip labels", DataFixtures.gzip(labels), true),
    ]
  }()

  /// One random change: flip a bit, overwrite a byte with an extreme value, cut the file,
  /// or duplicate a stretch of it.
  static func mutate(_ bytes: [UInt8], _ generator: inout SeededGenerator) -> [UInt8] {
    var result = bytes
    for _ in 0...generator.nextInt(below: 3) {
      guard !result.isEmpty else { break }
      let position = generator.nextInt(below: result.count)
      switch generator.nextInt(below: 4) {
      case 0: result[position] ^= UInt8(1) << UInt8(generator.nextInt(below: 8))
      case 1: result[position] = [0x00, 0xFF, 0x7F, 0x80][generator.nextInt(below: 4)]
      case 2: result.removeSubrange(position...)
      default:
        let end = min(result.count, position + 1 + generator.nextInt(below: 16))
        result.insert(contentsOf: result[position..<end], at: position)
      }
    }
    return result
  }

  @Test("4,000 mutated IDX files: each loads or throws a DataError")
  func mutatedFiles() throws {
    let folder = try TemporaryFolder()
    var generator = SeededGenerator(seed: 2_051)
    var outcomes: [String: Int] = [:]
    for seed in Self.seeds {
      for iteration in 0..<Self.mutationsPerFile {
        // A new file each time, deleted after: on ext4, truncating a file and writing it
        // again makes close() start writing it to disk, slow on a busy machine.
        let path = folder.file("fuzz-\(iteration).idx")
        defer { unlink(path) }
        try DataFixtures.write(Self.mutate(seed.bytes, &generator), to: path)
        do {
          if seed.isLabels {
            _ = try IDXReader.readLabels(at: path)
          } else {
            _ = try IDXReader.readImages(at: path)
          }
          outcomes["loaded", default: 0] += 1
        } catch let error as DataError {
          #expect(error.path == path, "\(error) must name the file")
          outcomes[Mirror(reflecting: error).children.first?.label ?? "?", default: 0] += 1
        }
      }
    }
    // The mutations must reach several different checks, or the fuzzing proves little.
    #expect(outcomes.count >= 6, "outcomes: \(outcomes)")
  }
}
