/// What a training run recorded: one row per epoch, the validation points (more of them in
/// the first epoch with `evaluateEvery`), and where it diverged if it did.
public struct TrainingHistory: Equatable, Sendable {
  /// One record per finished epoch.
  public var epochs: [EpochRecord] = []
  /// Validation measurements, in order of step: within the first epoch and at each
  /// epoch's end.
  public var evaluations: [EvaluationPoint] = []
  /// Set when the loss became NaN or infinite and training stopped.
  public var divergence: Divergence?

  /// An empty history.
  public init() {}

  /// The first validation point with accuracy ≥ `threshold`, if any.
  public func firstReaching(accuracy threshold: Double) -> EvaluationPoint? {
    evaluations.first { $0.accuracy >= threshold }
  }

  /// The last epoch's record.
  public var final: EpochRecord? { epochs.last }
}

/// One epoch's numbers.
public struct EpochRecord: Equatable, Sendable {
  /// 1 for the first epoch.
  public var epoch: Int
  /// Optimizer steps taken so far in the run.
  public var step: Int
  /// Mean loss over the epoch's batches, as Keras reports it (the weights change while
  /// it is measured).
  public var trainLoss: Float
  /// Accuracy over the epoch's batches, measured the same way.
  public var trainAccuracy: Double
  /// Mean loss on the validation split after the epoch.
  public var validationLoss: Float
  /// Accuracy on the validation split after the epoch.
  public var validationAccuracy: Double
  /// Training time of the epoch (not counting validation).
  public var seconds: Double
}

/// Validation loss and accuracy at one moment of training.
public struct EvaluationPoint: Equatable, Sendable {
  /// Optimizer steps taken.
  public var step: Int
  /// The same moment in epochs (0.5 = halfway through the first).
  public var epochs: Double
  /// Mean validation loss.
  public var loss: Float
  /// Validation accuracy.
  public var accuracy: Double
}

/// Where a run diverged.
public struct Divergence: Equatable, Sendable {
  /// The step whose loss was not finite.
  public var step: Int
  /// The epoch it was in.
  public var epoch: Int
  /// The error's message, with advice.
  public var message: String

  /// Where a run stopped, with `error`'s message (naming the step for a non-finite loss).
  public init(step: Int, epoch: Int, error: any Error) {
    self.step = step
    self.epoch = epoch
    if case NeuralKitError.nonFiniteLoss(let loss, _) = error {
      message = NeuralKitError.nonFiniteLoss(loss: loss, step: step).description
    } else {
      message = "\(error)"
    }
  }
}

/// What `Trainer.train` reports as it goes.
public enum TrainingEvent: Sendable {
  /// A step finished.
  case step(StepProgress)
  /// Validation was measured within the first epoch.
  case evaluated(EvaluationPoint)
  /// An epoch finished and was evaluated.
  case epochFinished(EpochRecord)
  /// The loss was not finite; training stopped.
  case diverged(Divergence)
}

/// Where training is within an epoch, for progress bars.
public struct StepProgress: Sendable {
  /// The current epoch, from 1.
  public var epoch: Int
  /// Epochs in the run.
  public var epochs: Int
  /// Steps done in this epoch, from 1.
  public var stepInEpoch: Int
  /// Steps in a whole epoch.
  public var stepsPerEpoch: Int
  /// Mean loss over this epoch's batches so far.
  public var runningLoss: Float
  /// Accuracy over this epoch's batches so far.
  public var runningAccuracy: Double
  /// Training time of this epoch so far.
  public var secondsInEpoch: Double
  /// Images seen in this epoch so far.
  public var imagesInEpoch: Int
}
