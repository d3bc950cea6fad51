// The packed matrix product: where NeuralKit's time goes, and where speed leads.
//
// Almost all of a dense network's training time is spent in three products per layer:
// Y = X·W (forward), dW = Xᵀ·dY and dX = dY·Wᵀ (backward). The readable triple loop
// (`Matrix.naiveProduct` in NeuralKit) computes the same numbers, just 50–100× slower. The fast
// version follows the structure of BLIS/GotoBLAS, in four ideas (lesson 08 builds them
// one at a time):
//
// 1. Micro-kernel. C is cut into tiles of 6 rows × 16 columns. One tile's 96 running sums
//    stay in registers (six `SIMD16<Float>`, i.e. twelve 256-bit registers on AVX2, six on
//    AVX-512, 24 on NEON) for the whole k loop; each step loads 16 numbers of B, broadcasts
//    one number of A per row and does `sum += a * b` as one fused multiply-add
//    (`addProduct`, one instruction with FMA hardware). 96 multiply-adds per 22 loads.
//    Where rows run out, shorter tiles (4, 3, …) take the rest, each with only the sums
//    it needs: 32 rows are 6 + 6 + 6 + 6 + 4 + 4, not five tiles of 6 and one that
//    computes four rows that do not exist.
// 2. Memory in kernel order. The kernel reads A where it lies: six rows at once, one
//    number each per step, and Aᵀ (for dW = Xᵀ·dY) just as well, through strides. B is
//    read in place when it is row-major with whole 16-column strips and at most 512 KB,
//    each strip starting on a 64-byte cache-line boundary (`StripPlan`); otherwise (Bᵀ
//    for dX = dY·Wᵀ, the 10-column output layer, a large square B) it is first copied
//    ("packed") into zero-padded 16-column strips. Copying A as BLIS does was measured
//    slower here: for the 784-128-10 shapes the copy cost a fifth of the product.
// 3. Cache blocking. k is cut into equal blocks of at most 256 and rows into equal blocks of
//    at most 96, so a strip of B (≤ 256 × 16 floats, 16 KB) stays in L1 while all the block's
//    tiles use it.
// 4. Threads, only where they pay. C is cut into units (96 rows × 16 columns, all of k;
//    fewer rows when B has too few strips to give each core four units) that any core
//    can compute. Handing units to another core through Dispatch costs
//    ~40–50 µs here, about half a batch-32 product, so `WorkerPool` keeps a worker ready
//    (about a microsecond to start) and steps back to one core when the machine is busy.
//    Products under `parallelProductThreshold` multiply-adds stay on one core.
//
// Results equal the naive triple loop up to rounding: sums run in a different order
// (per k block), so low bits may differ; the tests bound the difference. They do not
// depend on the number of threads: every element is summed by one unit in one order.

import Foundation

/// Rows of C per micro-kernel tile.
@usableFromInline let tileRows = 6
/// Columns of C per micro-kernel tile: one `SIMD16<Float>`.
@usableFromInline let tileColumns = 16
/// Longest k block: a 256 × 16 strip of B is 16 KB, so it stays in L1 while the tiles of
/// a row block use it.
@usableFromInline let kBlock = 256
/// Rows of C per unit of work (a multiple of `tileRows`): its 96 rows of A, one k block
/// long, are 96 KB, which stay in L2 while the unit's strip of B streams past.
@usableFromInline let rowBlock = 96
/// The largest B, in floats, read in place (512 KB, one core's L2 on Zen 3). A larger B
/// read in place costs a jump of a whole row per step of k (4 KB for n = 1024) and a
/// cache line used 64 bytes at a time; packed, the kernel walks contiguous memory.
/// Measured in lesson 08: 1024³ on one core went from 28–35 to 54–59 GFLOP/s; the
/// network's W (784 × 128, 392 KB) stays below the limit and is read in place as before.
@usableFromInline let inPlaceBLimit = 131_072
/// Products with fewer multiply-adds than this run on one core (see idea 4 above):
/// 2^17 multiply-adds take ~3 µs on one core here, a few times the cost of handing work
/// to a ready worker (`WorkerPool`). The output layer's products at batch 128 (164 K
/// multiply-adds) are above it, at batch 32 below.
public let parallelProductThreshold = 1 << 17

