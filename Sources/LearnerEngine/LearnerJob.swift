import ExerciseSupport
import Foundation
import MNISTData
import NeuralKit

/// What the learner's network is to do, as the lesson decided it: the data, the layers,
/// the runs (one per seed and activation), and how to train. The parent process hands it
/// to the child as JSON in an environment variable.
///
///     LearnerJob(dataset: .mnist, dataFolder: located.source.folder, trainingCount: 10_000,
///                testCount: 2_000, hiddenLayers: [128], activations: [.relu], seeds: [1],
///                epochs: 5, batchSize: 32, learningRate: 0.001, scaledPixels: true)
public struct LearnerJob: Codable, Equatable, Sendable {
  /// The data set, by its folder name (`mnist`).
  public var dataset: String
  /// The folder its four files were found in.
  public var dataFolder: String
  /// The first this-many training images are trained on.
  public var trainingCount: Int
  /// The first this-many test images are evaluated.
  public var testCount: Int
  /// Hidden layer sizes: `[128]`.
  public var hiddenLayers: [Int]
  /// One run per activation (per seed), in this order.
  public var activations: [Activation]
  /// The seeds: weights from `SeededGenerator(seed:)`, batches from the lessons' batch seed.
  public var seeds: [UInt64]
  /// Epochs per run.
  public var epochs: Int
  /// Images per Adam step.
  public var batchSize: Int
  /// Adam's step size.
  public var learningRate: Float
  /// Pixels divided by 255.
  public var scaledPixels: Bool
  /// Also evaluate on the whole training set after the last epoch (lesson 06's table).
  public var evaluatesTrainingSet = false

  /// A job; see the type's example.
  public init(
    dataset: DatasetKind, dataFolder: String, trainingCount: Int, testCount: Int,
    hiddenLayers: [Int], activations: [Activation], seeds: [UInt64], epochs: Int,
    batchSize: Int, learningRate: Float, scaledPixels: Bool
  ) {
    self.dataset = dataset.rawValue
    self.dataFolder = dataFolder
    self.trainingCount = trainingCount
    self.testCount = testCount
    self.hiddenLayers = hiddenLayers
    self.activations = activations
    self.seeds = seeds
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.scaledPixels = scaledPixels
  }

  /// The job of training like `options` on every training image of `dataset` and
  /// evaluating its test images, once per activation and seed: what NeuralKit's reference
  /// runs beside it.
  public init(
    _ options: TrainingOptions, on dataset: Dataset, dataFolder: String,
    activations: [Activation], seeds: [UInt64]
  ) {
    self.init(
      dataset: dataset.kind, dataFolder: dataFolder, trainingCount: dataset.train.count,
      testCount: dataset.test.count, hiddenLayers: options.hiddenLayers,
      activations: activations, seeds: seeds, epochs: options.epochs,
      batchSize: options.batchSize, learningRate: options.learningRate,
      scaledPixels: options.scaledPixels)
  }

  /// The layer sizes for images of `inputs` pixels and `classes` classes.
  func layerSizes(inputs: Int, classes: Int) -> [Int] { [inputs] + hiddenLayers + [classes] }
}

/// NeuralKit's activation as the learner's network names it.
extension HiddenActivation {
  init(_ activation: Activation) {
    switch activation {
    case .sigmoid: self = .sigmoid
    case .leakyReLU(let alpha): self = .leakyReLU(alpha: alpha)
    case .tanh: self = .tanh
    case .relu, .identity: self = .relu
    }
  }
}

extension Activation: Codable {
  /// `relu`, `sigmoid`, `tanh`, `leaky-relu:0.01`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    switch text {
    case "relu": self = .relu
    case "sigmoid": self = .sigmoid
    case "tanh": self = .tanh
    case "identity": self = .identity
    default:
      guard text.hasPrefix("leaky-relu:"), let alpha = Float(text.dropFirst(11)) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "unknown activation \(text)"))
      }
      self = .leakyReLU(alpha: alpha)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .relu: try container.encode("relu")
    case .sigmoid: try container.encode("sigmoid")
    case .tanh: try container.encode("tanh")
    case .identity: try container.encode("identity")
    case .leakyReLU(let alpha): try container.encode("leaky-relu:\(alpha)")
    }
  }
}

/// One epoch of one run of the learner's network.
public struct LearnerEpoch: Codable, Equatable, Sendable {
  /// Which run: the index into seeds × activations (seed-major).
  public var run: Int
  /// 1, 2, …
  public var epoch: Int
  /// `trainEpoch`'s mean loss and accuracy over the epoch.
  public var trainLoss: Float
  public var trainAccuracy: Double
  /// `evaluate` on the test images after the epoch.
  public var testLoss: Float
  public var testAccuracy: Double
  /// Seconds in `trainEpoch`.
  public var seconds: Double
}

/// What the child tells the parent, one line each after `ChildMessage.marker`.
enum ChildMessage: Codable, Sendable {
  /// About to call the learner's `function`: `call` says how; the parent stops the child
  /// if it has not returned within `secondsAllowed`.
  case calling(LearnerFunction, call: String, secondsAllowed: Double)
  /// Every function answered its first call; waiting for "go" on standard input.
  case ready
  /// An epoch finished.
  case epoch(LearnerEpoch)
  /// A run ended: on the whole training set (when asked) after its last epoch.
  case runFinished(run: Int, trainLoss: Float?, trainAccuracy: Double?)
  /// The learner's code gave something the run cannot use.
  case problem(LearnerProblem)
  /// The run could not go on for a reason not in the learner's code (the data).
  case failed(String)
  /// Every run finished.
  case done

  /// Starts each message line, so that what the learner's code prints is told apart.
  static let marker = "\u{1E}learner-engine:"

  /// The line the child writes.
  var line: String {
    let json = String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    return Self.marker + json
  }

  /// The message in a line, if it is one.
  init?(line: Substring) {
    guard let range = line.range(of: Self.marker),
      let message = try? JSONDecoder().decode(
        ChildMessage.self, from: Data(line[range.upperBound...].utf8))
    else { return nil }
    self = message
  }
}
