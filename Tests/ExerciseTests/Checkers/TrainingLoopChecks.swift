import ExerciseSupport
import Foundation
import MNISTData
import NeuralKit
import TestSupport

/// The checks of exercise 05f: an epoch of training against NeuralKit's `Trainer` on the
/// same seed, and evaluation against `Network.evaluate`, on small learnable data sets.
///
/// `Trainer` keeps its Adam private: the expected m and v come from the same epoch replayed
/// with `Network.backpropagate` and `Adam.update` (`replay`), whose network a test proves
/// equal to the trainer's.
enum TrainingLoopChecks {
  /// A small learnable data set (TestSupport's quadrant images), brighter and noisier
  /// than the library tests'.
  static func quadrantImages(count: Int, seed: UInt64) -> LabeledImages {
    TestSupport.quadrantImages(count: count, seed: seed, bright: 150, noise: 100)
  }

  /// The learner's inputs: one row per image, pixel / 255 as NeuralKit's `fillBatch`.
  static func rows(_ images: LabeledImages) -> (inputs: [[Float]], labels: [Int]) {
    let width = images.pixelsPerImage
    let inputs = (0..<images.count).map { i in
      images.pixels[i * width..<(i + 1) * width].map { Float($0) / 255 }
    }
    return (inputs, images.labels.map { Int($0) })
  }

  // MARK: - trainEpoch

  /// A network, a data set and how to train it.
  struct EpochCase {
    var name: String
    var network: LearnerNetwork
    var images: LabeledImages
    var batchSize: Int
    var learningRate: Float
    var seed: UInt64
    var epochs: Int
  }