/// The number of cores this process may use.
public let activeProcessorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// One product's operands as raw pointers and strides: element (i, p) of op(A) is
/// `a[i * aRowStride + p * aColumnStride]`, so a transpose is just swapped strides.
///
///     C (m × n) = op(A) (m × k) · op(B) (k × n),   or C += … when `accumulate`
///
/// C is row-major with n columns. `NeuralKit`'s `Matrix.multiply` builds one from its
/// matrices and calls `run(threads:)`.
public struct ProductOperands: @unchecked Sendable {
  let m: Int, n: Int, k: Int
  let a: UnsafePointer<Float>?, aRowStride: Int, aColumnStride: Int
  let b: UnsafePointer<Float>?, bRowStride: Int, bColumnStride: Int
  let c: UnsafeMutablePointer<Float>?
  let accumulate: Bool

  /// The operands of one product; the pointers must stay valid until `run` returns.
  public init(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>?, aRowStride: Int, aColumnStride: Int,
    b: UnsafePointer<Float>?, bRowStride: Int, bColumnStride: Int,
    c: UnsafeMutablePointer<Float>?, accumulate: Bool
  ) {
    self.m = m
    self.n = n
    self.k = k
    self.a = a
    self.aRowStride = aRowStride
    self.aColumnStride = aColumnStride
    self.b = b
    self.bRowStride = bRowStride
    self.bColumnStride = bColumnStride
    self.c = c
    self.accumulate = accumulate
  }

  /// Computes the product with subnormal numbers flushed to zero. `threads` is how many
  /// cores may share the work: `nil` decides by size (`parallelProductThreshold`), `1`
  /// forces one core.
  public func run(threads: Int? = nil) {
    let cores = threads ?? (m * n * k >= parallelProductThreshold ? activeProcessorCount : 1)
    withSubnormalsFlushed { run(cores: max(1, cores)) }
  }

  func run(cores: Int) {
    guard m > 0, n > 0, let c else { return }
    guard k > 0, let a, let b else {
      if !accumulate { c.update(repeating: 0, count: m * n) }
      return
    }
    // A unit of work: one block of rows times one 16-column strip, over all of k. Units
    // share nothing they write, so any thread may take any unit.
    let rows = rowsPerUnit(strips: StripPlan.stripCount(n), cores: cores)
    let rowBlocks = (m + rows - 1) / rows
    // With one block of rows, each strip has one unit, which packs its own strip if it
    // needs packing: the copy then runs in parallel with the other units instead of
    // before all of them (the wrap strip of the batch-32 forward product is 784 rows).
    let strips = StripPlan(self, b, packInUnits: rowBlocks == 1)
    defer { strips.deallocate() }
    let job = ProductJob(a: a, b: b, c: c, strips: strips.strips, rowsPerUnit: rows)
    let units = rowBlocks * strips.strips.count
    if cores > 1 && units > 1 {
      WorkerPool.shared.run(units: units) { unit in multiplyUnit(unit, job) }
    } else {
      for unit in 0..<units { multiplyUnit(unit, job) }
    }
  }

  /// Rows of C per unit: as many blocks as `rowBlock` needs, all of one size (128 rows
  /// are 64 + 64, not 96 + 32, which left one core short of work at the end: batch-128
  /// epochs, 12 each alternating in one process, medians 0.220–0.229 → 0.219–0.221 s).
  /// Smaller still when that leaves the cores fewer than four units each: an output
  /// layer's 10 columns are one strip, so 128 rows in two blocks were two units and one
  /// core waited for the other most of the time.
  func rowsPerUnit(strips: Int, cores: Int) -> Int {
    let blocks = (m + rowBlock - 1) / rowBlock
    var rows = (m + blocks - 1) / blocks
    while cores > 1 && rows > tileRows && (m + rows - 1) / rows * strips < 4 * cores {
      rows -= tileRows
    }
    return rows
  }

