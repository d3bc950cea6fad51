import Dispatch
import Foundation
import Kernels
import LessonSupport
import MNISTData
import NeuralKit

/// `swift run lesson08-fast-matmul`: the product behind every dense layer, measured one
/// rung at a time from the textbook triple loop to the engine, against an estimate of the
/// machine's peak; what threads cost per call; and where a training step's time goes, with
/// ReLU and with Sigmoid. Lessons/08-fast-matmul.md walks through this output.
@main
enum Lesson08FastMatmul {
  /// (m, k, n) of the products measured: the first layer's forward product at batch 32
  /// and 128, and a large square one.
  static let shapes: [(m: Int, k: Int, n: Int)] = [
    (32, 784, 128), (128, 784, 128), (1024, 1024, 1024),
  ]
  /// Rows of A the triple loop multiplies for the square product (all of them would take
  /// several seconds per run); the rate per row is the same.
  static let tripleLoopRowsForSquare = 64

  static func main() {
    let arguments = LessonArguments.parseOrExit(
      program: "lesson08-fast-matmul",
      summary: "Lesson 08: the matrix product from a triple loop to the machine's limit,\n"
        + "measured on this machine: five rungs and the engine, the cost of threads per\n"
        + "call, and each phase's share of a 784-128-10 training step, ReLU and Sigmoid.",
      defaultSeed: 8)
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    let quick = arguments.quick
    print(style.bold("Lesson 08 — making it fast") + "   (seed \(arguments.seed))")
    print("  same matrices and images: swift run lesson08-fast-matmul --seed \(arguments.seed)")
    #if DEBUG
      print(
        style.dim(
          "  (a debug build: NeuralKit is still compiled with -O, so the rungs are fast;\n"
            + "   only this program's own loops are not)"))
    #endif
    print(
      "  Timings vary from run to run and machine to machine"
        + (quick ? "; --quick measures each once." : ": each is a median."))

    let peak = machineSection(quick: quick, style: style)
    ladderSection(peak: peak, seed: arguments.seed, quick: quick, style: style)
    threadSection(quick: quick, style: style)
    phaseSection(peak: peak, seed: arguments.seed, quick: quick, style: style)

    print(style.bold("\nYour turn"))
    print("  Write the i-k-j product: exercises/08-fast-matmul/IKJProduct.swift;")
    print("  rung 2 above is that loop, the speed to aim for. Test it with")
    print("  " + style.cyan("swift test --disable-xctest --filter Lesson08"))
    print("Next: an epoch on a busy machine, swift run -c release benchmark --under-load")
  }

  // MARK: - The machine

  /// Prints the factors of the peak estimate and returns it (clock as measured).
  static func machineSection(quick: Bool, style: TerminalStyle) -> MachinePeak {
    print(style.bold("\nThe machine's peak, estimated"))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let lanes = MachinePeak.simdLanesFromCPUFlags()
    let reported = MachinePeak.reportedClockGHz()
    let measured = MachinePeak.measuredClockGHz(
      additions: quick ? 10_000_000 : 100_000_000, runs: quick ? 1 : 5)
    let fmaRoof = MachinePeak.measuredFMAGFLOPs(
      iterations: quick ? 2_000_000 : 20_000_000, runs: quick ? 1 : 5)
    let fmaUnits = MachinePeak.assumedFMAUnits
    let peak = MachinePeak(
      cores: cores, simdLanes: lanes, fmaUnits: fmaUnits.count, clockGHz: measured)
    var rows = [
      ["cores", "\(cores)", "this process may use"],
      ["Float lanes per SIMD", "\(lanes)", "from the CPU flags"],
      ["FMA units per core", "\(fmaUnits.count)", fmaUnits.source],
    ]
    if let reported {
      rows.append(["clock in /proc/cpuinfo", fixed(reported, 2) + " GHz", "often the base clock"])
    }
    rows += [
      ["clock, measured", fixed(measured, 2) + " GHz", "dependent additions, 3 cycles each"],
      ["peak, one core", fixed(peak.gflopsPerCore, 1), "GFLOP/s = lanes × FMA × 2 × clock"],
      ["peak, \(cores) cores", fixed(peak.gflops, 1), "GFLOP/s, the estimate used below"],
      ["FMAs on one core", fixed(fmaRoof, 1), "GFLOP/s measured, no memory in the way"],
    ]
    let (names, notes) = (rows.map { $0[0] }, rows.map { $0[2] })
    printTable(
      TextTable(
        headers: [leftAligned("", among: names), "value", leftAligned("how", among: notes)],
        rows: rows.map {
          [leftAligned($0[0], among: names), $0[1], leftAligned($0[2], among: notes)]
        }
      ))
    return peak
  }

