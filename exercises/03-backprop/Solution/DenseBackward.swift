/// Worked solution of exercise 03b: three sums, each shaped like what it is the gradient of.
///
/// Each inner loop walks along a row (of dY, of W, of dW), never down a column, and each
/// sum adds its terms in the order of the formulas: on MNIST-sized layers this is many
/// times faster than the three sums written element by element.
func denseBackward(inputs: [[Float]], weights: [[Float]], dOutput: [[Float]]) throws -> (
  dW: [[Float]], db: [Float], dX: [[Float]]
) {
  let outputCount = weights.first?.count ?? 0
  // dW = Xᵀ·dY: row k of dW is the sum over the batch of X[r][k] · dY[r].
  let dW = weights.indices.map { k in
    var row = [Float](repeating: 0, count: outputCount)  // (outputs)
    for r in inputs.indices {
      let x = inputs[r][k]
      let dY = dOutput[r]
      for c in 0..<outputCount { row[c] += x * dY[c] }
    }
    return row
  }
  // db = Σ_rows dY.
  var db = [Float](repeating: 0, count: outputCount)
  for dY in dOutput {
    for c in 0..<outputCount { db[c] += dY[c] }
  }
  // dX = dY·Wᵀ: dX[r][k] is the dot product of dY[r] and W[k].
  let dX = dOutput.map { dY in
    weights.map { weightRow in
      var sum: Float = 0
      for c in 0..<outputCount { sum += dY[c] * weightRow[c] }
      return sum
    }
  }  // (batch, inputs)
  return (dW, db, dX)
}