  /// One unit: `job.rowsPerUnit` rows of C (96 at most) times one 16-column strip, k block
  /// by k block, so the strip's k block (≤ 16 KB) stays in L1 while every tile of the block
  /// uses it.
  func multiplyUnit(_ unit: Int, _ job: ProductJob) {
    let firstRow = (unit / job.strips.count) * job.rowsPerUnit
    let strip = job.strips[unit % job.strips.count]
    if let lanes = strip.packInUnit {
      pack(job.b, lanes, into: UnsafeMutablePointer(mutating: strip.b))
    }
    let rows = min(job.rowsPerUnit, m - firstRow)
    let a = job.a + firstRow * aRowStride
    let c = job.c + firstRow * n
    // k blocks of equal length (784 = 4 × 196, not 3 × 256 + 16): a short last block
    // would pay the kernel's start and store for little work.
    let kBlocks = (k + kBlock - 1) / kBlock
    let blockDepth = (k + kBlocks - 1) / kBlocks
    if kBlocks == 1 {  // each element of C is written once anyway: no scratch needed
      multiplyBlock(rows, 0, k, a, strip, into: c, rowStride: n, strip.lanes, accumulate)
      return
    }
    // Several k blocks: the unit adds them up in its own scratch, aligned and at most
    // 96 × 16 floats, and writes C once at the end. Adding each block's sums into C made
    // the two cores write the same cache lines: C rarely starts on a line, so the line at
    // each edge of a strip is shared with the next strip, often the other core's. Batch-32
    // forward product on two cores, measured here: 85–90 µs with the sums in C, ~50 µs.
    withUnsafeTemporaryAllocation(
      byteCount: rows * tileColumns * MemoryLayout<Float>.stride, alignment: 64
    ) { raw in
      let sums = raw.bindMemory(to: Float.self).baseAddress!
      var kStart = 0
      while kStart < k {
        let depth = min(blockDepth, k - kStart)
        multiplyBlock(
          rows, kStart, depth, a, strip, into: sums, rowStride: tileColumns, .whole, kStart > 0)
        kStart += depth
      }
      for r in 0..<rows {
        let sum = UnsafeRawPointer(sums + r * tileColumns).load(as: SIMD16<Float>.self)
        strip.lanes.store(sum, toRow: c + r * n, accumulate: accumulate)
      }
    }
  }

