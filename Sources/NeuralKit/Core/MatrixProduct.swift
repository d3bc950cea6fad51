// The matrix product: the one place in NeuralKit where speed leads readability.
//
// Almost all of a dense network's training time is spent in three products per layer:
// Y = X·W (forward), dW = Xᵀ·dY and dX = dY·Wᵀ (backward). The readable triple loop
// (`Matrix.naiveProduct`, below) computes the same numbers, just 50–100× slower. The fast
// version follows the structure of BLIS/GotoBLAS, in four ideas (lesson 08 builds them
// one at a time):
//
// 1. Micro-kernel. C is cut into tiles of 6 rows × 16 columns. One tile's 96 running sums
//    stay in registers (six `SIMD16<Float>`, i.e. twelve 256-bit registers on AVX2, six on
//    AVX-512, 24 on NEON) for the whole k loop; each step loads 16 numbers of B, broadcasts
//    one number of A per row and does `sum += a * b` as one fused multiply-add
//    (`addProduct`, one instruction with FMA hardware). 96 multiply-adds per 22 loads.
// 2. Memory in kernel order. The kernel reads A where it lies: six rows at once, one
//    number each per step, and Aᵀ (for dW = Xᵀ·dY) just as well, through strides. B is
//    read in place when it is row-major with whole 16-column strips and at most 512 KB;
//    otherwise (Bᵀ for dX = dY·Wᵀ, the 10-column output layer, a large square B) it is
//    first copied ("packed") into zero-padded 16-column strips. Copying A as BLIS does was measured slower here: for
//    the 784-128-10 shapes the copy cost a fifth of the product.
// 3. Cache blocking. k is cut into equal blocks of at most 256 and rows into blocks of
//    96, so a strip of B (≤ 256 × 16 floats, 16 KB) stays in L1 while all the block's
//    tiles use it.
// 4. Threads, only where they pay. C is cut into units (96 rows × 16 columns, all of k)
//    that any core can compute. Handing units to another core through Dispatch costs
//    ~40–50 µs here, about half a batch-32 product, so `WorkerPool` keeps a worker ready
//    (about a microsecond to start) and steps back to one core when the machine is busy.
//    Products under `parallelProductThreshold` multiply-adds stay on one core.
//
// Results equal the naive triple loop up to rounding: sums run in a different order
// (per k block), so low bits may differ; the tests bound the difference. They do not
// depend on the number of threads: every element is summed by one unit in one order.

import Dispatch
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
/// 2^20 multiply-adds take ~10 µs on one core here, several times the cost of handing
/// work to a ready worker (`WorkerPool`).
public let parallelProductThreshold = 1 << 20

