import TestSupport
import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

/// A finished run with the given final accuracies (out of 1,000 images), for report tests.
private func run(
  _ activation: Activation, seed: UInt64, validation: Int, test: Int? = nil
) -> ExperimentRun {
  ExperimentRun(
    activation: activation, seed: seed, history: TrainingHistory(),
    train: BatchResult(loss: 0.1, correct: 990, count: 1000),
    validation: BatchResult(loss: 0.2, correct: validation, count: 1000),
    test: test.map { BatchResult(loss: 0.3, correct: $0, count: 1000) },
    trainingCount: 9000, validationCount: 1000, testCount: test == nil ? 0 : 1000)
}

/// An experiment of ReLU against Sigmoid whose validation accuracies per seed are given
/// (in images right of 1,000).
private func result(relu: [Int], sigmoid: [Int], split: Split = .holdout) -> ExperimentResult {
  let seeds = (1...UInt64(relu.count)).map { $0 }
  let runs = seeds.flatMap { seed in
    let index = Int(seed) - 1
    return [
      run(.relu, seed: seed, validation: relu[index], test: split == .holdout ? 970 : nil),
      run(.sigmoid, seed: seed, validation: sigmoid[index], test: split == .holdout ? 960 : nil),
    ]
  }
  return ExperimentResult(
    datasetName: "MNIST", activations: [.relu, .sigmoid], seeds: seeds, split: split,
    runs: runs)
}

@Suite struct PairedDifferencesTests {
  @Test("mean, spread and Student's t interval of per-seed differences")
  func interval() throws {
    let differences = PairedDifferences([1, 2, 3])
    #expect(differences.summary.mean == 2 && differences.summary.standardDeviation == 1)
    let interval = try #require(differences.confidenceInterval95)
    // mean ± t(2) · s / √3 with t(2) = 4.303 from the standard table.
    let half = 4.303 / 3.0.squareRoot()
    #expect(abs(interval.lower - (2 - half)) < 1e-12 && abs(interval.upper - (2 + half)) < 1e-12)
    #expect(PairedDifferences([0.5]).confidenceInterval95 == nil, "one seed has no spread")
    #expect(PairedDifferences.studentT95(degreesOfFreedom: 1) == 12.706)
    #expect(PairedDifferences.studentT95(degreesOfFreedom: 30) == 2.042)
    #expect(PairedDifferences.studentT95(degreesOfFreedom: 31) == 1.96)
  }

  @Test("differences pair each seed's runs and skip a seed where either diverged")
  func pairsBySeed() {
    var experiment = result(relu: [980, 975, 990], sigmoid: [970, 970, 985])
    let differences = experiment.pairedDifferences(.relu, .sigmoid) { $0.validation?.accuracy }
    #expect(differences.values.map { ($0 * 1000).rounded() } == [10, 5, 5])
    experiment.runs[3].validation = nil  // Sigmoid, seed 2
    let skipped = experiment.pairedDifferences(.relu, .sigmoid) { $0.validation?.accuracy }
    #expect(skipped.values.map { ($0 * 1000).rounded() } == [10, 5])
  }

  @Test("signed shows the sign of a difference, and none on zero")
  func signedText() {
    #expect(signed(0.5, 2) == "+0.50" && signed(-0.5, 2) == "-0.50" && signed(-0.001, 2) == "0.00")
  }
}