  /// `rows` rows of A (from `a`) times one strip of B over k in kStart ..< kStart + depth,
  /// tile by tile, into `out` (row r at `out + r * rowStride`, lanes placed by `lanes`).
  @inline(__always)
  func multiplyBlock(
    _ rows: Int, _ kStart: Int, _ depth: Int, _ a: UnsafePointer<Float>, _ strip: Strip,
    into out: UnsafeMutablePointer<Float>, rowStride: Int, _ lanes: Lanes, _ add: Bool
  ) {
    let b = strip.b + kStart * strip.rowStride
    var row = 0
    while row < rows {
      let height = tileHeight(remaining: rows - row)
      let a = a + row * aRowStride + kStart * aColumnStride
      let (s, c, rs) = (aColumnStride, out + row * rowStride, rowStride)
      let bs = strip.rowStride
      // One call per tile height, each with a constant `rows`: the compiler builds a
      // kernel per height that keeps only the sums it needs.
      switch height {
      case 6: microKernel(rows: 6, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      case 5: microKernel(rows: 5, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      case 4: microKernel(rows: 4, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      case 3: microKernel(rows: 3, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      case 2: microKernel(rows: 2, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      default: microKernel(rows: 1, depth, a, aRowStride, s, b, bs, c, rs, lanes, add)
      }
      row += height
    }
  }
}

/// The height of the next tile when `remaining` rows are left in a block: 6, except that
/// 7 or 8 rows left become 4 + 3 or 4 + 4 rather than 6 + 1 or 6 + 2. A short tile does
/// less work but not proportionally less (its few sums wait on each other's latency), so
/// 32 rows as 6 + 6 + 6 + 6 + 4 + 4 take less time than 6 + 6 + 6 + 6 + 6 + 2.
@inline(__always)
func tileHeight(remaining: Int) -> Int {
  remaining == 7 || remaining == 8 ? 4 : min(tileRows, remaining)
}

/// The micro-kernel: a tile of `rows` (1…6, a constant at each call) × 16 columns of C
/// (+)= the tile's rows of A · a strip of B, over `depth` steps of k. The sums live in
/// registers for the whole loop; this is where nearly all the time goes.
///
/// A is read in place: row r of the tile at `a + r * aRowStride`, moving `aStep` per k
/// step (1 for A, the row count for Aᵀ). B's strip row p is at `b + p * bStep`. Row r of
/// the result goes to `c + r * cRowStride`, its 16 lanes placed by `lanes`.
@inline(__always)
func microKernel(
  rows: Int, _ depth: Int, _ a: UnsafePointer<Float>, _ aRowStride: Int, _ aStep: Int,
  _ b: UnsafePointer<Float>, _ bStep: Int, _ c: UnsafeMutablePointer<Float>,
  _ cRowStride: Int, _ lanes: Lanes, _ accumulate: Bool
) {
  // Rows past `rows` alias the last one; with `rows` a constant the compiler drops their
  // sums altogether.
  let a0 = a
  let a1 = a + min(1, rows - 1) * aRowStride
  let a2 = a + min(2, rows - 1) * aRowStride
  let a3 = a + min(3, rows - 1) * aRowStride
  let a4 = a + min(4, rows - 1) * aRowStride
  let a5 = a + min(5, rows - 1) * aRowStride
  var sum0 = SIMD16<Float>()
  var sum1 = SIMD16<Float>()
  var sum2 = SIMD16<Float>()
  var sum3 = SIMD16<Float>()
  var sum4 = SIMD16<Float>()
  var sum5 = SIMD16<Float>()
  var aOffset = 0
  var bPointer = UnsafeRawPointer(b)
  let bByteStep = bStep &* MemoryLayout<Float>.stride
  for _ in 0..<depth {
    let bVector = bPointer.loadUnaligned(as: SIMD16<Float>.self)
    sum0.addProduct(SIMD16(repeating: a0[aOffset]), bVector)
    if rows > 1 { sum1.addProduct(SIMD16(repeating: a1[aOffset]), bVector) }
    if rows > 2 { sum2.addProduct(SIMD16(repeating: a2[aOffset]), bVector) }
    if rows > 3 { sum3.addProduct(SIMD16(repeating: a3[aOffset]), bVector) }
    if rows > 4 { sum4.addProduct(SIMD16(repeating: a4[aOffset]), bVector) }
    if rows > 5 { sum5.addProduct(SIMD16(repeating: a5[aOffset]), bVector) }
    aOffset &+= aStep
    bPointer += bByteStep
  }
  lanes.store(sum0, toRow: c, accumulate: accumulate)
  if rows > 1 { lanes.store(sum1, toRow: c + cRowStride, accumulate: accumulate) }
  if rows > 2 { lanes.store(sum2, toRow: c + 2 * cRowStride, accumulate: accumulate) }
  if rows > 3 { lanes.store(sum3, toRow: c + 3 * cRowStride, accumulate: accumulate) }
  if rows > 4 { lanes.store(sum4, toRow: c + 4 * cRowStride, accumulate: accumulate) }
  if rows > 5 { lanes.store(sum5, toRow: c + 5 * cRowStride, accumulate: accumulate) }
}

/// One 16-column strip of B as the kernel reads it, and where its lanes go in C.
struct Strip {
  /// Row 0 of the strip; row p is at `b + p * rowStride`.
  let b: UnsafePointer<Float>
  /// n when read in place, 16 when packed.
  let rowStride: Int
  /// The columns of C the strip's 16 lanes belong to.
  let lanes: Lanes
  /// For a packed strip whose unit packs it: the columns of B to copy to `b`.
  var packInUnit: Lanes? = nil
}

/// The columns of a row of C that a tile's 16 lanes belong to: lanes [0, firstWidth) are
/// columns firstColumn…, the next secondWidth lanes columns secondColumn… (only the wrap
/// strip, see `StripPlan`, has a second part).
struct Lanes {
  let firstColumn: Int
  let firstWidth: Int
  let secondColumn: Int
  let secondWidth: Int

  /// `count` lanes (16 unless at C's ragged edge), in order, from column `column`.
  static func columns(from column: Int, count: Int = tileColumns) -> Lanes {
    Lanes(firstColumn: column, firstWidth: count, secondColumn: 0, secondWidth: 0)
  }

  /// All 16 lanes from column 0: a unit's scratch rows.
  static let whole = columns(from: 0)

  /// Writes (or adds) one row of a tile into the C row starting at `row`.
  @inline(__always)
  func store(_ sum: SIMD16<Float>, toRow row: UnsafeMutablePointer<Float>, accumulate: Bool) {
    if firstWidth == tileColumns {
      let raw = UnsafeMutableRawPointer(row + firstColumn)
      if accumulate {
        raw.storeBytes(
          of: raw.loadUnaligned(as: SIMD16<Float>.self) + sum, as: SIMD16<Float>.self)
      } else {
        raw.storeBytes(of: sum, as: SIMD16<Float>.self)
      }
      return
    }
    withUnsafeBytes(of: sum) { lanes in
      let lanes = lanes.assumingMemoryBound(to: Float.self)
      for j in 0..<firstWidth {
        row[firstColumn + j] = accumulate ? row[firstColumn + j] + lanes[j] : lanes[j]
      }
      for j in 0..<secondWidth {
        let lane = lanes[firstWidth + j]
        row[secondColumn + j] = accumulate ? row[secondColumn + j] + lane : lane
      }
    }
  }
}

/// How B is cut into the strips the kernel reads, and the packed copies some need.
///
/// B already in the kernel's layout (row-major, whole 16-column strips, at most
/// `inPlaceBLimit`) is read in place: packing it would copy all of W on every call, as
/// much memory traffic as the product itself for a batch of 32. Each in-place strip starts
/// on a 64-byte cache-line boundary, because a strip that straddles two lines cost a fifth
/// of the product's speed (lesson 08's 784 × 128 B on one core: 84–89 GFLOP/s aligned,
/// 62–74 not). A Swift array starts wherever the allocator puts it, so the few columns
/// before B's first boundary and the rest of its last strip are packed together into one
/// "wrap" strip: for n = 128 that is one strip of eight, copied.
///
/// Everything else (Bᵀ for dX = dY·Wᵀ, the 10-column output layer, a large square B) is
/// packed: copied into zero-padded 16-column strips.
struct StripPlan {
  var strips: [Strip] = []
  private var buffer: UnsafeMutableRawPointer?

  /// With `packInUnits`, strips that need a copy get only their memory here; the unit
  /// that reads the strip fills it (`Strip.packInUnit`). Only for one unit per strip.
  init(_ operands: ProductOperands, _ b: UnsafePointer<Float>, packInUnits: Bool = false) {
    let (n, k) = (operands.n, operands.k)
    var toPack: [Lanes] = []  // the strips to copy, by the columns of B they hold
    if operands.bColumnStride == 1 && n % tileColumns == 0 && k * n <= inPlaceBLimit {
      let shift = columnsBeforeCacheLine(b)
      for column in stride(from: shift, through: n - tileColumns, by: tileColumns) {
        strips.append(
          Strip(b: b + column, rowStride: operands.bRowStride, lanes: .columns(from: column)))
      }
      if shift > 0 {
        toPack.append(
          Lanes(
            firstColumn: 0, firstWidth: shift, secondColumn: n - tileColumns + shift,
            secondWidth: tileColumns - shift))
      }
    } else {
      for column in stride(from: 0, to: n, by: tileColumns) {
        toPack.append(.columns(from: column, count: min(tileColumns, n - column)))
      }
    }
    guard !toPack.isEmpty else { return }
    let stripFloats = k * tileColumns
    let buffer = UnsafeMutableRawPointer.allocate(
      byteCount: toPack.count * stripFloats * MemoryLayout<Float>.stride, alignment: 64)
    self.buffer = buffer
    let packed = buffer.bindMemory(to: Float.self, capacity: toPack.count * stripFloats)
    for (index, lanes) in toPack.enumerated() {
      let destination = packed + index * stripFloats
      if !packInUnits { operands.pack(b, lanes, into: destination) }
      strips.append(
        Strip(
          b: destination, rowStride: tileColumns, lanes: lanes,
          packInUnit: packInUnits ? lanes : nil))
    }
  }

  func deallocate() { buffer?.deallocate() }

  /// How many strips a product with n columns has: one per 16 columns, the last one
  /// partial (packed), or the wrap strip in place of the first and last partial ones.
  static func stripCount(_ n: Int) -> Int { (n + tileColumns - 1) / tileColumns }
}

extension ProductOperands {
  /// Copies the columns of B that `lanes` names into one strip: for each p, 16 values next
  /// to each other, zero where no column of B belongs.
  func pack(
    _ b: UnsafePointer<Float>, _ lanes: Lanes, into destination: UnsafeMutablePointer<Float>
  ) {
    if lanes.secondWidth > 0 {  // only the wrap strip, and only for B read in place
      packWrapStrip(b, firstWidth: lanes.firstWidth, into: destination)
      return
    }
    let (column, width) = (lanes.firstColumn, lanes.firstWidth)
    if bColumnStride == 1 {
      // Each row as one 16-float load with the lanes past `width` zeroed: copying the
      // 10 columns of an output layer's W row by row called `memcpy` k times. The load
      // may read into the next row of B, never past B's last element; rows too close to
      // the end take the slow path.
      let keep = laneIndices .< Int32(width)
      let lastAfter = (k - 1) * bRowStride + n  // one past B's last element
      var p = 0
      while p < k && p * bRowStride + column + tileColumns <= lastAfter {
        let row = UnsafeRawPointer(b + p * bRowStride + column).loadUnaligned(
          as: SIMD16<Float>.self)
        UnsafeMutableRawPointer(destination + p * tileColumns).storeBytes(
          of: SIMD16<Float>().replacing(with: row, where: keep), as: SIMD16<Float>.self)
        p += 1
      }
      for p in p..<k {
        (destination + p * tileColumns).update(repeating: 0, count: tileColumns)
        (destination + p * tileColumns).update(from: b + p * bRowStride + column, count: width)
      }
    } else {
      if width < tileColumns { destination.update(repeating: 0, count: k * tileColumns) }
      for j in 0..<width {
        let source = b + (column + j) * bColumnStride
        for p in 0..<k { destination[p * tileColumns + j] = source[p * bRowStride] }
      }
    }
  }

  /// The wrap strip of row-major B: lane j holds column j for j < `firstWidth`, else
  /// column n − 16 + j. Each row is two 16-float loads (its first and its last 16
  /// columns) and a blend: copying the two short runs one row at a time called `memcpy`
  /// 2k times, which cost more than the alignment saved.
  func packWrapStrip(
    _ b: UnsafePointer<Float>, firstWidth: Int, into destination: UnsafeMutablePointer<Float>
  ) {
    let fromFirst = laneIndices .< Int32(firstWidth)
    for p in 0..<k {
      let row = UnsafeRawPointer(b + p * bRowStride)
      let first = row.loadUnaligned(as: SIMD16<Float>.self)
      let last = row.loadUnaligned(
        fromByteOffset: (n - tileColumns) * MemoryLayout<Float>.stride, as: SIMD16<Float>.self)
      UnsafeMutableRawPointer(destination + p * tileColumns).storeBytes(
        of: last.replacing(with: first, where: fromFirst), as: SIMD16<Float>.self)
    }
  }
}

/// 0, 1, …, 15: the lane numbers of a strip row, for masks.
let laneIndices = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

/// How many floats past `pointer` the next 64-byte cache line starts (0 when it starts
/// there, or when the address is not a whole number of floats).
func columnsBeforeCacheLine(_ pointer: UnsafeRawPointer) -> Int {
  let misalignment = Int(bitPattern: pointer) % 64
  return misalignment % 4 == 0 ? (64 - misalignment) % 64 / 4 : 0
}

/// One product as every thread sees it: A and B are only read; each unit writes its own
/// part of C.
struct ProductJob: @unchecked Sendable {
  let a: UnsafePointer<Float>
  /// B itself, for units that pack their own strip.
  let b: UnsafePointer<Float>
  let c: UnsafeMutablePointer<Float>
  let strips: [Strip]
  /// Rows of C per unit (`ProductOperands.rowsPerUnit`).
  let rowsPerUnit: Int
}
