/// Worked solution of exercise 03a: one sum of products per output element, plus the bias.
///
/// The loops run in i-k-j order: for each example, each input k adds x·W[k] to the whole
/// output row. Each element still sums b[c] + X[r][0]·W[0][c] + X[r][1]·W[1][c] + … in
/// that order, but the inner loop reads the row W[k] front to back instead of jumping
/// from row to row down a column, which on MNIST-sized layers is several times faster.
func denseForward(inputs: [[Float]], weights: [[Float]], bias: [Float]) throws -> [[Float]] {
  inputs.map { row in  // one example
    var output = bias  // Y[r] starts as b
    for k in weights.indices {
      let x = row[k]
      let weightRow = weights[k]  // W[k]: input k's weight to every unit
      for c in output.indices { output[c] += x * weightRow[c] }
    }
    return output
  }
}
