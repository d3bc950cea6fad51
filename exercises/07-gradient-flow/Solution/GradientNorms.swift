/// Worked solution of exercise 07a: a sum of squares per layer, in Double, then its root.
func gradientNorms(_ weightGradients: [[[Float]]]) throws -> [Double] {
  weightGradients.map { dW in
    var sum: Double = 0
    for row in dW {
      for value in row { sum += Double(value) * Double(value) }  // Double: no under/overflow
    }
    return sum.squareRoot()
  }
}
