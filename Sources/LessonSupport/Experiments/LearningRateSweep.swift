import MNISTData
import NeuralKit

/// Trains the same network at several learning rates, for each activation and optimizer,
/// and keeps the final validation accuracy of each: does one activation want a smaller
/// rate than the other?
///
///     let sweep = LearningRateSweep(
///       options: TrainingOptions(), activations: [.relu, .sigmoid], optimizers: [.adam, .sgd],
///       learningRates: [1e-4, 1e-3, 1e-2, 1e-1], seeds: [1])
///     let result = sweep.run(on: training, validation: validation)
///     result.accuracy(.relu, .adam, 1e-3)   // Summary over seeds, nil if all diverged
///
/// Controlled as lesson 06 is: for a seed, every run starts from the same weights (the
/// activation plays no part in drawing them) and sees the same batches. A run whose loss
/// becomes NaN or infinite stops (the `Trainer` does that) and is reported as diverged.
public struct LearningRateSweep: Sendable {
  /// Everything but the activation, optimizer and rate, which the sweep sets.
  public var options: TrainingOptions
  /// The hidden activations compared.
  public var activations: [Activation]
  /// The optimizers tried.
  public var optimizers: [OptimizerChoice]
  /// The rates tried, in increasing order.
  public var learningRates: [Float]
  /// One run per seed for each (activation, optimizer, rate).
  public var seeds: [UInt64]

  /// A sweep over every combination of the given values.
  public init(
    options: TrainingOptions, activations: [Activation], optimizers: [OptimizerChoice],
    learningRates: [Float], seeds: [UInt64]
  ) {
    self.options = options
    self.activations = activations
    self.optimizers = optimizers
    self.learningRates = learningRates
    self.seeds = seeds
  }

  /// Trains every combination; `observe` sees each finished run and the trainer's events.
  /// The rates are compared on `validation`; `test`, if given, is evaluated once after
  /// each run, for the report only.
  public func run(
    on training: LabeledImages, validation: LabeledImages, test: LabeledImages? = nil,
    observe: (LearningRateSweepEvent) -> Void = { _ in }
  ) -> LearningRateSweepResult {
    var points: [LearningRateSweepPoint] = []
    for optimizer in optimizers {
      for activation in activations {
        for rate in learningRates {
          for seed in seeds {
            var options = self.options
            options.activation = activation
            options.optimizer = optimizer
            options.learningRate = rate
            var network = Network(
              layerSizes: options.layerSizes(inputs: training.pixelsPerImage, classes: 10),
              hiddenActivation: activation, initializer: options.initializer, seed: seed)
            let trainer = Trainer(
              options: options, batchSeed: ActivationExperiment.batchSeed(for: seed))
            let history = trainer.train(&network, on: training, validation: validation) {
              observe(.training($0))
            }
            let point = LearningRateSweepPoint(
              activation: activation, optimizer: optimizer, learningRate: rate, seed: seed,
              validationAccuracy: history.divergence == nil
                ? history.final?.validationAccuracy : nil,
              divergence: history.divergence,
              testAccuracy: history.divergence == nil
                ? test.map { network.evaluate($0, scaled: options.scaledPixels).accuracy } : nil
            )
            points.append(point)
            observe(.finished(point))
          }
        }
      }
    }
    return LearningRateSweepResult(
      activations: activations, optimizers: optimizers, learningRates: learningRates,
      points: points)
  }
}

/// What `LearningRateSweep.run` reports as it goes.
public enum LearningRateSweepEvent: Sendable {
  /// The trainer's step, evaluation and epoch events.
  case training(TrainingEvent)
  /// A run finished (or diverged).
  case finished(LearningRateSweepPoint)
}

/// One trained network of a sweep.
public struct LearningRateSweepPoint: Equatable, Sendable {
  /// Its hidden activation.
  public var activation: Activation
  /// Its optimizer.
  public var optimizer: OptimizerChoice
  /// Its learning rate.
  public var learningRate: Float
  /// Its seed.
  public var seed: UInt64
  /// Validation accuracy after the last epoch; nil when the run diverged.
  public var validationAccuracy: Double?
  /// Where the loss became NaN or infinite, if it did.
  public var divergence: Divergence?
  /// Test accuracy after the last epoch, evaluated once; nil without test images or when
  /// the run diverged.
  public var testAccuracy: Double? = nil
}

/// All runs of a sweep, with the summaries lesson 07 prints.
public struct LearningRateSweepResult: Equatable, Sendable {
  /// The activations, optimizers and rates swept, in order.
  public var activations: [Activation]
  /// The optimizers swept.
  public var optimizers: [OptimizerChoice]
  /// The rates swept.
  public var learningRates: [Float]
  /// Every run.
  public var points: [LearningRateSweepPoint]

  /// The runs of one combination, one per seed.
  public func points(
    _ activation: Activation, _ optimizer: OptimizerChoice, _ learningRate: Float
  ) -> [LearningRateSweepPoint] {
    points.filter {
      $0.activation == activation && $0.optimizer == optimizer && $0.learningRate == learningRate
    }
  }

  /// Final validation accuracy over the seeds that did not diverge; nil when all did.
  public func accuracy(
    _ activation: Activation, _ optimizer: OptimizerChoice, _ learningRate: Float
  ) -> Summary? {
    let values = points(activation, optimizer, learningRate).compactMap(\.validationAccuracy)
    return values.isEmpty ? nil : Summary(values)
  }

  /// Final test accuracy over the seeds with one; nil when there is none.
  public func testAccuracy(
    _ activation: Activation, _ optimizer: OptimizerChoice, _ learningRate: Float
  ) -> Summary? {
    let values = points(activation, optimizer, learningRate).compactMap(\.testAccuracy)
    return values.isEmpty ? nil : Summary(values)
  }

  /// The rate with the highest mean validation accuracy for an activation and optimizer (the smaller
  /// rate on a tie); nil when every rate diverged.
  public func bestRate(_ activation: Activation, _ optimizer: OptimizerChoice) -> Float? {
    var best: (rate: Float, accuracy: Double)?
    for rate in learningRates {
      guard let summary = accuracy(activation, optimizer, rate) else { continue }
      if best == nil || summary.mean > best!.accuracy { best = (rate, summary.mean) }
    }
    return best?.rate
  }

  /// The rates whose mean accuracy is within `points` percentage points of the best one
  /// for this activation and optimizer: the range of rates that work about as well.
  public func goodRates(
    _ activation: Activation, _ optimizer: OptimizerChoice, within points: Double = 1
  ) -> [Float] {
    let accuracies = learningRates.map { accuracy(activation, optimizer, $0)?.mean }
    guard let best = accuracies.compactMap({ $0 }).max() else { return [] }
    return zip(learningRates, accuracies).compactMap { rate, value in
      guard let value, (best - value) * 100 <= points else { return nil }
      return rate
    }
  }
}