@Suite struct PairedVerdictTests {
  @Test("a consistent gap is called, with its interval and the test difference beside it")
  func consistentGap() {
    // ReLU ahead by 1.0, 1.2, 0.8 points: interval 1.0 ± 4.303 · 0.2 / √3 = 0.50 … 1.50.
    let report = ExperimentReport(
      result: result(relu: [980, 982, 978], sigmoid: [970, 970, 970]), threshold: 0.99)
    #expect(
      report.verdict.contains("+1.00 points (95% interval +0.50 to +1.50)"), "\(report.verdict)")
    #expect(report.verdict.contains("leaves out 0: ReLU ends higher than Sigmoid, in every seed"))
    #expect(report.verdict.contains("on the test images, evaluated once, +1.00"))
  }

  @Test("a gap smaller than its noise is called level, even when the means differ")
  func levelWhenNoisy() {
    // Differences +0.3, -0.2, +0.2 points: mean +0.1, an interval wide across 0.
    let report = ExperimentReport(
      result: result(relu: [973, 968, 972], sigmoid: [970, 970, 970]), threshold: 0.99)
    #expect(
      report.verdict.contains("The interval includes 0: on this evidence they end level."),
      "\(report.verdict)")
  }

  @Test("speed: first only when the slowest took more than a fifth longer")
  func speed() {
    func reaching(_ epochs: [Double]) -> ExperimentResult {
      var experiment = result(relu: [980], sigmoid: [970])
      for (index, epoch) in epochs.enumerated() {
        experiment.runs[index].history.evaluations = [
          EvaluationPoint(step: 1, epochs: epoch, loss: 0.1, accuracy: 0.98)
        ]
      }
      return experiment
    }
    let apart = ExperimentReport(result: reaching([2, 6]), threshold: 0.97).verdict
    #expect(apart.contains("ReLU reached 97% validation accuracy first: after 2.00"), "\(apart)")
    let close = ExperimentReport(result: reaching([5, 6]), threshold: 0.97).verdict
    #expect(close.contains("at about the same time (5.00 epochs"), "\(close)")
  }

  @Test("the table names its columns by the split: val and test, or test alone")
  func columnsBySplit() throws {
    let holdout = ExperimentReport(result: result(relu: [980], sigmoid: [970]), threshold: 0.9)
    #expect(
      holdout.table.headers == ["model", "train acc", "val acc", "test acc", "test loss", "runs"])
    #expect(holdout.verdict.contains("From a single seed"))
    let keras = ExperimentReport(
      result: result(relu: [980], sigmoid: [970], split: .testAsValidation), threshold: 0.9)
    #expect(
      keras.table.headers == ["model", "train acc", "test acc", "train loss", "test loss", "runs"])
    let paired = try #require(keras.pairedTable)
    #expect(paired.rows == [["ReLU − Sigmoid", "+1.00", "+1.00 ± —"]])
  }
}

@Suite struct GapAblationTests {
  @Test("each middle configuration changes exactly one factor of the notebook's run")
  func oneFactorAtATime() {
    let configurations = GapAblation(seeds: [1], epochs: 10).configurations
    let notebook = configurations[0]
    #expect(notebook.split == .combined8020 && notebook.options.hiddenLayers == [128, 128])
    #expect(notebook.options.optimizer == .sgd && notebook.options.learningRate == 0.01)
    #expect(notebook.options.batchSize == 1000 && notebook.options.epochs == 10)
    func changes(_ c: GapAblation.Configuration) -> Int {
      [
        c.split != notebook.split, c.options.hiddenLayers != notebook.options.hiddenLayers,
        c.options.optimizer != notebook.options.optimizer
          || c.options.learningRate != notebook.options.learningRate,
        c.options.batchSize != notebook.options.batchSize,
      ].filter { $0 }.count
    }
    #expect(configurations.dropFirst().dropLast().map(changes) == [1, 1, 1, 1])
    let code = configurations.last!
    #expect(changes(code) == 4 && code.split == .testAsValidation)
    #expect(code.options.hiddenLayers == [128] && code.options.batchSize == 32)
    #expect(code.options.optimizer == .adam && code.options.learningRate == 0.001)
  }

  @Test("the share of the gap a change closes: (change − start) / (all − start)")
  func shareClosed() throws {
    let accuracies = [550, 560, 540, 800, 650, 880]  // start, four changes, all four
    let ablation = GapAblationResult(
      datasetName: "Fashion-MNIST", names: accuracies.indices.map { "c\($0)" },
      activations: [.sigmoid],
      results: accuracies.map { correct in
        ExperimentResult(
          datasetName: "Fashion-MNIST", activations: [.sigmoid], seeds: [1],
          split: .combined8020, runs: [run(.sigmoid, seed: 1, validation: correct)])
      })
    let share = try #require(ablation.shareClosed(3, .sigmoid))
    #expect(abs(share - 250.0 / 330.0) < 1e-12)
    #expect(try #require(ablation.shareClosed(2, .sigmoid)) < 0, "a change can widen the gap")
    let report = GapAblationReport(result: ablation)
    #expect(report.table.rows[3][2] == "76%" && report.table.rows[0][2] == "start")
    #expect(report.sentences[0].contains("closes the most: 76% of it"), "\(report.sentences)")
  }
}
