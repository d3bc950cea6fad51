import LessonSupport
import MNISTData
import NeuralKit
import Testing

/// Every rung of lesson 08's ladder against `Matrix.naiveProduct`, on shapes that hit
/// every edge: tiles of 4 × 16 that do not divide the shape, k longer than one 256 block,
/// more rows than one 96-row unit, a ragged last 16-column strip, an empty k.
@Suite struct ProductLadderTests {
  /// (m, k, n). 130 rows cross a 96-row unit; 300 and 513 cross k blocks; 5, 17, 31, 33
  /// leave ragged strips; (3, 0, 4) has nothing to sum.
  static let shapes: [(m: Int, k: Int, n: Int)] = [
    (1, 1, 1), (7, 13, 5), (5, 17, 33), (4, 16, 16), (33, 300, 17), (130, 257, 48),
    (97, 513, 31), (32, 784, 128), (3, 0, 4),
  ]

  /// How far a rung may be from the triple loop, per term of each sum. Entries are in
  /// [−1, 1), so every product is at most 1 and a sum of k of them is at most k; Float
  /// rounds each addition by at most 6e-8 of the running sum, and the rungs add in another
  /// order (by 16-lane vectors, by k blocks of 256). 1e-5 · k is far above what rounding
  /// gives on these shapes (under 1e-5 in all) and far below an error of indexing, which
  /// is of the order of the entries themselves.
  static let tolerancePerTerm: Float = 1e-5

  static let rungs: [(name: String, product: @Sendable (Matrix, Matrix) -> Matrix)] = [
    ("loopOrder", ProductLadder.loopOrder),
    ("registerTiles", ProductLadder.registerTiles),
    ("packedBlocks", ProductLadder.packedBlocks),
    ("dispatchThreads", ProductLadder.dispatchThreads),
  ]

  /// Rung 1 on every shape but the empty k: nested arrays cannot say how many columns a
  /// B without rows has.
  @Test(
    "rung 1, the triple loop on arrays, is the reference exactly",
    arguments: shapes.indices.filter { shapes[$0].k > 0 })
  func tripleLoop(_ index: Int) {
    let (a, b) = operands(index)
    let c = ProductLadder.tripleLoop(a.rowArrays, b.rowArrays)
    // Same sums in the same order as naiveProduct: equal to the last bit.
    #expect(c.flatMap { $0 } == Matrix.naiveProduct(a, b).values)
    #expect(c.count == a.rows && c.allSatisfy { $0.count == b.columns })
  }

  @Test(
    "rungs 2–5 match the reference within tolerance",
    arguments: rungs.indices, shapes.indices)
  func rung(_ rung: Int, _ index: Int) {
    let (a, b) = operands(index)
    let (name, product) = Self.rungs[rung]
    let c = product(a, b)
    let expected = Matrix.naiveProduct(a, b)
    #expect(c.rows == expected.rows && c.columns == expected.columns, "\(name) shape")
    guard c.rows == expected.rows && c.columns == expected.columns else { return }
    let allowed = Self.tolerancePerTerm * Float(max(a.columns, 1))
    let difference = c.maxAbsoluteDifference(from: expected)
    #expect(
      difference <= allowed,
      "\(name) on \(a.shapeDescription)·\(b.shapeDescription): max|Δ| \(difference) > \(allowed)")
  }

  /// The engine packs B once it is larger than `inPlaceBLimit` (lesson 08 measured the
  /// in-place reads slow there): 520 × 272 floats is past it, with whole 16-column strips.
  @Test("the engine matches the reference with a B too large to read in place")
  func engineLargeB() {
    var generator = SeededGenerator(seed: 808)
    let a = Matrix(rows: 37, columns: 520, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: 520, columns: 272, uniformLimit: 1, generator: &generator)
    let allowed = Self.tolerancePerTerm * 520
    #expect(a.multiplied(by: b).maxAbsoluteDifference(from: Matrix.naiveProduct(a, b)) <= allowed)
    var c = Matrix(rows: 37, columns: 272)
    Matrix.multiply(a, b, into: &c, threads: 2)
    #expect(c.maxAbsoluteDifference(from: Matrix.naiveProduct(a, b)) <= allowed)
  }

  @Test("the product operations of a training step count forward, dW and dX")
  func productOperations() {
    // 784-128-10 at batch 32: 2 · 32 · (784·128 · 2 + 128·10 · 3)
    let operations = TrainingPhases.productOperations(layerSizes: [784, 128, 10], batchSize: 32)
    #expect(operations == 13_090_816)
  }

  @Test("the peak estimate multiplies its factors; cpuinfo is read when present")
  func peakEstimate() {
    let peak = MachinePeak(cores: 2, simdLanes: 8, fmaUnits: 2, clockGHz: 2.5)
    #expect(peak.operationsPerCycle == 32)
    #expect(peak.gflops == 160)
    let cpuinfo = "processor\t: 0\ncpu MHz\t\t: 2445.402\nflags\t\t: fpu sse2 avx avx2 fma\n"
    #expect(MachinePeak.reportedClockGHz(cpuinfo: cpuinfo) == 2.445402)
    #expect(MachinePeak.reportedClockGHz(cpuinfo: nil) == nil)
    #if arch(x86_64)
      #expect(MachinePeak.simdLanesFromCPUFlags(cpuinfo: cpuinfo) == 8)
      #expect(MachinePeak.simdLanesFromCPUFlags(cpuinfo: "flags : avx2 avx512f\n") == 16)
    #endif
    #expect(MachinePeak.instructionSetName(lanes: 16) == "AVX-512")
    #expect(MachinePeak.instructionSetName(lanes: 8) == "AVX2")
  }

  // MARK: - Helpers

  func operands(_ index: Int) -> (Matrix, Matrix) {
    let (m, k, n) = Self.shapes[index]
    var generator = SeededGenerator(seed: 800 + UInt64(index))
    let a = Matrix(rows: m, columns: k, uniformLimit: 1, generator: &generator)
    return (a, Matrix(rows: k, columns: n, uniformLimit: 1, generator: &generator))
  }
}
