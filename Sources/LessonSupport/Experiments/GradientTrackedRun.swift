import MNISTData
import NeuralKit

/// A training run that also watches its gradients: before training and after every epoch
/// it measures each layer's ‖dW‖ and mean slope on a fixed probe batch
/// (`GradientFlow.measure`) and what each hidden layer does on a held-out batch: dead and
/// saturated units, the outputs' mean and spread (`GradientFlow.activity`), next to the
/// validation accuracy the `Trainer` records. The test images, if given, are evaluated
/// once, after training.
///
///     var options = TrainingOptions()
///     options.hiddenLayers = Array(repeating: 128, count: 10)   // 784 → 10 × 128 → 10
///     options.activation = .sigmoid
///     options.optimizer = .sgd
///     options.learningRate = 0.01
///     let run = GradientTrackedRun(options: options, seed: 1).train(
///       on: training, validation: validation, probe: probe, heldOut: heldOut)
///     run.measurements[0].weightGradientNorms   // at initialisation
///     run.measurements[3].weightGradientNorms   // after epoch 3
///
/// The weights come from `seed` and the batch order from
/// `ActivationExperiment.batchSeed(for: seed)`, as in lesson 06: runs that differ in one
/// option start from the same weights (same initializer) and see the same batches.
public struct GradientTrackedRun: Sendable {
  /// How to train (hidden layers, activation, initializer, optimizer, rate, epochs …).
  public var options: TrainingOptions
  /// Seeds the weights (and, derived from it, the batch order).
  public var seed: UInt64

  /// A run of `options` from `seed`.
  public init(options: TrainingOptions, seed: UInt64) {
    self.options = options
    self.seed = seed
  }

  /// A labelled batch to measure on: inputs (batch × pixels) and one label per row.
  public typealias Batch = (inputs: Matrix, labels: [Int])

  /// Trains a fresh network and measures it at the start and after each epoch.
  ///
  /// - Parameters:
  ///   - probe: the batch whose gradients are measured (the same batch every time).
  ///   - heldOut: the batch whose dead and saturated units are counted: validation images,
  ///     which training never sees.
  ///   - test: evaluated once after training (not if the run diverged); nil: none.
  ///   - observe: sees the trainer's events (for a progress bar).
  public func train(
    on training: LabeledImages, validation: LabeledImages, probe: Batch, heldOut: Batch,
    test: LabeledImages? = nil, observe: (TrainingEvent) -> Void = { _ in }
  ) -> GradientTrackedResult {
    var network = Network(
      layerSizes: options.layerSizes(inputs: training.pixelsPerImage, classes: 10),
      hiddenActivation: options.activation, initializer: options.initializer, seed: seed)
    var measurements = [measurement(network, probe: probe, heldOut: heldOut)]
    let trainer = Trainer(options: options, batchSeed: ActivationExperiment.batchSeed(for: seed))
    let history = trainer.train(
      &network, on: training, validation: validation, observe: observe,
      inspect: { trained, _ in
        measurements.append(measurement(trained, probe: probe, heldOut: heldOut))
      })
    return GradientTrackedResult(
      options: options, seed: seed, history: history, measurements: measurements,
      test: history.divergence == nil
        ? test.map { network.evaluate($0, scaled: options.scaledPixels) } : nil)
  }

  /// ‖dW‖ and mean slopes per layer on the probe batch; dead units and the rest of each
  /// hidden layer's activity on the held-out batch.
  private func measurement(_ network: Network, probe: Batch, heldOut: Batch)
    -> GradientMeasurement
  {
    // The batches come from the data set itself, so they fit the network; a failure here
    // is a bug in the caller.
    guard
      var measured = try? GradientFlow.measure(network, inputs: probe.inputs, labels: probe.labels)
    else { fatalError("GradientTrackedRun: the probe batch does not fit the network") }
    measured.heldOutActivity = GradientFlow.activity(network, inputs: heldOut.inputs)
    measured.deadUnitFractions = measured.heldOutActivity.map(\.deadFraction)
    return measured
  }
}

/// What a `GradientTrackedRun` recorded.
public struct GradientTrackedResult: Equatable, Sendable {
  /// The options it trained with.
  public var options: TrainingOptions
  /// Its seed.
  public var seed: UInt64
  /// The trainer's record: one row per epoch, and where it diverged if it did.
  public var history: TrainingHistory
  /// Index 0 at initialisation, index e after epoch e.
  public var measurements: [GradientMeasurement]
  /// The test images' loss and accuracy after training; nil without test images or when
  /// the run diverged.
  public var test: BatchResult? = nil

  /// True when the loss became NaN or infinite and training stopped.
  public var diverged: Bool { history.divergence != nil }

  /// Validation accuracy after the last epoch; nil when the run diverged.
  public var finalAccuracy: Double? {
    diverged ? nil : history.final?.validationAccuracy
  }
}
