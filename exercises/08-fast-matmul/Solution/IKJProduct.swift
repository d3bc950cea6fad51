/// Worked solution of exercise 08: the textbook sums with the two inner loops swapped, so
/// the innermost loop runs along a row of B and a row of C.
func ikjProduct(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int) throws
  -> [Float]
{
  var c = [Float](repeating: 0, count: rows * columns)  // (rows × columns)
  for i in 0..<rows {
    for k in 0..<inner {
      let aik = a[i * inner + k]  // A[i][k], read once for a whole row of C
      for j in 0..<columns {
        c[i * columns + j] += aik * b[k * columns + j]  // C[i][j] += A[i][k] · B[k][j]
      }
    }
  }
  return c
}
