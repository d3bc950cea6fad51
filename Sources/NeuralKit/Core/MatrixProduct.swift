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
// 2. Packing. Before the kernel runs, a block of A is copied so that each tile's 6 rows
//    lie interleaved (a0 of rows 0…5, then a1 of rows 0…5, …) and a block of B so that
//    each 16-column strip lies contiguous. The kernel then reads memory strictly in
//    order, and the transposes (Aᵀ·B, A·Bᵀ) cost nothing extra: packing reads either
//    layout through strides.
// 3. Cache blocking. k is cut into blocks of 256 and rows of A into blocks of 96, so a
//    packed strip of B (256 × 16 floats, 16 KB) stays in L1 and a packed block of A
//    (96 × 256, 96 KB) in L2 while it is reused.
// 4. Threads, only for large products. Handing work to another core costs ~40–50 µs here
//    (`DispatchQueue.concurrentPerform`), more than a whole 32 × 784 × 128 product on one
//    core, so a product is split across cores only when it has enough work to repay that.
//    Work is handed out in many small row blocks so a core busy with another program
//    slows the product instead of stalling it.
//
// Results equal the naive triple loop up to rounding: sums run in a different order
// (per 256-long k block), so low bits may differ; the tests bound the difference.

import Dispatch
import Foundation

