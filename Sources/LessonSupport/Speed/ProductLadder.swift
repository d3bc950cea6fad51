// The product ladder of lesson 08: the same C = A·B written five times, each rung one
// idea faster than the one before, so the lesson can measure what each idea buys. The
// sixth rung is the engine's own `Matrix.multiply` (Sources/Kernels/Product.swift), which
// combines them all and adds a thread pool that a busy machine cannot stall.
//
// 1. `tripleLoop`      the textbook loop on nested arrays: C[i][j] = Σₚ A[i][p]·B[p][j].
// 2. `loopOrder`       the same sums in the order i, p, j over raw buffers: the inner loop
//                      runs along a row of B and of C, so the compiler vectorises it.
// 3. `registerTiles`   4 × 16 tiles of C held in SIMD registers for all of k, reading A
//                      and B where they lie.
// 4. `packedBlocks`    the same kernel on B copied into 16-column strips, k cut into
//                      blocks of ≤ 256 so a strip's block stays in L1.
// 5. `dispatchThreads` rung 4's independent units spread over the cores with
//                      `DispatchQueue.concurrentPerform`: worth it only when a unit of work
//                      is much longer than the ~tens of µs Dispatch takes to hand it over.
//
// Every rung gives the triple loop's numbers up to rounding (sums run in another order);
// Tests/NeuralKitTests/Speed/ProductLadderTests.swift bounds the difference.

import Dispatch
import Kernels
import NeuralKit

/// The five rungs of lesson 08, from the textbook triple loop to threads. Each is a
/// complete, correct product for any shapes; the engine's `Matrix.multiply` is the rung
/// above them.
///
///     let a = Matrix([[1, 2], [3, 4]]), b = Matrix([[5, 6], [7, 8]])
///     ProductLadder.loopOrder(a, b)   // [[19, 22], [43, 50]], like a.multiplied(by: b)
public enum ProductLadder {
  /// Rows of C in one register tile of rungs 3–5.
  public static let tileRows = 4
  /// Columns of C in one register tile: one `SIMD16<Float>`.
  public static let tileColumns = 16
  /// Longest k block of rungs 4–5: a packed 256 × 16 strip is 16 KB, half of L1.
  public static let kBlock = 256
  /// Rows of C in one unit of work of rungs 4–5 (a multiple of `tileRows`).
  public static let rowBlock = 96

  /// Rung 1: the definition, on nested arrays.
  ///
  ///     C[i][j] = Σₚ A[i][p] · B[p][j]        (m × k) · (k × n) → (m × n)
  ///
  /// The inner loop walks down a column of B: each step jumps to another row array, so
  /// nothing is vectorised and most loads miss the cache once B is large.
  public static func tripleLoop(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    let (m, k, n) = (a.count, b.count, b.first?.count ?? 0)
    var c = [[Float]](repeating: [Float](repeating: 0, count: n), count: m)
    for i in 0..<m {
      for j in 0..<n {
        var sum: Float = 0
        for p in 0..<k { sum += a[i][p] * b[p][j] }
        c[i][j] = sum
      }
    }
    return c
  }

  // lesson: ladder-loop-order
  /// Rung 2: the same products in the order i, p, j, over raw buffers.
  ///
  ///     for i, for p:  C[i][0..<n] += A[i][p] · B[p][0..<n]     (a row of B, scaled)
  ///
  /// The inner loop reads a row of B and updates a row of C, both contiguous, through
  /// pointers to the rows: no bounds checks and no index arithmetic (whose overflow
  /// checks would block it), so the compiler turns it into SIMD loads, multiplies and
  /// adds. Each step still loads and stores C: memory, not arithmetic, sets the pace.
  public static func loopOrder(_ a: Matrix, _ b: Matrix) -> Matrix {
    checkShapes(a, b, "loopOrder")
    let (m, k, n) = (a.rows, a.columns, b.columns)
    var c = Matrix(rows: m, columns: n)
    a.values.withUnsafeBufferPointer { a in
      b.values.withUnsafeBufferPointer { b in
        c.values.withUnsafeMutableBufferPointer { c in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
          for i in 0..<m {
            let cRow = c + i * n  // row i of C
            for p in 0..<k {
              let aip = a[i * k + p]
              let bRow = b + p * n  // row p of B
              for j in 0..<n { cRow[j] += aip * bRow[j] }
            }
          }
        }
      }
    }
    return c
  }
  // end lesson

