import ExerciseSupport

/// Worked solution of exercise 05e.
func miniBatches(count: Int, batchSize: Int, generator: inout SeededGenerator) throws -> [[Int]] {
  var order = Array(0..<count)
  if count > 1 {
    for i in stride(from: count - 1, to: 0, by: -1) {
      order.swapAt(i, generator.nextInt(below: i + 1))
    }
  }
  return stride(from: 0, to: count, by: batchSize).map { start in
    Array(order[start..<min(start + batchSize, count)])
  }
}