extension Matrix {
  /// The matrix product A·B.
  ///
  ///     (m × k) · (k × n) → (m × n),   C[i][j] = Σₚ A[i][p] · B[p][j]
  ///
  ///     Matrix([[1, 2]]).multiplied(by: Matrix([[3], [4]]))   // [[11]]
  public func multiplied(by other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: rows, columns: other.columns)
    Matrix.multiply(self, other, into: &result)
    return result
  }

  /// Aᵀ·B without building Aᵀ: the weight gradient `dW = Xᵀ · dY`.
  ///
  ///     (k × m)ᵀ · (k × n) → (m × n)
  public func transposedMultiplied(by other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: columns, columns: other.columns)
    Matrix.multiply(self, transposingFirst: true, other, into: &result)
    return result
  }

  /// A·Bᵀ without building Bᵀ: the input gradient `dX = dY · Wᵀ`.
  ///
  ///     (m × k) · (n × k)ᵀ → (m × n)
  public func multiplied(byTransposed other: Matrix) -> Matrix {
    var result = Matrix(uninitializedRows: rows, columns: other.rows)
    Matrix.multiply(self, other, transposingSecond: true, into: &result)
    return result
  }

  /// The general product into an existing matrix: `C = op(A)·op(B)`, or
  /// `C += op(A)·op(B)` when `accumulating`. `op` transposes when asked.
  ///
  /// - Parameter threads: how many cores may share the work; `nil` decides by size
  ///   (`parallelProductThreshold`), `1` forces one core.
  public static func multiply(
    _ a: Matrix, transposingFirst transposeA: Bool = false,
    _ b: Matrix, transposingSecond transposeB: Bool = false,
    into c: inout Matrix, accumulating: Bool = false, threads: Int? = nil
  ) {
    let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kB, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    let shapeA = transposeA ? "\(a.shapeDescription)ᵀ" : a.shapeDescription
    let shapeB = transposeB ? "\(b.shapeDescription)ᵀ" : b.shapeDescription
    require(
      k == kB, "Matrix.product: \(shapeA) · \(shapeB): inner sizes \(k) and \(kB) differ")
    require(
      c.rows == m && c.columns == n,
      "Matrix.product: \(shapeA) · \(shapeB) gives (\(m) × \(n)), not \(c.shapeDescription)")
    let work = m * n * k
    let cores = threads ?? (work >= parallelProductThreshold ? activeProcessorCount : 1)
    a.values.withUnsafeBufferPointer { aBuffer in
      b.values.withUnsafeBufferPointer { bBuffer in
        c.values.withUnsafeMutableBufferPointer { cBuffer in
          let operands = ProductOperands(
            m: m, n: n, k: k,
            a: aBuffer.baseAddress, aRowStride: transposeA ? 1 : k,
            aColumnStride: transposeA ? m : 1,
            b: bBuffer.baseAddress, bRowStride: transposeB ? 1 : n,
            bColumnStride: transposeB ? k : 1,
            c: cBuffer.baseAddress, accumulate: accumulating)
          operands.run(cores: max(1, cores))
        }
      }
    }
  }

  /// The textbook triple loop, kept as the reference the fast product is tested
  /// against and as the first rung of lesson 08.
  ///
  ///     for i, for j: C[i][j] = Σₚ A[i][p] · B[p][j]
  public static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    require(
      a.columns == b.rows,
      "Matrix.naiveProduct: \(a.shapeDescription) · \(b.shapeDescription): inner sizes differ")
    var c = Matrix(rows: a.rows, columns: b.columns)
    for i in 0..<a.rows {
      for j in 0..<b.columns {
        var sum: Float = 0
        for p in 0..<a.columns { sum += a[i, p] * b[p, j] }
        c[i, j] = sum
      }
    }
    return c
  }
}

/// The number of cores this process may use.
let activeProcessorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// One product's operands as raw pointers and strides: element (i, p) of op(A) is
/// `a[i * aRowStride + p * aColumnStride]`, so a transpose is just swapped strides.
struct ProductOperands: @unchecked Sendable {
  let m: Int, n: Int, k: Int
  let a: UnsafePointer<Float>?, aRowStride: Int, aColumnStride: Int
  let b: UnsafePointer<Float>?, bRowStride: Int, bColumnStride: Int
  let c: UnsafeMutablePointer<Float>?
  let accumulate: Bool

  func run(cores: Int) {
    guard m > 0, n > 0, let c else { return }
    guard k > 0, let a, let b else {
      if !accumulate { c.update(repeating: 0, count: m * n) }
      return
    }
    // B already in the kernel's layout (row-major, whole 16-column strips) is read in
    // place, 16 floats per row at a stride of n: packing it would copy all of W on every
    // call, as much memory traffic as the product itself for a batch of 32. Past
    // `inPlaceBLimit` the strides cost more than the copy.
    let strips = (n + tileColumns - 1) / tileColumns
    let packedB: UnsafeMutableRawPointer?
    let layout: StripLayout
    if bColumnStride == 1 && n % tileColumns == 0 && k * n <= inPlaceBLimit {
      packedB = nil
      layout = StripLayout(base: b, rowStride: bRowStride, stripStride: tileColumns)
    } else {
      let buffer = UnsafeMutableRawPointer.allocate(
        byteCount: k * strips * tileColumns * MemoryLayout<Float>.stride, alignment: 64)
      let packed = buffer.assumingMemoryBound(to: Float.self)
      packB(b, into: packed)
      packedB = buffer
      layout = StripLayout(base: packed, rowStride: tileColumns, stripStride: k * tileColumns)
    }
    defer { packedB?.deallocate() }
    // A unit of work: one block of rows times one 16-column strip, over all of k. Units
    // share nothing they write, so any thread may take any unit.
    let rowBlocks = (m + rowBlock - 1) / rowBlock
    let job = ProductJob(a: a, c: c, strips: layout, stripCount: strips)
    let units = rowBlocks * strips
    if cores > 1 && units > 1 {
      WorkerPool.shared.run(units: units) { unit in multiplyUnit(unit, job) }
    } else {
      for unit in 0..<units { multiplyUnit(unit, job) }
    }
  }

