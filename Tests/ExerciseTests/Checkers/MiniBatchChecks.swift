import ExerciseSupport
import NeuralKit

/// The checks of exercise 05e: seeded mini-batches against NeuralKit's
/// (`SeededGenerator.permutation`, cut as `LabeledImages.miniBatches(size:generator:)`
/// cuts it), two epochs in a row from the same generator.
enum MiniBatchChecks {
  /// A data set size, a batch size and a seed.
  struct Case {
    var count: Int
    var batchSize: Int
    var seed: UInt64
  }

  /// What the checker compares: two calls in a row with the same generator.
  typealias Epochs = (first: [[Int]], second: [[Int]])

  /// A partial last batch first, then the edges (1 and 2 images, a batch larger than the
  /// data, batches that divide it, batch 1), then seeded random ones.
  static let cases: [Case] = {
    var cases = [
      Case(count: 10, batchSize: 4, seed: 42), Case(count: 1, batchSize: 1, seed: 1),
      Case(count: 2, batchSize: 1, seed: 3), Case(count: 7, batchSize: 10, seed: 5),
      Case(count: 12, batchSize: 3, seed: 7), Case(count: 13, batchSize: 5, seed: 11),
      Case(count: 5, batchSize: 1, seed: 13), Case(count: 100, batchSize: 32, seed: 1),
    ]
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 6)
    for _ in 1...12 {
      cases.append(
        Case(
          count: 1 + generator.nextInt(below: 60), batchSize: 1 + generator.nextInt(below: 16),
          seed: UInt64(generator.nextInt(below: 10_000))))
    }
    return cases
  }()

  /// NeuralKit's batches of one epoch: its permutation, cut in order, the last batch shorter.
  static func reference(_ count: Int, _ batchSize: Int, _ generator: inout SeededGenerator)
    -> [[Int]]
  {
    let order = generator.permutation(of: count)
    return stride(from: 0, to: count, by: batchSize).map {
      Array(order[$0..<min($0 + batchSize, count)])
    }
  }

  /// Checks mini-batches: the first epoch's, then the second's.
  static func miniBatches(_ yours: (Int, Int, inout SeededGenerator) throws -> [[Int]])
    -> CheckOutcome
  {
    checkCases(
      .miniBatches, cases: cases,
      describe: { c in
        "var generator = SeededGenerator(seed: \(c.seed)), then twice (two epochs):\n"
          + "miniBatches(count: \(c.count), batchSize: \(c.batchSize), generator: &generator)"
      },
      yours: { c -> Epochs in
        var generator = SeededGenerator(seed: c.seed)
        let first = try yours(c.count, c.batchSize, &generator)
        return (first, try yours(c.count, c.batchSize, &generator))
      },
      reference: { c -> Epochs in
        var generator = SeededGenerator(seed: c.seed)
        let first = reference(c.count, c.batchSize, &generator)
        return (first, reference(c.count, c.batchSize, &generator))
      },
      compare: { yours, expected in
        if yours.first != expected.first {
          return Mismatch(
            yours: "first epoch \(show(yours.first))", expected: "\(show(expected.first))",
            tolerance: .sameIndices)
        }
        if yours.second != expected.second {
          return Mismatch(
            yours: "second epoch \(show(yours.second))", expected: "\(show(expected.second))",
            tolerance: .sameIndices)
        }
        return nil
      },
      hint: hint)
  }

  /// Batches as text, cut short when long.
  static func show(_ batches: [[Int]]) -> String {
    let text = "\(batches)"
    return text.count <= 120 ? text : String(text.prefix(117)) + "…"
  }

  static func hint(_ c: Case, _ output: Epochs, _ expected: Epochs) -> String? {
    let sizes = stride(from: 0, to: c.count, by: c.batchSize).map { min(c.batchSize, c.count - $0) }
    if output.first.map(\.count) != sizes {
      if output.first.map(\.count) == sizes.filter({ $0 == c.batchSize }) {
        return "the last, shorter batch is missing: keep it (\(c.count) = "
          + "\(c.count / c.batchSize) × \(c.batchSize) + \(c.count % c.batchSize))"
      }
      return "batch sizes \(sizes): batchSize each, in order, the last one what is left"
    }
    if output.first.joined().sorted() != Array(0..<c.count) {
      return "every index 0..<\(c.count) exactly once per epoch"
    }
    if output.first == expected.first {
      return "the first epoch is right, the second is not: use the generator you were given"
        + " (inout), so the second epoch continues where the first stopped"
    }
    for mistake in ShuffleMistake.allCases {
      var generator = SeededGenerator(seed: c.seed)
      let order = Array(output.first.joined())
      let shuffled = mistake.shuffle(c.count, &generator)
      if order == shuffled && Array(expected.first.joined()) != shuffled { return mistake.hint }
    }
    return nil
  }

  /// Shuffles with one mistake, for the hints.
  enum ShuffleMistake: CaseIterable {
    case notShuffled, nextIntBelowI, ascending, standardLibrary

    var hint: String {
      switch self {
      case .notShuffled:
        return "the indices are in order: shuffle them first (Fisher–Yates with the generator)"
      case .nextIntBelowI:
        return "j = generator.nextInt(below: i + 1): j may be i itself; nextInt(below: i)"
          + " (Sattolo's shuffle) never leaves an index in place"
      case .ascending:
        return "i goes from count − 1 down to 1, as NeuralKit's shuffle does: the same draws in"
          + " another order give another permutation"
      case .standardLibrary:
        return "the standard library's shuffle(using:) draws differently: write Fisher–Yates"
          + " as in the file's comment, so the same seed gives NeuralKit's batches"
      }
    }

    func shuffle(_ count: Int, _ generator: inout SeededGenerator) -> [Int] {
      var order = Array(0..<count)
      guard count > 1 else { return order }
      switch self {
      case .notShuffled: break
      case .nextIntBelowI:
        for i in stride(from: count - 1, to: 0, by: -1) {
          order.swapAt(i, generator.nextInt(below: i))
        }
      case .ascending:
        for i in 1..<count { order.swapAt(i, generator.nextInt(below: i + 1)) }
      case .standardLibrary: order.shuffle(using: &generator)
      }
      return order
    }
  }
}

extension NamedTolerance {
  /// Indices are whole numbers: the same seed gives the same batches, exactly.
  static let sameIndices = NamedTolerance(
    tolerance: Tolerance(absolute: 0), reason: "the same seed gives the same indices")
}
