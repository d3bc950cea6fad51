import ExerciseSupport

/// Exercise 08 — the matrix product with its loops in the order i, k, j
/// (Lessons/08-fast-matmul.md).
///
///     C = A·B            (rows × inner) · (inner × columns) → (rows × columns)
///     C[i][j] = Σₖ A[i][k] · B[k][j]
///
/// The matrices are flat row-major arrays, as NeuralKit's `Matrix` stores them: row after
/// row, so element (i, k) of A is `a[i * inner + k]`, element (k, j) of B is
/// `b[k * columns + j]` and element (i, j) of C is `c[i * columns + j]`.
///
/// The textbook order i, j, k walks down a column of B in its innermost loop: each step
/// jumps a whole row ahead in memory. Swap the two inner loops and the same products are
/// added in the order i, k, j:
///
///     for i:  for k:  C[i][0..<columns] += A[i][k] · B[k][0..<columns]
///
/// The innermost loop now reads a row of B and updates a row of C, both side by side in
/// memory, which the compiler turns into SIMD instructions.
///
/// Tasks:
///   1. Start C as `rows * columns` zeros.
///   2. For each row i of A and each k in 0..<inner, read aik = A[i][k] once.
///   3. For each column j, add aik · B[k][j] to C[i][j] (`+=`: C[i][j] collects `inner`
///      products).
///   4. Return C.
///
/// Signature (keep it):
/// `func ikjProduct(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int)`
/// `  throws -> [Float]`
///
/// Example ([[1, 2], [3, 4]] · [[5, 6], [7, 8]]):
///
///     try ikjProduct([1, 2, 3, 4], [5, 6, 7, 8], rows: 2, inner: 2, columns: 2)
///     // [19, 22, 43, 50], that is [[19, 22], [43, 50]]
///
/// The test checks your numbers, not your speed: rung 2 of `swift run lesson08-fast-matmul`
/// is this loop, timed.
///
/// What the test checks (`swift test --disable-xctest --filter Lesson08`):
///   - C has rows · columns numbers, then every C[i][j] is within the dot product's error
///     bound of NeuralKit's `Matrix.naiveProduct`:
///         |yours − expected| ≤ 2 · inner · u · Σₖ |A[i][k] · B[k][j]|,   u = 2⁻²⁴
///     (adding `inner` products in any order is off by at most inner · u · Σₖ |…| from the
///     exact sum, so two orders are at most twice that apart; a wrong index is far
///     outside it);
///   - first on 1 × 1 · 1 × 1, 1 × 3 · 3 × 1, 7 × 13 · 13 × 5, 3 × 1 · 1 × 4 (inner 1),
///     A all zeros, B the identity (C = A exactly), 16 × 16 · 16 × 16, values near ±1000,
///     33 × 785 · 785 × 17, then on 20 seeded random shapes up to 40 × 40 · 40 × 40 with
///     values in [−1, 1].
func ikjProduct(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) throws
  -> [Float]
{
  // TODO: replace the next line with the four steps above.
  throw NotWrittenYet()
}
