import ExerciseSupport
import Foundation

/// Exercise 05e — a seeded shuffle and mini-batches (Lessons/05-training.md).
///
/// Shuffle 0..<count with Fisher–Yates, drawing from `generator` exactly as NeuralKit
/// does, so that the same seed gives the same batches:
///
///     order = [0, 1, …, count − 1]
///     for i from count − 1 down to 1:
///       j = generator.nextInt(below: i + 1)
///       swap order[i] and order[j]
///
/// then cut `order` into batches of `batchSize`, in order; the last one keeps what is
/// left (shorter when batchSize does not divide count).
///
/// Example:
///
///     var generator = SeededGenerator(seed: 42)
///     let batches = try miniBatches(count: 10, batchSize: 4, generator: &generator)
///     batches               // [[9, 1, 4, 2], [8, 7, 6, 5], [3, 0]]
///     batches.map(\.count)  // [4, 4, 2]
///
/// What the test checks: the batches, index by index, against NeuralKit's
/// `miniBatches(size:generator:)` for several seeds, counts and sizes, and that the
/// generator ends in the same state (a second call gives the same second epoch).
///
/// Stuck? exercises/05-training/HINTS.md, one hint at a time.
func miniBatches(count: Int, batchSize: Int, generator: inout SeededGenerator) throws -> [[Int]] {
  // TODO: your code here.
  throw NotWrittenYet()
}
