/// Everything that decides a training run, so a run is one value and an experiment
/// changes one field at a time.
///
///     var options = TrainingOptions()          // 784 → 128 (relu) → 10, Adam 0.001,
///                                              // batch 32, 10 epochs, pixels in [0, 1]
///     options.activation = .sigmoid            // the one thing lesson 06 changes
public struct TrainingOptions: Equatable, Sendable {
  /// Hidden layer sizes: `[128]` is one hidden layer of 128 units, `[128, 128]` two.
  public var hiddenLayers: [Int] = [128]
  /// The hidden layers' activation.
  public var activation: Activation = .relu
  /// How the starting weights are drawn.
  public var initializer: Initializer = .glorotUniform
  /// Which optimizer takes the steps.
  public var optimizer: OptimizerChoice = .adam
  /// Its step size.
  public var learningRate: Float = 0.001
  /// Adam's ε, added to √v (Keras' 1e-7); lesson 07 tries 1e-10 for gradients of ~1e-9.
  public var adamEpsilon: Float = 1e-7
  /// Examples per step.
  public var batchSize = 32
  /// Passes over the training data.
  public var epochs = 10
  /// Pixels divided by 255 (true) or fed raw, 0–255 (false).
  public var scaledPixels = true
  /// Also measure validation every this many steps of the first epoch (nil: only at the
  /// end of each epoch). The first epoch is where activations differ most.
  public var evaluateEvery: Int? = nil

  /// The defaults: the source post's model and Keras' Adam, batch 32, 10 epochs.
  public init() {}

  /// The layer sizes for images of `inputs` pixels and `classes` classes:
  /// `[784, 128, 10]`.
  public func layerSizes(inputs: Int, classes: Int) -> [Int] {
    [inputs] + hiddenLayers + [classes]
  }

  /// A fresh optimizer of the chosen kind.
  public func makeOptimizer() -> any Optimizer {
    switch optimizer {
    case .adam: return Adam(learningRate: learningRate, epsilon: adamEpsilon)
    case .sgd: return SGD(learningRate: learningRate)
    }
  }
}

/// The optimizers a run can use.
public enum OptimizerChoice: String, CaseIterable, Equatable, Sendable {
  /// `Adam`, Keras' defaults but for the learning rate.
  case adam
  /// Plain `SGD`, no momentum.
  case sgd
}