/// Rows of C per micro-kernel tile.
@usableFromInline let tileRows = 6
/// Columns of C per micro-kernel tile: one `SIMD16<Float>`.
@usableFromInline let tileColumns = 16
/// Length of a k block: a packed 256 × 16 strip of B is 16 KB, it stays in L1.
@usableFromInline let kBlock = 256
/// Rows of A per packed block (a multiple of `tileRows`): 96 × 256 floats, 96 KB, in L2.
@usableFromInline let rowBlock = 96
/// Products with fewer multiply-adds than this run on one core (see idea 4 above):
/// 2^23 multiply-adds take ~100 µs on one core here, twice the cost of handing work out.
public let parallelProductThreshold = 1 << 23

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
    precondition(
      k == kB, "Matrix.product: \(shapeA) · \(shapeB): inner sizes \(k) and \(kB) differ")
    precondition(
      c.rows == m && c.columns == n,
      "Matrix.product: \(shapeA) · \(shapeB) gives (\(m) × \(n)), not \(c.shapeDescription)")
    let work = m * n * k
    let cores = threads ?? (work >= parallelProductThreshold ? activeProcessorCount : 1)
    a.values.withUnsafeBufferPointer { aBuffer in
      b.values.withUnsafeBufferPointer { bBuffer in
        c.values.withUnsafeMutableBufferPointer { cBuffer in
          let operands = ProductOperands(
            m: m, n: n, k: k,
            a: aBuffer.baseAddress, aRowStride: transposeA ? 1 : k, aColumnStride: transposeA ? m : 1,
            b: bBuffer.baseAddress, bRowStride: transposeB ? 1 : n, bColumnStride: transposeB ? k : 1,
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
    precondition(
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
    let paddedColumns = (n + tileColumns - 1) / tileColumns * tileColumns
    let packedB = UnsafeMutablePointer<Float>.allocate(capacity: kBlock * paddedColumns)
    defer { packedB.deallocate() }
    let rowBlocks = (m + rowBlock - 1) / rowBlock
    var kStart = 0
    while kStart < k {
      let depth = min(kBlock, k - kStart)
      packB(b, kStart: kStart, depth: depth, into: packedB)
      let accumulateHere = accumulate || kStart > 0
      if cores > 1 && rowBlocks > 1 {
        let job = RowBlockJob(a: a, packedB: packedB, c: c, kStart: kStart)
        DispatchQueue.concurrentPerform(iterations: rowBlocks) { block in
          multiplyRowBlock(
            block, a: job.a, kStart: job.kStart, depth: depth, packedB: job.packedB, c: job.c,
            accumulate: accumulateHere)
        }
      } else {
        for block in 0..<rowBlocks {
          multiplyRowBlock(
            block, a: a, kStart: kStart, depth: depth, packedB: packedB, c: c,
            accumulate: accumulateHere)
        }
      }
      kStart += depth
    }
  }

  /// Packs B[kStart..<kStart+depth, 0..<n] into 16-column strips, zero-padded: strip s
  /// holds, for each p, the 16 values B[p][16s…16s+15] next to each other.
  func packB(
    _ b: UnsafePointer<Float>, kStart: Int, depth: Int, into packed: UnsafeMutablePointer<Float>
  ) {
    let strips = (n + tileColumns - 1) / tileColumns
    for strip in 0..<strips {
      let destination = packed + strip * depth * tileColumns
      let firstColumn = strip * tileColumns
      let width = min(tileColumns, n - firstColumn)
      if bColumnStride == 1 {
        for p in 0..<depth {
          let source = b + (kStart + p) * bRowStride + firstColumn
          let row = destination + p * tileColumns
          row.update(from: source, count: width)
          if width < tileColumns { (row + width).update(repeating: 0, count: tileColumns - width) }
        }
      } else {
        if width < tileColumns { destination.update(repeating: 0, count: depth * tileColumns) }
        for jj in 0..<width {
          let source = b + (firstColumn + jj) * bColumnStride + kStart * bRowStride
          for p in 0..<depth { destination[p * tileColumns + jj] = source[p * bRowStride] }
        }
      }
    }
  }

  /// Packs rows [firstRow, firstRow+height) of A's k block into 6-row panels, zero-padded:
  /// panel t holds, for each p, A[6t…6t+5][p] next to each other.
  func packA(
    _ a: UnsafePointer<Float>, firstRow: Int, height: Int, kStart: Int, depth: Int,
    into packed: UnsafeMutablePointer<Float>
  ) {
    let panels = (height + tileRows - 1) / tileRows
    for panel in 0..<panels {
      let destination = packed + panel * depth * tileRows
      let panelRow = firstRow + panel * tileRows
      let panelHeight = min(tileRows, firstRow + height - panelRow)
      if panelHeight < tileRows { destination.update(repeating: 0, count: depth * tileRows) }
      if aColumnStride == 1 {
        for ii in 0..<panelHeight {
          let source = a + (panelRow + ii) * aRowStride + kStart
          for p in 0..<depth { destination[p * tileRows + ii] = source[p] }
        }
      } else {
        for p in 0..<depth {
          let source = a + (kStart + p) * aColumnStride + panelRow * aRowStride
          for ii in 0..<panelHeight { destination[p * tileRows + ii] = source[ii * aRowStride] }
        }
      }
    }
  }

  /// Packs one block of A's rows and runs the micro-kernel over every tile in it.
  func multiplyRowBlock(
    _ block: Int, a: UnsafePointer<Float>, kStart: Int, depth: Int,
    packedB: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    let firstRow = block * rowBlock
    let height = min(rowBlock, m - firstRow)
    withUnsafeTemporaryAllocation(of: Float.self, capacity: rowBlock * kBlock) { buffer in
      let packedA = buffer.baseAddress!
      packA(a, firstRow: firstRow, height: height, kStart: kStart, depth: depth, into: packedA)
      var column = 0
      while column < n {
        let strip = packedB + (column / tileColumns) * depth * tileColumns
        let width = min(tileColumns, n - column)
        var row = 0
        while row < height {
          microKernel(
            depth: depth, packedA: packedA + (row / tileRows) * depth * tileRows,
            packedB: strip, c: c + (firstRow + row) * n + column, rowStride: n,
            rows: min(tileRows, height - row), columns: width, accumulate: accumulate)
          row += tileRows
        }
        column += tileColumns
      }
    }
  }
}

/// The 6 × 16 micro-kernel: C tile (+)= packed A panel · packed B strip. The six sums live
/// in registers for the whole k loop; this is where nearly all the time goes.
@inline(__always)
func microKernel(
  depth: Int, packedA: UnsafePointer<Float>, packedB: UnsafePointer<Float>,
  c: UnsafeMutablePointer<Float>, rowStride: Int, rows: Int, columns: Int, accumulate: Bool
) {
  var sum0 = SIMD16<Float>()
  var sum1 = SIMD16<Float>()
  var sum2 = SIMD16<Float>()
  var sum3 = SIMD16<Float>()
  var sum4 = SIMD16<Float>()
  var sum5 = SIMD16<Float>()
  var aPointer = packedA
  var bPointer = UnsafeRawPointer(packedB)
  for _ in 0..<depth {
    let bVector = bPointer.loadUnaligned(as: SIMD16<Float>.self)
    sum0.addProduct(SIMD16(repeating: aPointer[0]), bVector)
    sum1.addProduct(SIMD16(repeating: aPointer[1]), bVector)
    sum2.addProduct(SIMD16(repeating: aPointer[2]), bVector)
    sum3.addProduct(SIMD16(repeating: aPointer[3]), bVector)
    sum4.addProduct(SIMD16(repeating: aPointer[4]), bVector)
    sum5.addProduct(SIMD16(repeating: aPointer[5]), bVector)
    aPointer += tileRows
    bPointer += tileColumns * MemoryLayout<Float>.stride
  }
  if rows == tileRows && columns == tileColumns {
    store(sum0, to: c, accumulate: accumulate)
    store(sum1, to: c + rowStride, accumulate: accumulate)
    store(sum2, to: c + 2 * rowStride, accumulate: accumulate)
    store(sum3, to: c + 3 * rowStride, accumulate: accumulate)
    store(sum4, to: c + 4 * rowStride, accumulate: accumulate)
    store(sum5, to: c + 5 * rowStride, accumulate: accumulate)
    return
  }
  // An edge tile: copy only the rows and columns that exist.
  let sums = [sum0, sum1, sum2, sum3, sum4, sum5]
  for r in 0..<rows {
    let rowPointer = c + r * rowStride
    for j in 0..<columns {
      rowPointer[j] = accumulate ? rowPointer[j] + sums[r][j] : sums[r][j]
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

/// What every thread of a parallel product shares: A and the packed B are only read, and
/// each thread writes its own rows of C.
struct RowBlockJob: @unchecked Sendable {
  let a: UnsafePointer<Float>
  let packedB: UnsafeMutablePointer<Float>
  let c: UnsafeMutablePointer<Float>
  let kStart: Int
}
