import MNISTData
import NeuralKit

/// Lesson 07's experiment: how the gradient reaches each layer of 784 → L × 128 → 10
/// networks, at initialisation and during training, with Sigmoid, ReLU and Leaky ReLU.
///
///     let experiment = GradientFlowExperiment(options: options, trainingSeeds: [1])
///     let initial = experiment.measureInitialGradients(probe: probe)    // parts 1 and 4
///     let deep = experiment.deepConfigurations.map {                    // parts 2 to 4
///       experiment.train($0, on: training, validation: validation, probe: probe,
///                        heldOut: heldOut)
///     }
///     let sweep = experiment.learningRateSweep.run(on: training, validation: validation)
///
/// Controlled as lesson 06 is: one seed draws the weights before the activation plays any
/// part, so every activation starts from the same weights, and sees the same batches.
public struct GradientFlowExperiment: Sendable {
  /// Batch size, epochs of the deep runs, pixel scaling; the rest is set per run.
  public var options: TrainingOptions
  /// The numbers of hidden layers measured at initialisation; the deepest is trained.
  public var depths = [2, 5, 10]
  /// Units per hidden layer.
  public var width = 128
  /// Seeds of the measurements at initialisation (cheap, so several).
  public var initialSeeds: [UInt64] = [1, 2, 3, 4, 5]
  /// Seeds of every training run.
  public var trainingSeeds: [UInt64]
  /// The activations compared.
  public var activations: [Activation] = [.sigmoid, .relu, .leakyReLU(alpha: 0.01)]
  /// Plain SGD's rate for the deep runs (what the source post's notebook used).
  public var sgdRate: Float = 0.01
  /// Adam's rate for the deep runs (Keras' default).
  public var adamRate: Float = 0.001
  /// The rates of the sweep on 784 → 128 → 10.
  public var learningRates: [Float] = [0.0001, 0.001, 0.01, 0.1, 1]
  /// Epochs of each sweep run: at most 2, so the default run stays under 3 minutes.
  public var sweepEpochs: Int { min(options.epochs, 2) }

  /// An experiment with the default sizes, training with `options` and `trainingSeeds`.
  public init(options: TrainingOptions, trainingSeeds: [UInt64]) {
    self.options = options
    self.trainingSeeds = trainingSeeds
  }

  /// The deepest network, the one trained.
  public var deepest: Int { depths.max() ?? 1 }

  /// ‖dW‖ per layer and dead units on one batch for every depth and activation with Glorot
  /// weights, and for ReLU with He weights too, one measurement per initial seed.
  public func measureInitialGradients(probe: GradientTrackedRun.Batch) -> [InitialGradients] {
    var results: [InitialGradients] = []
    for depth in depths {
      for initializer in [Initializer.glorotUniform, .heUniform] {
        for activation in activations where initializer == .glorotUniform || activation == .relu {
          // lesson: initial-gradients
          // Same seed → same weights for every activation; same probe batch for all.
          let measurements = initialSeeds.map { seed in
            let network = Network(
              layerSizes: [probe.inputs.columns] + Array(repeating: width, count: depth) + [10],
              hiddenActivation: activation, initializer: initializer, seed: seed)
            return try! GradientFlow.measure(network, inputs: probe.inputs, labels: probe.labels)
          }
          // end lesson
          results.append(
            InitialGradients(
              depth: depth, activation: activation, initializer: initializer,
              measurements: measurements))
        }
      }
    }
    return results
  }

  /// The deep runs, in the order they are trained: each activation with SGD, then with
  /// Adam; ReLU and Leaky ReLU with Adam at ten times the rate (dead units); ReLU with He
  /// weights, SGD and Adam.
  public var deepConfigurations: [DeepConfiguration] {
    var configurations: [DeepConfiguration] = []
    for optimizer in [OptimizerChoice.sgd, .adam] {
      for activation in activations {
        configurations.append(
          DeepConfiguration(
            activation: activation, optimizer: optimizer, learningRate: baseRate(optimizer),
            initializer: .glorotUniform))
      }
    }
    for activation in activations where activation != .sigmoid {
      configurations.append(
        DeepConfiguration(
          activation: activation, optimizer: .adam, learningRate: adamRate * 10,
          initializer: .glorotUniform))
    }
    for optimizer in [OptimizerChoice.sgd, .adam] {
      configurations.append(
        DeepConfiguration(
          activation: .relu, optimizer: optimizer, learningRate: baseRate(optimizer),
          initializer: .heUniform))
    }
    return configurations
  }

