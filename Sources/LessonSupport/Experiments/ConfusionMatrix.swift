import Kernels

/// Counts of (true class, predicted class) pairs: row = the truth, column = the guess.
/// The diagonal holds the right answers; a large number off it names a confusion
/// ("shirt" taken for "T-shirt/top").
public struct ConfusionMatrix: Equatable, Sendable {
  /// counts[truth][prediction]
  public var counts: [[Int]]

  /// The matrix for `classCount` classes.
  public init(truth: [Int], predictions: [Int], classCount: Int) {
    require(
      truth.count == predictions.count,
      "ConfusionMatrix: \(truth.count) labels but \(predictions.count) predictions")
    counts = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    for (t, p) in zip(truth, predictions) { counts[t][p] += 1 }
  }

  /// The most frequent mistakes, largest first: (truth, prediction, count).
  public func topConfusions(_ limit: Int) -> [(truth: Int, prediction: Int, count: Int)] {
    var pairs: [(Int, Int, Int)] = []
    for t in counts.indices {
      for p in counts.indices where p != t && counts[t][p] > 0 {
        pairs.append((t, p, counts[t][p]))
      }
    }
    return pairs.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
      .prefix(limit).map { (truth: $0.0, prediction: $0.1, count: $0.2) }
  }
}