  /// 2 and 3 layers, partial last batches, every activation, several seeds; the last case
  /// trains two epochs in a row from the same generator.
  static let epochCases: [EpochCase] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 7)
    func make(
      _ name: String, _ sizes: [Int], _ activation: HiddenActivation, count: Int,
      batchSize: Int, learningRate: Float, seed: UInt64, epochs: Int = 1
    ) -> EpochCase {
      var network = generator.network(sizes, activation)
      network.layers = network.layers.map { layer in  // Glorot-sized, so training is sane
        let limit = Initializer.glorotUniform.limit(
          fanIn: layer.weights.count, fanOut: layer.bias.count)
        return LayerParameters(
          weights: layer.weights.map { $0.map { $0 * limit } }, bias: layer.bias.map { $0 / 5 })
      }
      return EpochCase(
        name: name, network: network, images: quadrantImages(count: count, seed: seed),
        batchSize: batchSize, learningRate: learningRate, seed: seed, epochs: epochs)
    }
    return [
      make(
        "16 → 5 → 4, 36 images in batches of 8 (the last of 4)", [16, 5, 4], .relu, count: 36,
        batchSize: 8, learningRate: 0.01, seed: 1),
      make(
        "3 layers, 30 images in batches of 7 (the last of 2)", [16, 6, 5, 4], .tanh, count: 30,
        batchSize: 7, learningRate: 0.005, seed: 2),
      make(
        "sigmoid, 24 images in one batch of 24", [16, 8, 4], .sigmoid, count: 24,
        batchSize: 24, learningRate: 0.02, seed: 3),
      make(
        "leaky ReLU, 20 images in batches of 6, two epochs in a row", [16, 5, 4],
        .leakyReLU(alpha: 0.1), count: 20, batchSize: 6, learningRate: 0.01, seed: 4, epochs: 2),
    ]
  }()

  /// What `trainEpoch` changes and returns (after the last epoch of a case).
  struct EpochResult {
    var network: LearnerNetwork
    var adam: AdamMemory
    var loss: Float
    var accuracy: Double
  }

  /// The epoch replayed step by step with NeuralKit: the network and Adam's m and v after
  /// it, and per batch of the last epoch its size, loss before and after its update, and
  /// how many it got right.
  struct Replay {
    var network: LearnerNetwork
    var adam: AdamMemory
    var batches: [(count: Int, loss: Float, lossAfter: Float, correct: Int)] = []
  }

  static func replay(_ c: EpochCase) -> Replay {
    var network = c.network.neuralKit
    var optimizer = Adam(learningRate: c.learningRate)
    var generator = SeededGenerator(seed: c.seed)
    var replay = Replay(network: c.network, adam: AdamMemory(startingFor: c.network))
    let (beta1, beta2) = (optimizer.beta1, optimizer.beta2)
    for _ in 1...c.epochs {
      replay.batches = []
      for batch in c.images.miniBatches(size: c.batchSize, generator: &generator) {
        let (inputs, labels) = c.images.batch(batch)
        let result = try! network.backpropagate(inputs: inputs, labels: labels)
        let g = result.gradients.map { LayerParameters(weights: $0.dW.rowArrays, bias: $0.db) }
        replay.adam.m = combineLayers(replay.adam.m, g) { m, g in beta1 * m + (1 - beta1) * g }
        replay.adam.v = combineLayers(replay.adam.v, g) { v, g in beta2 * v + (1 - beta2) * g * g }
        optimizer.update(&network.layers, with: result.gradients)
        let after = try! network.evaluate(inputs: inputs, labels: labels)
        replay.batches.append((batch.count, result.loss, after.loss, result.correct))
      }
    }
    replay.adam.step = optimizer.step
    replay.network = LearnerNetwork(network.layers, activation: c.network.activation)
    return replay
  }

  /// NeuralKit's `Trainer` on the case: the network and the last epoch's loss and
  /// accuracy; m, v and t from `replay`.
  static func reference(_ c: EpochCase) -> EpochResult {
    var options = TrainingOptions()
    options.optimizer = .adam
    options.learningRate = c.learningRate
    options.batchSize = c.batchSize
    options.epochs = c.epochs
    var network = c.network.neuralKit
    let history = Trainer(options: options, batchSeed: c.seed).train(
      &network, on: c.images, validation: quadrantImages(count: 4, seed: 99))
    let record = history.epochs.last!
    return EpochResult(
      network: LearnerNetwork(network.layers, activation: c.network.activation),
      adam: replay(c).adam, loss: record.trainLoss, accuracy: record.trainAccuracy)
  }

  /// Checks an epoch (or two): the loss, the accuracy, the network, then m, v and t.
  static func trainEpoch(
    _ yours: (
      inout LearnerNetwork, inout AdamMemory, [[Float]], [Int], Int, Float, inout SeededGenerator
    ) throws -> (loss: Float, accuracy: Double)
  ) -> CheckOutcome {
    checkCases(
      .trainEpoch, cases: epochCases,
      describe: { c in
        let repeats = c.epochs == 1 ? "" : ", \(c.epochs) calls in a row (epochs)"
        return "\(c.name)\nvar generator = SeededGenerator(seed: \(c.seed))\(repeats)\n"
          + "trainEpoch(&network (\(c.network.summary)), adam: &adam (step 0, m = v = 0),"
          + " inputs: (\(c.images.count) × 16), labels: …, batchSize: \(c.batchSize),"
          + " learningRate: \(c.learningRate), generator: &generator)"
      },
      yours: { c in
        var (network, adam) = (c.network, AdamMemory(startingFor: c.network))
        var generator = SeededGenerator(seed: c.seed)
        let (inputs, labels) = rows(c.images)
        var result: (loss: Float, accuracy: Double) = (0, 0)
        for _ in 1...c.epochs {
          result = try yours(
            &network, &adam, inputs, labels, c.batchSize, c.learningRate, &generator)
        }
        return EpochResult(
          network: network, adam: adam, loss: result.loss, accuracy: result.accuracy)
      },
      reference: reference,
      compare: { yours, expected in
        compareLossAndAccuracy(
          (yours.loss, yours.accuracy), (expected.loss, expected.accuracy))
          ?? compareTrainedState(
            (yours.network, yours.adam), (expected.network, expected.adam),
            parameters: .epochParameters, moments: .epochMoments)
      },
      hint: epochHint)
  }

  static func epochHint(_ c: EpochCase, _ output: EpochResult, _ expected: EpochResult)
    -> String?
  {
    let replay = replay(c)
    let batches = replay.batches
    let steps = expected.adam.step
    if output.adam.step == steps - c.epochs && c.images.count % c.batchSize != 0 {
      return "\(c.epochs) step\(c.epochs == 1 ? "" : "s") short: the last, shorter batch of"
        + " each epoch is trained too (miniBatches keeps it)"
    }
    if output.adam.step != steps {
      return "one adamStep per batch: \(batches.count) batches per epoch, so adam.step should"
        + " reach \(steps)"
    }
    if !isClose(output.loss, expected.loss, .trainingLoss) {
      let count = Float(c.images.count)
      let afterUpdate = batches.reduce(0) { $0 + $1.lossAfter * Float($1.count) } / count
      let unweighted = batches.reduce(0) { $0 + $1.loss } / Float(batches.count)
      let summed = batches.reduce(0) { $0 + $1.loss * Float($1.count) }
      if isClose(output.loss, afterUpdate, .trainingLoss) {
        return "that loss is measured after each update: take each batch's loss from the"
          + " forward pass you backpropagate, before adamStep"
      }
      if isClose(output.loss, unweighted, .trainingLoss) {
        return "the mean of the batch means weighs a short last batch like a full one: weigh"
          + " each batch's loss by its size, then divide by the number of images"
      }
      if isClose(output.loss, summed, .trainingLoss) {
        return "that is the sum over the images: divide by the number of images"
      }
      return "the loss is the mean cross-entropy over every image of the epoch, each measured"
        + " on its batch before that batch's update"
    }
    if output.accuracy != expected.accuracy {
      if abs(output.accuracy - 100 * expected.accuracy) < 1e-9 {
        return "accuracy is a fraction in [0, 1] (0.75), not a percentage (75)"
      }
      return "accuracy = right answers / images seen, each batch counted before its update;"
        + " a prediction is the class with the largest logit"
    }
    return "the network after the epoch differs: make sure each piece passes its own test"
      + " (initialNetwork … miniBatches), then call them in the order of the file's comment"
  }

  // MARK: - evaluate

  /// A network and a set of images to evaluate it on.
  struct EvaluateCase {
    var name: String
    var network: LearnerNetwork
    var inputs: [[Float]]
    var labels: [Int]
  }

  /// Trained-looking and random networks, every activation; a tie (every logit equal:
  /// the first class wins); 1 image and 37.
  static let evaluateCases: [EvaluateCase] = {
    var generator = SeededGenerator(seed: CheckSeeds.lesson05 &+ 8)
    func make(_ name: String, _ sizes: [Int], _ activation: HiddenActivation, count: Int)
      -> EvaluateCase
    {
      let (inputs, labels) = rows(quadrantImages(count: count, seed: UInt64(count)))
      return EvaluateCase(
        name: name, network: generator.network(sizes, activation), inputs: inputs, labels: labels)
    }
    var tie = make("a tie: every logit 0.5, so the first class wins", [16, 4], .relu, count: 8)
    tie.network.layers[0] = LayerParameters(
      weights: tie.network.layers[0].weights.map { $0.map { _ in 0 } }, bias: [0.5, 0.5, 0.5, 0.5])
    var trained = epochCases[0]
    trained.network = reference(trained).network
    return [
      EvaluateCase(
        name: "the network after epoch case 1, on its 36 images", network: trained.network,
        inputs: rows(trained.images).inputs, labels: rows(trained.images).labels),
      make("16 → 5 → 4, sigmoid, 20 images", [16, 5, 4], .sigmoid, count: 20),
      make("3 layers, tanh, 37 images", [16, 6, 5, 4], .tanh, count: 37),
      make("one image, leaky ReLU", [16, 3, 4], .leakyReLU(alpha: 0.1), count: 1),
      tie,
    ]
  }()

  /// Checks an evaluation: the loss, then the accuracy, then that nothing changed.
  static func evaluate(
    _ yours: (LearnerNetwork, [[Float]], [Int]) throws -> (
      loss: Float, accuracy: Double
    )
  ) -> CheckOutcome {
    checkCases(
      .evaluate, cases: evaluateCases,
      describe: { c in
        "\(c.name)\nevaluate(network (\(c.network.summary)), inputs: \(shapeText(c.inputs)),"
          + " labels: \(c.labels.count <= 12 ? "\(c.labels)" : "(\(c.labels.count))"))"
      },
      yours: { c in try yours(c.network, c.inputs, c.labels) },
      reference: { c in
        let result = try! c.network.neuralKit.evaluate(inputs: Matrix(c.inputs), labels: c.labels)
        return (result.loss, result.accuracy)
      },
      compare: { yours, expected in compareLossAndAccuracy(yours, expected) },
      hint: { c, output, expected in
        let count = Double(c.labels.count)
        if count > 1 && isClose(output.loss, expected.loss * Float(count), .trainingLoss) {
          return
            "that loss is the sum over the images: the loss is the mean, divide by their number"
        }
        if abs(output.accuracy - 100 * expected.accuracy) < 1e-9 && expected.accuracy > 0 {
          return "accuracy is a fraction in [0, 1] (0.75), not a percentage (75)"
        }
        if abs(output.accuracy - count * expected.accuracy) < 1e-9 && count > 1 {
          return "that is the number right: accuracy is right / number of images"
        }
        if c.name.hasPrefix("a tie") {
          return "on a tie the first largest logit wins (as argmax does): replace the best"
            + " only when a logit is strictly larger"
        }
        return nil
      })
  }
}