  /// The deep runs' rate for `optimizer`.
  public func baseRate(_ optimizer: OptimizerChoice) -> Float {
    optimizer == .sgd ? sgdRate : adamRate
  }

  /// Trains the deepest network as `configuration` says, once per training seed.
  public func train(
    _ configuration: DeepConfiguration, on training: LabeledImages, validation: LabeledImages,
    probe: GradientTrackedRun.Batch, heldOut: GradientTrackedRun.Batch,
    observe: (TrainingEvent) -> Void = { _ in }
  ) -> DeepRun {
    var options = self.options
    options.hiddenLayers = Array(repeating: width, count: deepest)
    options.activation = configuration.activation
    options.optimizer = configuration.optimizer
    options.learningRate = configuration.learningRate
    options.initializer = configuration.initializer
    let results = trainingSeeds.map { seed in
      GradientTrackedRun(options: options, seed: seed).train(
        on: training, validation: validation, probe: probe, heldOut: heldOut, observe: observe)
    }
    return DeepRun(configuration: configuration, results: results)
  }

  /// The sweep: ReLU and Sigmoid, Adam and SGD, every rate, on 784 → 128 → 10.
  public var learningRateSweep: LearningRateSweep {
    var options = self.options
    options.hiddenLayers = [width]
    options.epochs = sweepEpochs
    return LearningRateSweep(
      options: options, activations: [.relu, .sigmoid], optimizers: [.adam, .sgd],
      learningRates: learningRates, seeds: trainingSeeds)
  }
}

/// One depth, activation and initializer at initialisation, one measurement per seed.
public struct InitialGradients: Equatable, Sendable {
  /// Hidden layers.
  public var depth: Int
  /// Hidden activation.
  public var activation: Activation
  /// How the weights were drawn.
  public var initializer: Initializer
  /// One per seed.
  public var measurements: [GradientMeasurement]

  /// Mean ‖dW‖ per layer over the seeds.
  public var meanNorms: [Double] {
    measurements[0].weightGradientNorms.indices.map { layer in
      Summary(measurements.map { $0.weightGradientNorms[layer] }).mean
    }
  }

  /// The layer-to-layer ratio over the seeds; nil with fewer than three hidden layers.
  public var ratio: Summary? {
    let values = measurements.compactMap(\.hiddenLayerRatio)
    return values.isEmpty ? nil : Summary(values)
  }

  /// ‖dW₁‖ / ‖dW_L‖ over the seeds.
  public var firstToLast: Summary { Summary(measurements.map(\.firstToLastHidden)) }
}

/// What one deep run changes: activation, optimizer, rate and weights.
public struct DeepConfiguration: Equatable, Sendable {
  /// Hidden activation.
  public var activation: Activation
  /// Optimizer.
  public var optimizer: OptimizerChoice
  /// Its rate.
  public var learningRate: Float
  /// How the weights are drawn.
  public var initializer: Initializer

  /// A configuration of given values.
  public init(
    activation: Activation, optimizer: OptimizerChoice, learningRate: Float,
    initializer: Initializer
  ) {
    self.activation = activation
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.initializer = initializer
  }

  /// `ReLU, sgd 0.01, he-uniform` (the weights only when not Glorot).
  public var label: String {
    "\(activation.displayName), \(optimizer.rawValue) \(GradientFlowReport.rate(learningRate))"
      + (initializer == .glorotUniform ? "" : ", \(initializer)")
  }
}

/// One deep configuration trained once per seed.
public struct DeepRun: Equatable, Sendable {
  /// What was trained.
  public var configuration: DeepConfiguration
  /// One result per training seed.
  public var results: [GradientTrackedResult]

  /// Final validation accuracy over the seeds that did not diverge; nil if all did.
  public var accuracy: Summary? {
    let values = results.compactMap(\.finalAccuracy)
    return values.isEmpty ? nil : Summary(values)
  }
}