  /// Packs all of B into 16-column strips, zero-padded: strip s holds, for each p, the
  /// 16 values B[p][16s…16s+15] next to each other. Used when B is transposed
  /// (dX = dY·Wᵀ) or n is not a multiple of 16 (the 10-class layer); both are small.
  func packB(_ b: UnsafePointer<Float>, into packed: UnsafeMutablePointer<Float>) {
    let strips = (n + tileColumns - 1) / tileColumns
    for strip in 0..<strips {
      let destination = packed + strip * k * tileColumns
      let firstColumn = strip * tileColumns
      let width = min(tileColumns, n - firstColumn)
      if width < tileColumns { destination.update(repeating: 0, count: k * tileColumns) }
      if bColumnStride == 1 {
        for p in 0..<k {
          let source = b + p * bRowStride + firstColumn
          (destination + p * tileColumns).update(from: source, count: width)
        }
      } else {
        for jj in 0..<width {
          let source = b + (firstColumn + jj) * bColumnStride
          for p in 0..<k { destination[p * tileColumns + jj] = source[p * bRowStride] }
        }
      }
    }
  }

  /// One unit: rows [96u…96u+95] of C times one 16-column strip, k block by k block, so
  /// the strip's k block (≤ 16 KB) stays in L1 while every 6-row tile of the block uses it.
  func multiplyUnit(_ unit: Int, _ job: ProductJob) {
    let firstRow = (unit / job.stripCount) * rowBlock
    let column = (unit % job.stripCount) * tileColumns
    let lastRow = min(firstRow + rowBlock, m)
    let width = min(tileColumns, n - column)
    // k blocks of equal length (784 = 4 × 196, not 3 × 256 + 16): a short last block
    // would pay the kernel's start and store for little work.
    let kBlocks = (k + kBlock - 1) / kBlock
    let blockDepth = (k + kBlocks - 1) / kBlocks
    let strip = job.strips.base + (column / tileColumns) * job.strips.stripStride
    var kStart = 0
    while kStart < k {
      let depth = min(blockDepth, k - kStart)
      var row = firstRow
      while row < lastRow {
        microKernel(
          depth: depth, a: job.a + row * aRowStride + kStart * aColumnStride,
          aRowStride: aRowStride, aStep: aColumnStride, rows: min(tileRows, lastRow - row),
          b: strip + kStart * job.strips.rowStride, bStep: job.strips.rowStride,
          c: job.c + row * n + column, cRowStride: n, columns: width,
          accumulate: accumulate || kStart > 0)
        row += tileRows
      }
      kStart += depth
    }
  }
}