  /// Rung 3: C in tiles of 4 × 16, each tile's sums in registers for all of k.
  ///
  ///     for each tile (4 rows i…i+3, 16 columns j…j+15):
  ///       for p in 0..<k:  sumᵣ += A[i+r][p] · B[p][j…j+15]     r = 0…3, one FMA each
  ///
  /// A and B are read where they lie. Columns past the last whole 16 (n = 10, say) go
  /// through rung 2's loop. For large B, each step of k jumps a whole row of B (4 KB for
  /// n = 1024): cache lines are used 64 bytes at a time, which rung 4 fixes.
  public static func registerTiles(_ a: Matrix, _ b: Matrix) -> Matrix {
    checkShapes(a, b, "registerTiles")
    let (m, k, n) = (a.rows, a.columns, b.columns)
    var c = Matrix(rows: m, columns: n)
    let wholeColumns = n / tileColumns * tileColumns
    a.values.withUnsafeBufferPointer { a in
      b.values.withUnsafeBufferPointer { b in
        c.values.withUnsafeMutableBufferPointer { c in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
          for column in stride(from: 0, to: wholeColumns, by: tileColumns) {
            for row in stride(from: 0, to: m, by: tileRows) {
              tileKernel(
                depth: k, a: a + row * k, aRowStride: k, rows: min(tileRows, m - row),
                b: b + column, bRowStride: n, c: c + row * n + column, cRowStride: n,
                accumulate: false)
            }
          }
          // The last n mod 16 columns, by rung 2's loop order.
          for i in 0..<m {
            for p in 0..<k {
              for j in wholeColumns..<n { c[i * n + j] += a[i * k + p] * b[p * n + j] }
            }
          }
        }
      }
    }
    return c
  }

  /// The 4 × 16 register tile: `C[0..<rows][0..<16] (+)= A[0..<rows][0..<depth] ·
  /// B[0..<depth][0..<16]`. Four `SIMD16<Float>` sums (eight 256-bit registers on AVX2)
  /// stay in registers for the whole loop; each step loads 16 numbers of B once and uses
  /// them for four rows: 4 fused multiply-adds of 16 lanes per 16 + 4 numbers loaded.
  ///
  /// A tile with fewer than 4 rows (the bottom edge) reads its last row again for the
  /// missing ones and does not store them.
  @inline(__always)
  static func tileKernel(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
    c: UnsafeMutablePointer<Float>, cRowStride: Int, accumulate: Bool
  ) {
    let a0 = a
    let a1 = a + min(1, rows - 1) * aRowStride
    let a2 = a + min(2, rows - 1) * aRowStride
    let a3 = a + min(3, rows - 1) * aRowStride
    var sum0 = SIMD16<Float>()
    var sum1 = SIMD16<Float>()
    var sum2 = SIMD16<Float>()
    var sum3 = SIMD16<Float>()
    for p in 0..<depth {
      let bRow = UnsafeRawPointer(b + p * bRowStride).loadUnaligned(as: SIMD16<Float>.self)
      sum0.addProduct(SIMD16(repeating: a0[p]), bRow)  // one FMA instruction per 8 lanes
      sum1.addProduct(SIMD16(repeating: a1[p]), bRow)
      sum2.addProduct(SIMD16(repeating: a2[p]), bRow)
      sum3.addProduct(SIMD16(repeating: a3[p]), bRow)
    }
    for (r, sum) in [sum0, sum1, sum2, sum3].prefix(rows).enumerated() {
      let target = UnsafeMutableRawPointer(c + r * cRowStride)
      let old = accumulate ? target.loadUnaligned(as: SIMD16<Float>.self) : SIMD16()
      target.storeBytes(of: old + sum, as: SIMD16<Float>.self)
    }
  }

  /// Rung 4: rung 3's kernel on B packed into 16-column strips, k in blocks of ≤ 256.
  ///
  ///     strip s = B[0..<k][16s…16s+15], row after row, zero-padded: 16 × k floats
  ///     unit (rows 96u…96u+95, strip s): for each k block, every 4-row tile of the unit
  ///
  /// A strip's k block (≤ 256 × 16 floats, 16 KB) is loaded into L1 once and used by the
  /// 24 tiles of the unit; the kernel walks it 64 contiguous bytes per step. Packing costs
  /// a copy of B per call: it pays when B is large and used by many rows, not for a
  /// batch of 32 (which is why the engine reads B in place when it can).
  public static func packedBlocks(_ a: Matrix, _ b: Matrix) -> Matrix {
    checkShapes(a, b, "packedBlocks")
    var c = Matrix(rows: a.rows, columns: b.columns)
    let packed = PackedStrips(b)
    let units = packed.unitCount(rows: a.rows)
    a.values.withUnsafeBufferPointer { a in
      c.values.withUnsafeMutableBufferPointer { c in
        for unit in 0..<units { packed.multiplyUnit(unit, a: a, into: c) }
      }
    }
    return c
  }