extension NamedTolerance {
  /// A mean loss: −log softmax summed in Float or Double, against NeuralKit's logSumExp − z
  /// summed in Double, differs by ~1e-7 per image; a wrong loss is off by 1e-2 or more.
  static let trainingLoss = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-5, relative: 1e-5),
    reason: "−log softmax and NeuralKit's logSumExp round differently")

  /// A fraction of right answers: weights equal up to rounding predict the same classes on
  /// these images (no logit is within rounding of a tie).
  static let countOfRight = NamedTolerance(
    tolerance: Tolerance(absolute: 0), reason: "a count of right answers over the images")

  /// Weights after a few Adam steps: each step moves them by about the learning rate;
  /// rounding in another order adds < 1e-6 per step; every mistake we know of moves them by
  /// a sizeable part of the learning rate (≥ 1e-3 here).
  static let epochParameters = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-5, relative: 1e-4),
    reason: "a few Adam steps rounded in another order", scale: "max|expected|")

  /// m and v after an epoch: gradients rounded in another order, ~1e-6 relative each step.
  static let epochMoments = NamedTolerance(
    tolerance: Tolerance(absolute: 1e-12, relative: 1e-4),
    reason: "gradients rounded in another order; v is tiny, so relative",
    scale: "max|expected|")
}