/// The 6 × 16 micro-kernel: C tile (+)= A rows · B strip, over `depth` steps of k. The six
/// sums live in registers for the whole loop; this is where nearly all the time goes.
///
/// A is read in place: row r of the tile at `a + r * aRowStride`, moving `aStep` per k
/// step (1 for A, the row count for Aᵀ). A tile with fewer than 6 rows (the bottom edge)
/// reads its last row again for the missing ones and does not store them.
@inline(__always)
func microKernel(
  depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aStep: Int, rows: Int,
  b: UnsafePointer<Float>, bStep: Int,
  c: UnsafeMutablePointer<Float>, cRowStride: Int, columns: Int, accumulate: Bool
) {
  let last = rows - 1
  let a0 = a
  let a1 = a + min(1, last) * aRowStride
  let a2 = a + min(2, last) * aRowStride
  let a3 = a + min(3, last) * aRowStride
  let a4 = a + min(4, last) * aRowStride
  let a5 = a + min(5, last) * aRowStride
  var sum0 = SIMD16<Float>()
  var sum1 = SIMD16<Float>()
  var sum2 = SIMD16<Float>()
  var sum3 = SIMD16<Float>()
  var sum4 = SIMD16<Float>()
  var sum5 = SIMD16<Float>()
  var aOffset = 0
  var bPointer = UnsafeRawPointer(b)
  let bByteStep = bStep * MemoryLayout<Float>.stride
  for _ in 0..<depth {
    let bVector = bPointer.loadUnaligned(as: SIMD16<Float>.self)
    sum0.addProduct(SIMD16(repeating: a0[aOffset]), bVector)
    sum1.addProduct(SIMD16(repeating: a1[aOffset]), bVector)
    sum2.addProduct(SIMD16(repeating: a2[aOffset]), bVector)
    sum3.addProduct(SIMD16(repeating: a3[aOffset]), bVector)
    sum4.addProduct(SIMD16(repeating: a4[aOffset]), bVector)
    sum5.addProduct(SIMD16(repeating: a5[aOffset]), bVector)
    aOffset += aStep
    bPointer += bByteStep
  }
  if rows == tileRows && columns == tileColumns {
    store(sum0, to: c, accumulate: accumulate)
    store(sum1, to: c + cRowStride, accumulate: accumulate)
    store(sum2, to: c + 2 * cRowStride, accumulate: accumulate)
    store(sum3, to: c + 3 * cRowStride, accumulate: accumulate)
    store(sum4, to: c + 4 * cRowStride, accumulate: accumulate)
    store(sum5, to: c + 5 * cRowStride, accumulate: accumulate)
    return
  }
  // An edge tile: copy only the rows and columns that exist.
  for r in 0..<rows {
    let sum = r == 0 ? sum0 : r == 1 ? sum1 : r == 2 ? sum2 : r == 3 ? sum3 : r == 4 ? sum4 : sum5
    let rowPointer = c + r * cRowStride
    for j in 0..<columns {
      rowPointer[j] = accumulate ? rowPointer[j] + sum[j] : sum[j]
    }
  }
}

@inline(__always)
func store(_ sum: SIMD16<Float>, to pointer: UnsafeMutablePointer<Float>, accumulate: Bool) {
  let raw = UnsafeMutableRawPointer(pointer)
  if accumulate {
    raw.storeBytes(of: raw.loadUnaligned(as: SIMD16<Float>.self) + sum, as: SIMD16<Float>.self)
  } else {
    raw.storeBytes(of: sum, as: SIMD16<Float>.self)
  }
}

/// Where the kernel finds B's 16-column strips: strip s starts at
/// `base + s * stripStride`, and its row p at `+ p * rowStride`. Packed strips have
/// rowStride 16; B read in place has rowStride n.
struct StripLayout {
  let base: UnsafePointer<Float>
  let rowStride: Int
  let stripStride: Int

  init(base: UnsafePointer<Float>, rowStride: Int, stripStride: Int) {
    self.base = base
    self.rowStride = rowStride
    self.stripStride = stripStride
  }

  init(base: UnsafeMutablePointer<Float>, rowStride: Int, stripStride: Int) {
    self.init(base: UnsafePointer(base), rowStride: rowStride, stripStride: stripStride)
  }
}

/// One product as every thread sees it: A and B are only read; each unit writes its own
/// part of C.
struct ProductJob: @unchecked Sendable {
  let a: UnsafePointer<Float>
  let c: UnsafeMutablePointer<Float>
  let strips: StripLayout
  let stripCount: Int
}
