import MNISTData
import NeuralKit

/// Lesson 07's experiment: how the gradient reaches each layer of 784 → L × 128 → 10
/// networks, at initialisation and during training, with Sigmoid, tanh, ReLU and Leaky
/// ReLU.
///
///     let experiment = GradientFlowExperiment(options: options, trainingSeeds: [1])
///     let initial = experiment.measureInitialGradients(probe: probe)    // part 1
///     let deep = experiment.deepConfigurations.map {                    // parts 2 to 5
///       experiment.train($0, on: training, validation: validation, probe: probe,
///                        heldOut: heldOut, test: test)
///     }
///     let sweep = experiment.learningRateSweep.run(                     // part 6
///       on: training, validation: validation, test: test)
///
/// Every choice (the best learning rate) is made on the validation images; the test images
/// are evaluated once per trained network, after training.
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
  public var activations: [Activation] = [.sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.01)]
  /// Plain SGD's rate for the deep runs (what the source post's notebook used).
  public var sgdRate: Float = 0.01
  /// Adam's rate for the deep runs (Keras' default).
  public var adamRate: Float = 0.001
  /// Adam's ε in the extra deep Sigmoid run: far below the ~1e-9 per-weight gradients of
  /// its first layer, where Keras' 1e-7 is far above them.
  public var smallEpsilon: Float = 1e-10
  /// Glorot's limit times this in the extra deep Sigmoid runs: σ′(0) · 4 = 1.
  public var sigmoidWeightScale: Float = 4
  /// The activations of the learning-rate sweep.
  public var sweepActivations: [Activation] = [.relu, .sigmoid, .tanh]
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
  /// weights, SGD and Adam; Sigmoid with Adam's ε at `smallEpsilon`; Sigmoid with
  /// `sigmoidWeightScale` × Glorot's limit, SGD and Adam.
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
    for activation in activations where [.relu, .leakyReLU(alpha: 0.01)].contains(activation) {
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
    if activations.contains(.sigmoid) {
      configurations.append(
        DeepConfiguration(
          activation: .sigmoid, optimizer: .adam, learningRate: adamRate,
          initializer: .glorotUniform, adamEpsilon: smallEpsilon))
      for optimizer in [OptimizerChoice.sgd, .adam] {
        configurations.append(
          DeepConfiguration(
            activation: .sigmoid, optimizer: optimizer, learningRate: baseRate(optimizer),
            initializer: .scaledGlorotUniform(factor: sigmoidWeightScale)))
      }
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
    test: LabeledImages? = nil, observe: (TrainingEvent) -> Void = { _ in }
  ) -> DeepRun {
    var options = self.options
    options.hiddenLayers = Array(repeating: width, count: deepest)
    options.activation = configuration.activation
    options.optimizer = configuration.optimizer
    options.learningRate = configuration.learningRate
    options.initializer = configuration.initializer
    if let epsilon = configuration.adamEpsilon { options.adamEpsilon = epsilon }
    let results = trainingSeeds.map { seed in
      GradientTrackedRun(options: options, seed: seed).train(
        on: training, validation: validation, probe: probe, heldOut: heldOut, test: test,
        observe: observe)
    }
    return DeepRun(configuration: configuration, results: results)
  }

  /// The sweep: ReLU, Sigmoid and tanh, Adam and SGD, every rate, on 784 → 128 → 10.
  public var learningRateSweep: LearningRateSweep {
    var options = self.options
    options.hiddenLayers = [width]
    options.epochs = sweepEpochs
    return LearningRateSweep(
      options: options, activations: sweepActivations, optimizers: [.adam, .sgd],
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

  /// The mean slope of layers 2 … L − 1 over the seeds; nil with fewer than three hidden
  /// layers.
  public var meanSlope: Summary? {
    let values = measurements.compactMap(\.hiddenLayerMeanSlope)
    return values.isEmpty ? nil : Summary(values)
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
  /// Adam's ε when not Keras' 1e-7; nil: the default.
  public var adamEpsilon: Float?

  /// A configuration of given values.
  public init(
    activation: Activation, optimizer: OptimizerChoice, learningRate: Float,
    initializer: Initializer, adamEpsilon: Float? = nil
  ) {
    self.activation = activation
    self.optimizer = optimizer
    self.learningRate = learningRate
    self.initializer = initializer
    self.adamEpsilon = adamEpsilon
  }

  /// `ReLU, sgd 0.01, he-uniform` (the weights only when not Glorot, ε only when set).
  public var label: String {
    "\(activation.displayName), \(optimizer.rawValue) \(GradientFlowReport.rate(learningRate))"
      + (adamEpsilon.map { ", ε \(GradientFlowReport.rate($0))" } ?? "")
      + (initializer == .glorotUniform ? "" : ", \(initializer)")
  }

  /// The network column of the tables: `Sigmoid`, `ReLU He`, `Sigmoid 4×Glorot`.
  public var networkName: String {
    switch initializer {
    case .glorotUniform: return activation.displayName
    case .heUniform: return activation.displayName + " He"
    case .scaledGlorotUniform(let factor):
      return activation.displayName + " \(GradientFlowReport.rate(factor))×Glorot"
    default: return activation.displayName + " \(initializer)"
    }
  }

  /// The optimizer column of the tables: `adam 0.001`, `adam 0.001 ε1e-10`.
  public var optimizerName: String {
    "\(optimizer.rawValue) \(GradientFlowReport.rate(learningRate))"
      + (adamEpsilon.map { " ε\(GradientFlowReport.rate($0))" } ?? "")
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

  /// Test accuracy over the seeds that have one; nil if none has.
  public var testAccuracy: Summary? {
    let values = results.compactMap { $0.test?.accuracy }
    return values.isEmpty ? nil : Summary(values)
  }
}