  // MARK: - The ladder

  /// One rung as the table names it, and a product to time for a given A and B.
  struct Rung: Sendable {
    var name: String
    /// Prepares what the rung needs (outside the timing) and returns the timed call.
    var prepare: @Sendable (Matrix, Matrix) -> () -> Matrix
  }

  static let rungs: [Rung] = [
    Rung(name: "1 triple loop, [[Float]]") { a, b in
      let (rowsA, rowsB) = (a.rowArrays, b.rowArrays)
      return {
        let c = ProductLadder.tripleLoop(rowsA, rowsB)
        return Matrix(rows: c.count, columns: c.first?.count ?? 0, values: c.flatMap { $0 })
      }
    },
    Rung(name: "2 loop order i-k-j") { a, b in { ProductLadder.loopOrder(a, b) } },
    Rung(name: "3 register tiles 4×16") { a, b in { ProductLadder.registerTiles(a, b) } },
    Rung(name: "4 packed B, k blocks") { a, b in { ProductLadder.packedBlocks(a, b) } },
    Rung(name: "5 + Dispatch threads") { a, b in { ProductLadder.dispatchThreads(a, b) } },
    Rung(name: "6 engine, one core") { a, b in
      {
        var c = Matrix(rows: a.rows, columns: b.columns)
        Matrix.multiply(a, b, into: &c, threads: 1)
        return c
      }
    },
    Rung(name: "6 engine, WorkerPool") { a, b in { a.multiplied(by: b) } },
  ]

  static func ladderSection(peak: MachinePeak, seed: UInt64, quick: Bool, style: TerminalStyle) {
    print(style.bold("\nThe product ladder: GFLOP/s and share of the \(peak.cores)-core peak"))
    print("  (m × k) · (k × n), random numbers in [-1, 1), seed \(seed)")
    var generator = SeededGenerator(seed: seed)
    let operands = shapes.map { shape in
      (
        a: Matrix(rows: shape.m, columns: shape.k, uniformLimit: 1, generator: &generator),
        b: Matrix(rows: shape.k, columns: shape.n, uniformLimit: 1, generator: &generator)
      )
    }
    var rows: [[String]] = []
    var allMatch = true
    for (index, rung) in rungs.enumerated() {
      var cells = [leftAligned(rung.name, among: rungs.map(\.name))]
      for (shape, (a, b)) in zip(shapes, operands) {
        // The triple loop on the square product: its first rows only.
        let rowsUsed = index == 0 && shape.m > 256 ? tripleLoopRowsForSquare : shape.m
        let aUsed = rowsUsed == shape.m ? a : firstRows(rowsUsed, of: a)
        let product = rung.prepare(aUsed, b)
        let seconds = medianSeconds(quick: quick) { _ = product() }
        let gflops = 2 * Double(rowsUsed * shape.k * shape.n) / seconds / 1e9
        let share = fixed(100 * gflops / peak.gflops, 0) + "%"
        cells.append(fixed(gflops, 1) + (rowsUsed == shape.m ? "  " : "* ") + share)
        if shape.m == shapes[0].m && shape.n == shapes[0].n {
          allMatch = allMatch && matchesReference(product(), a: aUsed, b: b)
        }
      }
      rows.append(cells)
    }
    let headers =
      [leftAligned("rung", among: rungs.map(\.name))] + shapes.map { "\($0.m)×\($0.k)×\($0.n)" }
    printTable(TextTable(headers: headers, rows: rows))
    print("  * the first \(tripleLoopRowsForSquare) rows only: all of them take seconds per run.")
    print(
      "  Each rung's 32×784×128 product against Matrix.naiveProduct: "
        + (allMatch ? "ok" : style.red("✗ a rung differs")))
  }

  /// True when `c` equals the triple loop's A·B within 1e-5 × k × max|a|·max|b| (here
  /// both are below 1): the error of summing k rounded products in another order.
  static func matchesReference(_ c: Matrix, a: Matrix, b: Matrix) -> Bool {
    c.maxAbsoluteDifference(from: Matrix.naiveProduct(a, b)) <= 1e-5 * Float(a.columns)
  }

