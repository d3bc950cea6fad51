import Dispatch
import MNISTData

/// Trains a network on a data set, epoch after epoch, and records what happened.
///
///     var network = Network(layerSizes: [784, 128, 10], hiddenActivation: .relu, seed: 1)
///     let history = Trainer(options: options, batchSeed: 1).train(
///       &network, on: dataset.train, validation: dataset.test) { event in print(event) }
///
/// Each epoch visits every training image once, in an order drawn from `batchSeed`, in
/// mini-batches of `options.batchSize` (the last one smaller when the count does not
/// divide). After each epoch the whole validation split is evaluated. Two trainers with
/// the same seed present the same batches in the same order, whatever the network: that
/// is what makes lesson 06's comparison controlled.
///
/// Training that diverges (the loss becomes NaN or infinite) stops; the history says at
/// which step, and the network keeps its last finite weights.
public struct Trainer: Sendable {
  /// How to train.
  public var options: TrainingOptions
  /// Seeds the batch order (not the weights: the network brings its own).
  public var batchSeed: UInt64

  /// A trainer that runs `options`, in batch orders drawn from `batchSeed`.
  public init(options: TrainingOptions, batchSeed: UInt64) {
    self.options = options
    self.batchSeed = batchSeed
  }

  /// Trains `network` in place; `observe` sees every step, evaluation and epoch.
  /// `inspect` sees the network itself after each finished epoch (lesson 07 measures its
  /// gradients there); it cannot change it.
  public func train(
    _ network: inout Network, on training: LabeledImages, validation: LabeledImages,
    observe: (TrainingEvent) -> Void = { _ in },
    inspect: (Network, EpochRecord) -> Void = { _, _ in }
  ) -> TrainingHistory {
    var optimizer = options.makeOptimizer()
    var generator = SeededGenerator(seed: batchSeed)
    var history = TrainingHistory()
    var step = 0
    let stepsPerEpoch = (training.count + options.batchSize - 1) / options.batchSize
    var inputs = Matrix(rows: options.batchSize, columns: training.pixelsPerImage)
    var labels: [Int] = []
    for epoch in 1...max(1, options.epochs) {
      let start = DispatchTime.now().uptimeNanoseconds
      var running = RunningMetrics()
      // lesson: training-loop
      for batch in training.miniBatches(size: options.batchSize, generator: &generator) {
        if inputs.rows != batch.count {
          inputs = Matrix(rows: batch.count, columns: training.pixelsPerImage)
        }
        training.fillBatch(batch, into: &inputs, labels: &labels, scaled: options.scaledPixels)
        step += 1
        do {
          let result = try network.trainStep(inputs: inputs, labels: labels, optimizer: &optimizer)
          running.add(result)
        } catch {
          history.divergence = Divergence(step: step, epoch: epoch, error: error)
          observe(.diverged(history.divergence!))
          return history
        }
        // end lesson
        observe(
          .step(
            StepProgress(
              epoch: epoch, epochs: options.epochs, stepInEpoch: step - (epoch - 1) * stepsPerEpoch,
              stepsPerEpoch: stepsPerEpoch, runningLoss: running.loss,
              runningAccuracy: running.accuracy,
              secondsInEpoch: secondsSince(start), imagesInEpoch: running.count)))
        if epoch == 1, let every = options.evaluateEvery, step % every == 0,
          step < stepsPerEpoch
        {
          let point = evaluationPoint(network, validation, step: step, stepsPerEpoch: stepsPerEpoch)
          history.evaluations.append(point)
          observe(.evaluated(point))
        }
      }
      let seconds = secondsSince(start)
      let validationResult = network.evaluate(validation, scaled: options.scaledPixels)
      let point = EvaluationPoint(
        step: step, epochs: Double(epoch), loss: validationResult.loss,
        accuracy: validationResult.accuracy)
      history.evaluations.append(point)
      let record = EpochRecord(
        epoch: epoch, step: step, trainLoss: running.loss, trainAccuracy: running.accuracy,
        validationLoss: validationResult.loss, validationAccuracy: validationResult.accuracy,
        seconds: seconds)
      history.epochs.append(record)
      observe(.epochFinished(record))
      inspect(network, record)
    }
    return history
  }

  private func evaluationPoint(
    _ network: Network, _ validation: LabeledImages, step: Int, stepsPerEpoch: Int
  ) -> EvaluationPoint {
    let result = network.evaluate(validation, scaled: options.scaledPixels)
    return EvaluationPoint(
      step: step, epochs: Double(step) / Double(stepsPerEpoch), loss: result.loss,
      accuracy: result.accuracy)
  }
}

/// Seconds since a `DispatchTime` reading in nanoseconds.
///
///     let start = DispatchTime.now().uptimeNanoseconds
///     …
///     print(fixed(secondsSince(start), 1), "s")
public func secondsSince(_ start: UInt64) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Mean loss and accuracy over the batches of an epoch so far, weighted by batch size:
/// the "training loss" and "training accuracy" Keras prints for an epoch.
struct RunningMetrics {
  private var lossSum: Double = 0
  private var correct = 0
  private(set) var count = 0

  mutating func add(_ result: BatchResult) {
    lossSum += Double(result.loss) * Double(result.count)
    correct += result.correct
    count += result.count
  }

  var loss: Float { count == 0 ? 0 : Float(lossSum / Double(count)) }
  var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }
}

extension Network {
  /// Mean loss and accuracy on a whole split, 1,000 images at a time.
  public func evaluate(_ images: LabeledImages, scaled: Bool = true) -> BatchResult {
    evaluateInBatches(images, scaled: scaled).result
  }

  /// The predicted class of every image of a split.
  public func predictions(_ images: LabeledImages, scaled: Bool = true) -> [Int] {
    evaluateInBatches(images, scaled: scaled).predictions
  }

  private func evaluateInBatches(_ images: LabeledImages, scaled: Bool) -> (
    result: BatchResult, predictions: [Int]
  ) {
    evaluateInBatches(count: images.count, batchSize: 1000) { range, batch, labels in
      if batch.rows != range.count {
        batch = Matrix(rows: range.count, columns: images.pixelsPerImage)
      }
      images.fillBatch(Array(range), into: &batch, labels: &labels, scaled: scaled)
    }
  }
}
