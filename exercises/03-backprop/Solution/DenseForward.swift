/// Worked solution of exercise 03a: one sum of products per output element, plus the bias.
func denseForward(inputs: [[Float]], weights: [[Float]], bias: [Float]) throws -> [[Float]] {
  let inputCount = weights.count
  let outputCount = bias.count
  return inputs.map { row in  // one example
    (0..<outputCount).map { c in
      var sum = bias[c]
      for k in 0..<inputCount { sum += row[k] * weights[k][c] }
      return sum
    }
  }
}
