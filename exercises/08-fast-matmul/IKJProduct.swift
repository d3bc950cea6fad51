import ExerciseSupport

/// Exercise 08 — the matrix product with its loops in the order i, k, j
/// (Lessons/08-fast-matmul.md). Stuck? exercises/08-fast-matmul/HINTS.md, one hint at a time.
///
///     C = A·B            (rows × inner) · (inner × columns) → (rows × columns)
///     C[i][j] = Σₖ A[i][k] · B[k][j]
///
/// The matrices are flat row-major arrays, as NeuralKit's `Matrix` stores them: row after
/// row, so element (i, k) of A is `a[i * inner + k]`, element (k, j) of B is
/// `b[k * columns + j]` and element (i, j) of C is `c[i * columns + j]`.
///
/// The textbook order i, j, k walks down a column of B in its innermost loop: each step
/// jumps a whole row ahead in memory. The lesson explains why the order i, k, j is faster.
///
/// Your task: compute C with the loops in the order i (outermost), k, j (innermost), so
/// that the innermost loop reads a row of B and updates a row of C, both side by side in
/// memory. Then think: what must C hold before the loops start, and why can C[i][j] not
/// be finished after one pass of the innermost loop?
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
  // TODO: your code here.
  throw NotWrittenYet()
}
