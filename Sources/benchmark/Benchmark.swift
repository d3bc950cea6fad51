import Dispatch
import LessonSupport
import MNISTData
import NeuralKit

/// Measures the engine and prints one line per measurement:
///
///     BENCH <name> <value> <unit>
///
/// Products: GFLOP/s of the naive triple loop and of the engine at the shapes of the
/// 784-128-10 network (batch 32 and 128). Training: seconds per epoch of 60,000 synthetic
/// 784-pixel images (bytes converted to floats per batch, as real data is), Adam. Every
/// figure is the median of several runs; the ratio engine/naive comes from the same run.
///
///     swift run -c release benchmark            full measurement (about a minute)
///     swift run -c release benchmark --quick    one short run of each, for CI
///     swift run -c release benchmark --under-load
///         an epoch at batch 32 idle, then with one busy process started by the
///         benchmark itself (`BusyLoad`), and the ratio; add --quick for CI
@main
struct Benchmark {
  /// What the flags set.
  struct Settings: Sendable {
    var quick = false
    var underLoad = false
  }

  /// The benchmark's flags; `--help` is written from them.
  static let parser = CommandLineParser(
    program: "benchmark", invocation: "swift run -c release",
    summary: """
      Prints one line per measurement, BENCH <name> <value> <unit>: the naive and the engine
      product for the 784-128-10 shapes at batch 32 and 128 (GFLOP/s, and their ratio), and
      seconds per epoch of 60,000 synthetic images at batch 32 and 128 (median of 5).
      """,
    defaults: Settings(),
    flags: [
      .quick(\.quick, help: "one short run of each (CI checks that it works, not how fast)"),
      .switch(
        "under-load",
        help: "an epoch at batch 32 idle, then beside one busy process, and the ratio",
        sets: \.underLoad),
    ])

  static func main() {
    let settings = parser.parseOrExit()
    let (quick, underLoad) = (settings.quick, settings.underLoad)
    #if DEBUG
      print(
        "note: this is a debug build; for figures worth recording use `swift run -c release benchmark`"
      )
    #endif
    if underLoad {
      benchmarkUnderLoad(quick: quick)
      return
    }
    let runs = quick ? 1 : 5
    print("# machine: \(activeCores) cores; median of \(runs) run(s)")
    // The roof every figure below sits under: targets set on a machine with 16 lanes
    // (AVX-512) mean something else on one with 8 (AVX2).
    let lanes = MachinePeak.simdLanesFromCPUFlags()
    let roof = MachinePeak.measuredFMAGFLOPs(iterations: quick ? 2_000_000 : 20_000_000)
    print(
      "# \(lanes) Float lanes per SIMD register (\(MachinePeak.instructionSetName(lanes: lanes))); one core's FMA roof"
        + " \(rounded(roof)) GFLOP/s, all cores ~\(rounded(roof * Double(activeCores)))")
    for batch in [32, 128] {
      benchmarkProduct(batch: batch, runs: runs)
    }
    let training = syntheticImages(count: quick ? 6_000 : 60_000)
    for batch in [32, 128] {
      benchmarkEpoch(batch: batch, training: training, runs: quick ? 1 : 5)
    }
  }

  /// The forward product of the first layer: (batch × 784) · (784 × 128).
  static func benchmarkProduct(batch: Int, runs: Int) {
    var generator = SeededGenerator(seed: 7)
    let inputs = Matrix(rows: batch, columns: 784, uniformLimit: 1, generator: &generator)
    let weights = Matrix(rows: 784, columns: 128, uniformLimit: 1, generator: &generator)
    let flops = 2.0 * Double(batch * 784 * 128)
    let naive = median(wallTimes(runs: runs) { _ = Matrix.naiveProduct(inputs, weights) })
    var output = Matrix(rows: batch, columns: 128)
    let repetitions = 200
    let engine =
      median(
        wallTimes(runs: runs) {
          for _ in 0..<repetitions { Matrix.multiply(inputs, weights, into: &output) }
        }) / Double(repetitions)
    let name = "product_\(batch)x784x128"
    report("\(name)_naive", flops / naive / 1e9, "GFLOP/s")
    report("\(name)_engine", flops / engine / 1e9, "GFLOP/s")
    report("\(name)_speedup", naive / engine, "x")
  }