  // MARK: - Threads

  static func threadSection(quick: Bool, style: TerminalStyle) {
    print(style.bold("\nThreads: the cost of handing work to another core, per call"))
    print("  Each call: 2 units of \(fixed(unitMicroseconds, 0)) µs of work; on 2 free cores")
    print("  the ideal is \(fixed(unitMicroseconds, 0)) µs per call, on one core twice that.")
    let calls = quick ? 20 : 400
    func perCall(_ body: () -> Void) -> Double {
      medianSeconds(quick: quick) { for _ in 0..<calls { body() } } / Double(calls) * 1e6
    }
    let alone = perCall { for _ in 0..<2 { spin(microseconds: unitMicroseconds) } }
    let dispatch = perCall {
      DispatchQueue.concurrentPerform(iterations: 2) { _ in spin(microseconds: unitMicroseconds) }
    }
    let pool = perCall {
      WorkerPool.shared.run(units: 2) { _ in spin(microseconds: unitMicroseconds) }
    }
    var generator = SeededGenerator(seed: 1)
    let a = Matrix(rows: 32, columns: 784, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: 784, columns: 128, uniformLimit: 1, generator: &generator)
    var c = Matrix(rows: 32, columns: 128)
    let product = perCall { Matrix.multiply(a, b, into: &c, threads: 1) }
    let names = [
      "one core, no threads", "DispatchQueue.concurrentPerform",
      "WorkerPool.shared.run (the engine's)",
    ]
    let rows = zip(names, [alone, dispatch, pool]).map { name, time in
      [leftAligned(name, among: names), fixed(time, 1), fixed(time - unitMicroseconds, 1)]
    }
    let headers = [leftAligned("2 units of work", among: names), "µs per call", "over ideal"]
    printTable(TextTable(headers: headers, rows: rows))
    print("  For scale: one 32×784×128 product on one core took \(fixed(product, 1)) µs.")
    print("  Threads pay only when the work per call is many times their cost per call.")
  }

  /// Work per unit in the thread measurement, in µs: about a quarter of a batch-32
  /// forward product on one core.
  static let unitMicroseconds = 25.0

  /// Keeps this core busy for `microseconds`, like a unit of real work.
  @Sendable static func spin(microseconds: Double) {
    let end = DispatchTime.now().uptimeNanoseconds + UInt64(microseconds * 1000)
    while DispatchTime.now().uptimeNanoseconds < end {}
  }

  // MARK: - Phases

