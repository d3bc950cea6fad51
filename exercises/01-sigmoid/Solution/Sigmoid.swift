import Foundation

/// Worked solution of exercise 01a: the sigmoid without overflow. Each half computes
/// e to a power ≤ 0, which lies in (0, 1].
func sigmoid(_ x: Float) throws -> Float {
  if x >= 0 { return 1 / (1 + exp(-x)) }
  let ex = exp(x)  // in (0, 1): cannot overflow
  return ex / (1 + ex)
}
