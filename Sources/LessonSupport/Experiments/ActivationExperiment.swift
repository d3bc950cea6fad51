import MNISTData
import NeuralKit

/// A controlled comparison of hidden activations: for each seed, every activation starts
/// from the same weights and sees the same batches in the same order, so the activation
/// is the only difference.
///
///     let experiment = ActivationExperiment(options: options, activations: [.relu, .sigmoid],
///                                           seeds: [1, 2, 3], split: .holdout)
///     let result = experiment.run(on: mnist) { event in … }
///
/// Same weights: the network is drawn from `SeededGenerator(seed:)` before the activation
/// plays any part, so equal seeds give equal weights. Same batches: the trainer's batch
/// order comes from its own seed, derived from the run's seed alone.
public struct ActivationExperiment: Sendable {
  /// Everything but the activation, shared by every run.
  public var options: TrainingOptions
  /// The activations compared, in the order of the tables.
  public var activations: [Activation]
  /// One run per activation and seed; each seed fixes weights and batch order.
  public var seeds: [UInt64]
  /// How training and validation images are chosen.
  public var split: Split

  /// An experiment comparing `activations` over `seeds`.
  public init(
    options: TrainingOptions, activations: [Activation], seeds: [UInt64], split: Split = .holdout
  ) {
    self.options = options
    self.activations = activations
    self.seeds = seeds
    self.split = split
  }

  /// Trains every (seed, activation) pair on `dataset` and evaluates it.
  public func run(
    on dataset: Dataset, observe: (ExperimentEvent) -> Void = { _ in }
  ) -> ExperimentResult {
    var runs: [ExperimentRun] = []
    // lesson: controlled-experiment
    for seed in seeds {
      let images = split.apply(to: dataset, seed: seed)
      let (training, validation) = (images.training, images.validation)
      for activation in activations {
        var options = self.options
        options.activation = activation
        var network = Network(
          layerSizes: options.layerSizes(
            inputs: dataset.pixelsPerImage, classes: dataset.classCount),
          hiddenActivation: activation, initializer: options.initializer, seed: seed)
        observe(.started(activation: activation, seed: seed))
        let trainer = Trainer(options: options, batchSeed: Self.batchSeed(for: seed))
        let history = trainer.train(&network, on: training, validation: validation) { event in
          observe(.training(activation: activation, seed: seed, event))
        }
        let run = ExperimentRun(
          activation: activation, seed: seed, history: history,
          train: history.divergence == nil
            ? network.evaluate(training, scaled: options.scaledPixels) : nil,
          validation: history.divergence == nil
            ? network.evaluate(validation, scaled: options.scaledPixels) : nil,
          // The test images, evaluated once, after every choice is made.
          test: history.divergence == nil
            ? images.test.map { network.evaluate($0, scaled: options.scaledPixels) } : nil,
          trainingCount: training.count, validationCount: validation.count,
          testCount: images.test?.count ?? 0)
        runs.append(run)
        observe(.finished(run))
      }
    }
    // end lesson
    return ExperimentResult(
      datasetName: dataset.kind.displayName, activations: activations, seeds: seeds,
      split: split, runs: runs)
  }

  /// The batch-order seed of a run: a fixed function of the run's seed, so every
  /// activation trained with that seed sees the same batches.
  public static func batchSeed(for seed: UInt64) -> UInt64 { seed ^ 0xBA7C_0DE5 }
}

/// What `ActivationExperiment.run` reports as it goes.
public enum ExperimentEvent: Sendable {
  case started(activation: Activation, seed: UInt64)
  case training(activation: Activation, seed: UInt64, TrainingEvent)
  case finished(ExperimentRun)
}

/// One trained network of an experiment.
public struct ExperimentRun: Equatable, Sendable {
  /// The hidden activation of this run.
  public var activation: Activation
  /// The seed of its weights and batch order.
  public var seed: UInt64
  /// Per-epoch numbers and validation points.
  public var history: TrainingHistory
  /// Loss and accuracy on the whole training split after training (nil if it diverged).
  public var train: BatchResult?
  /// Loss and accuracy on the validation split after training (nil if it diverged).
  public var validation: BatchResult?
  /// Loss and accuracy on the test images, evaluated once after training; nil if it
  /// diverged or the split has no separate test images.
  public var test: BatchResult?
  /// Images it trained on.
  public var trainingCount: Int
  /// Images it was validated on.
  public var validationCount: Int
  /// Test images evaluated after training (0 when the split has none).
  public var testCount: Int

  /// True when the loss became NaN or infinite.
  public var diverged: Bool { history.divergence != nil }
}

/// All runs of an experiment on one data set, with the summaries its report prints.
public struct ExperimentResult: Equatable, Sendable {
  /// The data set, as tables print it: `Fashion-MNIST`.
  public var datasetName: String
  /// The activations compared, in the order of the tables.
  public var activations: [Activation]
  /// One run per activation and seed; each seed fixes weights and batch order.
  public var seeds: [UInt64]
  /// How training, validation and test images were chosen.
  public var split: Split
  /// Every run, seed by seed, activations in order within a seed.
  public var runs: [ExperimentRun]

  /// The runs of one activation, one per seed.
  public func runs(of activation: Activation) -> [ExperimentRun] {
    runs.filter { $0.activation == activation }
  }

  /// Mean ± std over seeds of a final metric, skipping diverged runs; nil when every run
  /// of the activation diverged.
  public func summary(
    of activation: Activation, _ metric: (ExperimentRun) -> Double?
  ) -> Summary? {
    let values = runs(of: activation).compactMap(metric)
    return values.isEmpty ? nil : Summary(values)
  }

  /// Per seed where both trained to the end, `metric` of `a`'s run minus `b`'s: the
  /// paired differences (same seed, same weights and batches).
  public func pairedDifferences(
    _ a: Activation, _ b: Activation, _ metric: (ExperimentRun) -> Double?
  ) -> PairedDifferences {
    PairedDifferences(
      seeds.compactMap { seed in
        let runA = runs.first { $0.activation == a && $0.seed == seed }
        let runB = runs.first { $0.activation == b && $0.seed == seed }
        guard let x = runA.flatMap(metric), let y = runB.flatMap(metric) else { return nil }
        return x - y
      })
  }

  /// Per seed, the epochs (fractional within the first epoch) the activation needed to
  /// reach `threshold` validation accuracy; nil for a seed that never did.
  public func epochsToReach(_ threshold: Double, _ activation: Activation) -> [Double?] {
    runs(of: activation).map { $0.history.firstReaching(accuracy: threshold)?.epochs }
  }
}

extension ExperimentResult {
  /// One CSV row per run: its final numbers (empty cells for a diverged run or no test).
  public static let finalHeader = [
    "dataset", "activation", "seed", "split", "train_loss", "train_accuracy", "validation_loss",
    "validation_accuracy", "test_loss", "test_accuracy",
  ]

  /// One row per run, in `finalHeader`'s order.
  public var finalRows: [[String]] {
    runs.map { run in
      let cells = [run.train, run.validation, run.test].flatMap { part -> [String] in
        guard let part else { return ["", ""] }
        return [fixed(part.loss, 6), fixed(part.accuracy, 6)]
      }
      return [
        datasetName, run.activation.description, "\(run.seed)", split.rawValue,
      ] + cells
    }
  }
}
