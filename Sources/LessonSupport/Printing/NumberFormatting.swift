import Foundation
import NeuralKit

/// A count and a percentage, the way lessons print them: `9 741 / 10 000 (97.41%)`.
public func countAndPercent(_ count: Int, of total: Int) -> String {
  let percent = total == 0 ? 0 : 100 * Double(count) / Double(total)
  return "\(spacedThousands(count)) / \(spacedThousands(total)) (\(fixed(percent, 2))%)"
}
