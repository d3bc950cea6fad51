/// Worked solution of exercise 03b: three sums, each shaped like what it is the gradient of.
func denseBackward(inputs: [[Float]], weights: [[Float]], dOutput: [[Float]]) throws -> (
  dW: [[Float]], db: [Float], dX: [[Float]]
) {
  let batch = inputs.count
  let inputCount = weights.count
  let outputCount = weights.first?.count ?? 0
  var dW = [[Float]](repeating: [Float](repeating: 0, count: outputCount), count: inputCount)
  var db = [Float](repeating: 0, count: outputCount)
  var dX = [[Float]](repeating: [Float](repeating: 0, count: inputCount), count: batch)
  for r in 0..<batch {
    for c in 0..<outputCount {
      db[c] += dOutput[r][c]  // Σ over the batch
      for k in 0..<inputCount {
        dW[k][c] += inputs[r][k] * dOutput[r][c]  // Xᵀ·dY
        dX[r][k] += dOutput[r][c] * weights[k][c]  // dY·Wᵀ
      }
    }
  }
  return (dW, db, dX)
}