  /// Where a step's time goes with ReLU and with Sigmoid in the hidden layer: two
  /// networks trained on the same batches, their steps alternating, so a change in what
  /// else the machine does reaches both alike.
  static func phaseSection(peak: MachinePeak, seed: UInt64, quick: Bool, style: TerminalStyle) {
    let (batchSize, imageCount) = (32, 60_000)
    let steps = quick ? 100 : imageCount / batchSize
    print(style.bold("\nWhere a step goes: 784-128-10, Adam, batch \(batchSize)"))
    print(
      "  \(spacedThousands(imageCount)) synthetic 28×28 images (random bytes, seed \(seed));"
        + " \(spacedThousands(steps)) steps")
    print("  of each network, a ReLU step and a Sigmoid step in turn, same batches")
    let images = syntheticImages(count: imageCount, seed: seed)
    let activations: [Activation] = [.relu, .sigmoid]
    var networks = activations.map {
      Network(layerSizes: [784, 128, 10], hiddenActivation: $0, seed: seed)
    }
    var optimizers = activations.map { _ in Adam() }
    var phases = activations.map { _ in TrainingPhases() }
    var inputs = Matrix(rows: batchSize, columns: images.pixelsPerImage)
    var labels: [Int] = []
    var generator = SeededGenerator(seed: seed)
    let batches = images.miniBatches(size: batchSize, generator: &generator, dropLast: true)
    for (step, indices) in batches.prefix(steps).enumerated() {
      // Each goes first every other step: the first to read a batch's pixels pays for
      // bringing them into the cache.
      for index in step % 2 == 0 ? [0, 1] : [1, 0] {
        phases[index].step(
          &networks[index], on: images, indices: indices, inputs: &inputs, labels: &labels,
          optimizer: &optimizers[index])
      }
    }
    let (relu, sigmoid) = (phases[0], phases[1])
    let micro = { (seconds: Double) in fixed(seconds * 1e6, 1) }
    let percent = { (fraction: Double) in fixed(100 * fraction, 1) + "%" }
    var rows = TrainingPhases.Phase.allCases.map { phase in
      [
        phase.name, micro(relu.median(phase)), percent(relu.share(of: phase)),
        micro(sigmoid.median(phase)), percent(sigmoid.share(of: phase)),
      ]
    }
    rows[rows.count - 1][0] += " (Adam)"
    rows.append(["step", micro(relu.medianStep), "100.0%", micro(sigmoid.medianStep), "100.0%"])
    let both = { (phases: TrainingPhases) in
      micro(phases.median(.activation) + phases.median(.activationBackward))
    }
    rows.append([
      "activation, both", both(relu), percent(relu.activationShare), both(sigmoid),
      percent(sigmoid.activationShare),
    ])
    let names = rows.map { $0[0] }
    printTable(
      TextTable(
        headers: [
          leftAligned("median of the steps", among: names), "ReLU µs", "share",
          "Sigmoid µs", "share",
        ],
        rows: rows.map { [leftAligned($0[0], among: names)] + $0.dropFirst() }
      ))
    let difference = sigmoid.medianStep - relu.medianStep
    print(
      "  A Sigmoid step took \(fixed(sigmoid.medianStep / relu.medianStep, 2))× a ReLU step"
        + " (\(micro(abs(difference))) µs \(difference < 0 ? "less" : "more")).")
    let stepsPerEpoch = imageCount / batchSize
    let epoch = relu.totalSeconds / Double(relu.steps) * Double(stepsPerEpoch)
    let operations = Double(
      TrainingPhases.productOperations(layerSizes: [784, 128, 10], batchSize: batchSize))
    let atPeak = operations * Double(stepsPerEpoch) / (peak.gflops * 1e9)
    print(
      "  A ReLU epoch of \(spacedThousands(stepsPerEpoch)) steps, every wait included:"
        + " \(fixed(epoch, 2)) s. Its products")
    print(
      "  are \(fixed(operations * Double(stepsPerEpoch) / 1e9, 1)) GFLOP, \(fixed(atPeak, 2)) s"
        + " at the peak estimate: \(fixed(100 * atPeak / epoch, 0))% of it.")
  }

  /// `count` synthetic images: 1 000 random ones repeated, since the time of a step does
  /// not depend on the pixels, and random labels.
  static func syntheticImages(count: Int, seed: UInt64) -> LabeledImages {
    var generator = SeededGenerator(seed: seed)
    let distinct = (0..<1_000 * 784).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    var pixels: [UInt8] = []
    pixels.reserveCapacity(count * 784)
    for _ in 0..<count / 1_000 { pixels.append(contentsOf: distinct) }
    return LabeledImages(
      pixels: pixels, labels: (0..<count).map { _ in UInt8(generator.nextInt(below: 10)) },
      imageRows: 28, imageColumns: 28)
  }

  // MARK: - Helpers

  /// Median seconds of one call of `body`: 5 samples of enough calls to last ≥ 50 ms
  /// (with `quick`, one sample of ≥ 2 ms).
  static func medianSeconds(quick: Bool, _ body: () -> Void) -> Double {
    let clock = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    var start = clock()
    body()  // also a warm-up
    let once = max(clock() - start, 1e-7)
    let calls = max(1, Int((quick ? 0.002 : 0.05) / once))
    var samples: [Double] = []
    for _ in 0..<(quick ? 1 : 5) {
      start = clock()
      for _ in 0..<calls { body() }
      samples.append((clock() - start) / Double(calls))
    }
    return samples.sorted()[samples.count / 2]
  }

  /// `text` padded with spaces to the longest of `column`, so the right-aligning table
  /// shows it left-aligned.
  static func leftAligned(_ text: String, among column: [String]) -> String {
    text.padding(
      toLength: max(text.count, column.map(\.count).max() ?? 0), withPad: " ", startingAt: 0)
  }

  /// Prints a table without the spaces that pad its last column.
  static func printTable(_ table: TextTable) {
    for line in table.text.split(separator: "\n", omittingEmptySubsequences: false) {
      print(String(line.reversed().drop { $0 == " " }.reversed()))
    }
  }

  static func firstRows(_ count: Int, of matrix: Matrix) -> Matrix {
    Matrix(
      rows: count, columns: matrix.columns,
      values: Array(matrix.values[0..<count * matrix.columns]))
  }
}
