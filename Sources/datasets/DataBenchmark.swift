import Foundation
import LessonSupport
import MNISTData
import NeuralKit

/// `--benchmark`: peak memory with both full sets loaded, then the median time of loading,
/// of decompressing with zlib against `gzip -dc`, and of making an epoch of batches.
/// Prints `BENCH name value unit` lines for BENCHMARKS.md. Use a release build.
struct DataBenchmark {
  let directory: String
  let runs: Int

  /// Runs every measurement; returns the exit status.
  func run() -> Int32 {
    do {
      try measure()
      return 0
    } catch {
      print("error: \(error)")
      return 1
    }
  }

  private func measure() throws {
    let mnistFolder = directory + "/mnist"
    let fashionFolder = directory + "/fashion-mnist"
    #if DEBUG
      print("note: a debug build; BENCHMARKS.md figures come from swift run -c release")
    #endif
    // Memory first, while the high-water mark is still this process's start-up.
    let baseline = peakResidentMegabytes()
    var both: [Dataset] = [
      try Dataset.load(.mnist, fromFolder: mnistFolder),
      try Dataset.load(.fashionMNIST, fromFolder: fashionFolder),
    ]
    let peak = peakResidentMegabytes()
    let pixelMegabytes =
      both.reduce(0) { $0 + $1.train.pixels.count + $1.test.pixels.count } / 1_000_000
    print(
      "BENCH data_peak_memory_both_sets \(fixed(peak, 1)) MB"
        + "  (start-up \(fixed(baseline, 1)) MB, pixels \(pixelMegabytes) MB)")
    let mnist = both[0]
    both.removeAll()

    report("data_load_mnist_train", unit: "s") {
      let folder = DataFolder(path: mnistFolder)
      _ = try IDXReader.readImages(at: folder.path(of: .trainImages))
      _ = try IDXReader.readLabels(at: folder.path(of: .trainLabels))
    }
    report("data_load_mnist_all", unit: "s") {
      _ = try Dataset.load(.mnist, fromFolder: mnistFolder)
    }
    report("data_load_fashion_all", unit: "s") {
      _ = try Dataset.load(.fashionMNIST, fromFolder: fashionFolder)
    }
    for (name, folder) in [("mnist", mnistFolder), ("fashion", fashionFolder)] {
      let path = DataFolder(path: folder).path(of: .trainImages)
      guard path.hasSuffix(".gz") else { continue }
      report("data_gunzip_zlib_\(name)_train_images", unit: "s") {
        _ = try IDXReader.readImages(at: path)
      }
      report("data_gunzip_process_\(name)_train_images", unit: "s") {
        _ = try gunzipWithProcess(path)
      }
    }
    // One epoch of MNIST at batch size 32 (1 875 batches), the shuffle made beforehand so
    // only the conversion is timed.
    var generator = SeededGenerator(seed: 1)
    let batches = mnist.train.miniBatches(size: 32, generator: &generator, dropLast: true)
    report("data_batch_epoch_mnist_32", unit: "s") {
      for batch in batches { _ = mnist.train.batch(batch) }
    }
    report("data_fill_batch_epoch_mnist_32", unit: "s") {
      var inputs = Matrix(rows: 32, columns: mnist.pixelsPerImage)
      var labels: [Int] = []
      for batch in batches { mnist.train.fillBatch(batch, into: &inputs, labels: &labels) }
    }
    report("data_shuffle_epoch_mnist_32", unit: "s") {
      _ = mnist.train.miniBatches(size: 32, generator: &generator)
    }
  }

  /// Runs `body` `runs` times and prints the median, with min and max.
  private func report(_ name: String, unit: String, _ body: () throws -> Void) {
    var seconds: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      do { try body() } catch {
        print("BENCH \(name) failed: \(error)")
        return
      }
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2]
    print(
      "BENCH \(name) \(fixed(median, 3)) \(unit)  (median of \(runs);"
        + " min \(fixed(seconds.first!, 3)), max \(fixed(seconds.last!, 3)))")
  }

  /// All bytes of `gzip -dc path`, the alternative to zlib this package measured.
  private func gunzipWithProcess(_ path: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
  }

  /// The process's peak resident memory so far, in MB (10⁶ bytes).
  private func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Double(usage.ru_maxrss) * 1024 / 1e6  // Linux counts kilobytes
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Double(usage.ru_maxrss) / 1e6  // macOS counts bytes
    #endif
  }
}