  /// Rung 5: rung 4's units spread over the cores by `DispatchQueue.concurrentPerform`.
  ///
  /// Units write disjoint parts of C, so they need no locks. Handing them to other
  /// threads costs tens of microseconds per call (lesson 08 measures it): more than half
  /// of a whole batch-32 product, which then gains little or nothing. The engine keeps a
  /// worker ready instead (`WorkerPool`).
  public static func dispatchThreads(_ a: Matrix, _ b: Matrix) -> Matrix {
    checkShapes(a, b, "dispatchThreads")
    var c = Matrix(rows: a.rows, columns: b.columns)
    let packed = PackedStrips(b)
    let units = packed.unitCount(rows: a.rows)
    a.values.withUnsafeBufferPointer { a in
      c.values.withUnsafeMutableBufferPointer { c in
        let shared = SharedBuffers(a: a, c: c)  // pointers threads may share: units are disjoint
        DispatchQueue.concurrentPerform(iterations: units) { unit in
          packed.multiplyUnit(unit, a: shared.a, into: shared.c)
        }
      }
    }
    return c
  }

  static func checkShapes(_ a: Matrix, _ b: Matrix, _ rung: String) {
    require(
      a.columns == b.rows,
      "ProductLadder.\(rung): \(a.shapeDescription) · \(b.shapeDescription): inner sizes differ")
  }
}

/// A's and C's memory, handed to the threads of rung 5. Each unit writes only its own
/// part of C, which is what makes sharing the pointer safe.
struct SharedBuffers: @unchecked Sendable {
  let a: UnsafeBufferPointer<Float>
  let c: UnsafeMutableBufferPointer<Float>
}

/// B copied into zero-padded 16-column strips for rungs 4 and 5: strip s holds
/// B[p][16s…16s+15] for p = 0, 1, …, k − 1, next to each other.
struct PackedStrips: @unchecked Sendable {
  let k: Int
  let n: Int
  let strips: Int
  let values: [Float]

  init(_ b: Matrix) {
    (k, n) = (b.rows, b.columns)
    let width = ProductLadder.tileColumns
    strips = (n + width - 1) / width
    var values = [Float](repeating: 0, count: strips * k * width)
    for strip in 0..<strips {
      for p in 0..<k {
        for j in 0..<min(width, n - strip * width) {
          values[(strip * k + p) * width + j] = b.values[p * n + strip * width + j]
        }
      }
    }
    self.values = values
  }

  /// Units of work for an A of `rows` rows: row blocks × strips.
  func unitCount(rows: Int) -> Int {
    (rows + ProductLadder.rowBlock - 1) / ProductLadder.rowBlock * strips
  }

  /// One unit: rows 96u…96u+95 of C times one strip, k block by k block. Writes only its
  /// own rows and columns of C, so units may run on different threads.
  func multiplyUnit(
    _ unit: Int, a: UnsafeBufferPointer<Float>, into c: UnsafeMutableBufferPointer<Float>
  ) {
    let m = c.count / n
    guard let a = a.baseAddress, let c = c.baseAddress, k > 0 else { return }
    let (width, rowBlock) = (ProductLadder.tileColumns, ProductLadder.rowBlock)
    let (firstRow, strip) = (unit / strips * rowBlock, unit % strips)
    let lastRow = min(firstRow + rowBlock, m)
    let columns = min(width, n - strip * width)
    var tile = SIMD16<Float>()  // the ragged last strip goes through here
    values.withUnsafeBufferPointer { packed in
      let stripStart = packed.baseAddress! + strip * k * width
      for kStart in stride(from: 0, to: k, by: ProductLadder.kBlock) {
        let depth = min(ProductLadder.kBlock, k - kStart)
        for row in stride(from: firstRow, to: lastRow, by: ProductLadder.tileRows) {
          let rows = min(ProductLadder.tileRows, lastRow - row)
          let target = c + row * n + strip * width
          if columns == width {
            ProductLadder.tileKernel(
              depth: depth, a: a + row * k + kStart, aRowStride: k, rows: rows,
              b: stripStart + kStart * width, bRowStride: width,
              c: target, cRowStride: n, accumulate: kStart > 0)
          } else {
            for r in 0..<rows {  // one row at a time through a 16-wide scratch tile
              withUnsafeMutableBytes(of: &tile) { scratch in
                let lane = scratch.baseAddress!.assumingMemoryBound(to: Float.self)
                for j in 0..<width { lane[j] = j < columns && kStart > 0 ? target[r * n + j] : 0 }
                ProductLadder.tileKernel(
                  depth: depth, a: a + (row + r) * k + kStart, aRowStride: k, rows: 1,
                  b: stripStart + kStart * width, bRowStride: width,
                  c: lane, cRowStride: width, accumulate: true)
                for j in 0..<columns { target[r * n + j] = lane[j] }
              }
            }
          }
        }
      }
    }
  }
}