  /// One epoch of training 784-128-10 (ReLU, Adam) on synthetic images, through the same
  /// path as real data: bytes in `LabeledImages`, a shuffled batch order, `fillBatch`.
  static func benchmarkEpoch(batch: Int, training: LabeledImages, runs: Int) {
    let times = epochTimes(batch: batch, training: training, runs: runs)
    report("epoch_60000_batch\(batch)", median(times), "s")
    // The spread says how much to trust the median: on a shared machine epochs of the
    // same code differ by tens of percent from one minute to the next.
    let (fastest, slowest) = (times.min() ?? 0, times.max() ?? 0)
    print(
      "#   \(runs) run\(runs == 1 ? "" : "s") from \(rounded(fastest)) to \(rounded(slowest)) s")
  }

  /// The default model's epoch (batch 32) on an idle machine and with one busy process
  /// competing for the cores, started and stopped here, and the ratio. With one core taken
  /// away from two, an ideal pool gives about 2×; a pool whose workers wait for a core
  /// that is busy elsewhere gives far more (OpenBLAS: 60× here).
  static func benchmarkUnderLoad(quick: Bool) {
    let runs = quick ? 1 : 5
    let training = syntheticImages(count: quick ? 6_000 : 60_000)
    print("# machine: \(activeCores) cores; median of \(runs) run(s); load: 1 busy process")
    // Idle and loaded epochs alternate, so a change in what else runs on the machine
    // affects both alike.
    var (idleTimes, loadedTimes): ([Double], [Double]) = ([], [])
    for _ in 0..<runs {
      idleTimes += epochTimes(batch: 32, training: training, runs: 1)
      let load: BusyLoad
      do {
        load = try BusyLoad(processes: 1)
      } catch {
        print("benchmark: could not start the busy process: \(error)")
        exitWithCode(1)
      }
      loadedTimes += epochTimes(batch: 32, training: training, runs: 1)
      load.stop()
    }
    let (idle, loaded) = (median(idleTimes), median(loadedTimes))
    report("epoch_60000_batch32_idle", idle, "s")
    report("epoch_60000_batch32_under_load", loaded, "s")
    report("epoch_under_load_ratio", loaded / idle, "x")
  }

  /// Synthetic training images (random bytes and labels, seed 11): made once, shared by
  /// every epoch measured.
  static func syntheticImages(count: Int) -> LabeledImages {
    var generator = SeededGenerator(seed: 11)
    return LabeledImages(
      pixels: (0..<count * 784).map { _ in UInt8(truncatingIfNeeded: generator.next()) },
      labels: (0..<count).map { _ in UInt8(generator.nextInt(below: 10)) },
      imageRows: 28, imageColumns: 28)
  }

  /// Seconds per 60,000-image epoch (scaled from the images given), one per run; each
  /// run trains the same fresh network on a new shuffle.
  static func epochTimes(batch: Int, training: LabeledImages, runs: Int) -> [Double] {
    var generator = SeededGenerator(seed: 12)
    var network = Network(layerSizes: [784, 128, 10], hiddenActivation: .relu, seed: 1)
    var optimizer = Adam()
    var inputs = Matrix(rows: batch, columns: 784)
    var labels: [Int] = []
    let scale = 60_000 / Double(training.count)  // quick mode trains on fewer images
    return wallTimes(runs: runs) {
      for indices in training.miniBatches(size: batch, generator: &generator, dropLast: true) {
        training.fillBatch(indices, into: &inputs, labels: &labels)
        _ = try! network.trainStep(inputs: inputs, labels: labels, optimizer: &optimizer)
      }
    }.map { $0 * scale }
  }

  /// The wall time of each of `runs` calls, in seconds.
  static func wallTimes(runs: Int, _ body: () -> Void) -> [Double] {
    (0..<runs).map { _ in
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
  }

  /// The middle value (the upper one of the middle two for an even count).
  static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  static func report(_ name: String, _ value: Double, _ unit: String) {
    print("BENCH \(name) \(rounded(value)) \(unit)")
  }

  /// Three decimals, as every figure is printed.
  static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
