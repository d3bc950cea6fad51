import MNISTData
import NeuralKit

/// The flags of the training lessons, declared once; each lesson lists those it takes
/// (and may reword one's help with `withHelp`). `--help` shows each with its default:
///
///     --dataset mnist|fashion-mnist   the data set to train on (default mnist)
///     --epochs N                      passes over the training set (default 5)
///     --batch-size N                  images per step (default 32)
///     --learning-rate X               the step size (default 0.001)
///     --optimizer adam|sgd            the optimizer (default adam)
///     --hidden N[,N…]                 hidden layer sizes: … (default 128)
///     --activation relu|sigmoid|tanh|leaky-relu    --pixels scaled|raw
///     --split holdout|test-as-validation|combined-80-20   --eval-every STEPS
///     --seed N    --seeds N|A,B,C    --data-dir DIR    --out DIR
///     --engine neuralkit|yours        whose network trains (default neuralkit)
extension Flag where Settings == TrainingArguments {
  /// `--dataset mnist|fashion-mnist`: one data set.
  public static var dataset: Flag {
    .value(
      "dataset", .oneOf(["mnist": [.mnist], "fashion-mnist": [.fashionMNIST]]),
      help: "the data set to train on", at: \.datasets)
  }

  /// `--dataset mnist|fashion-mnist|both`: one data set or both, in that order.
  public static var datasets: Flag {
    .value(
      "dataset",
      .oneOf(["mnist": [.mnist], "fashion-mnist": [.fashionMNIST], "both": DatasetKind.allCases]),
      help: "the data sets to run on", at: \.datasets)
  }

  /// `--epochs N`, 1 to 1000.
  public static var epochs: Flag {
    .value(
      "epochs", .wholeNumber(in: 1...1000, example: 5), help: "passes over the training set",
      at: \.options.epochs)
  }

  /// `--batch-size N`, 1 to 100 000.
  public static var batchSize: Flag {
    .value(
      "batch-size", .wholeNumber(in: 1...100_000, example: 32), help: "images per step",
      at: \.options.batchSize)
  }

  /// `--learning-rate X`, above 0.
  public static var learningRate: Flag {
    .value(
      "learning-rate", .positiveNumber(example: 0.001), help: "the step size",
      at: \.options.learningRate)
  }

  /// `--optimizer adam|sgd`.
  public static var optimizer: Flag {
    .value("optimizer", .oneOfCases, help: "the optimizer", at: \.options.optimizer)
  }

  /// `--hidden 128` or `--hidden 128,128`: the hidden layers' sizes.
  public static var hidden: Flag {
    .value(
      "hidden", .wholeNumbers(in: 1...10_000, example: "128,128"),
      help: "hidden layer sizes: 128 is one layer of 128 units, 128,128 two",
      at: \.options.hiddenLayers)
  }

  /// `--activation relu|sigmoid|tanh|leaky-relu` (Leaky ReLU with α = 0.01).
  public static var activation: Flag {
    .value(
      "activation", .oneOf(Activation.flagNames), help: "the hidden layers' activation",
      at: \.options.activation)
  }

  /// `--pixels scaled|raw`: inputs in [0, 1] or 0…255.
  public static var pixels: Flag {
    .value(
      "pixels", .oneOf(["scaled": true, "raw": false]),
      help: "scaled: inputs in [0, 1]; raw: 0…255", at: \.options.scaledPixels)
  }

  /// `--split holdout|test-as-validation|combined-80-20`.
  public static var split: Flag {
    .value(
      "split", .oneOfCases,
      help: "holdout: validate on 10% of the training images, test once at the end;"
        + " test-as-validation: validate on the test images (Keras' tutorials);"
        + " combined-80-20: training and test images pooled and split 80/20",
      at: \.split)
  }

  /// `--eval-every STEPS`: also validate within the first epoch; 0 for epoch ends only.
  public static var evaluateEvery: Flag {
    .value(
      "eval-every",
      FlagValue.wholeNumber(atLeast: 0, example: 200, placeholder: "STEPS")
        .map({ $0 == 0 ? nil : $0 }, back: { $0 ?? 0 }),
      help: "also validate every STEPS steps of the first epoch; 0 for epoch ends only",
      at: \.options.evaluateEvery)
  }

  /// `--seed N`: one seed for the weights and the batch order.
  public static var seed: Flag {
    .value(
      "seed", FlagValue.seed.map({ [$0] }, back: { $0.first ?? 0 }),
      help: "the seed of the weights and the batch order", at: \.seeds)
  }

  /// `--seeds 3` (seeds 1, 2, 3) or `--seeds 4,8,15`: several runs, one per seed.
  public static var seeds: Flag {
    let seeds = FlagValue<[UInt64]>(
      placeholder: "N|A,B,C",
      expectation: .described(
        "a count (3 means seeds 1, 2, 3) or a list of seeds", example: "4,8,15"),
      read: { text in
        if !text.contains(","), let count = Int(text) {
          return (1...100).contains(count) ? Array(1...UInt64(count)) : nil
        }
        let list = text.split(separator: ",", omittingEmptySubsequences: false).map { UInt64($0) }
        return list.allSatisfy { $0 != nil } ? list.compactMap { $0 } : nil
      },
      show: { seeds in
        seeds == Array(1...UInt64(max(seeds.count, 1)))
          ? "\(seeds.count)" : seeds.map(String.init).joined(separator: ",")
      })
    return .value("seeds", seeds, help: "seeds 1…N, or a list of seeds", at: \.seeds)
  }

  /// `--engine neuralkit|yours`: NeuralKit's network, or the learner's own
  /// (`exercises/`), trained beside NeuralKit's.
  public static var engine: Flag {
    .value(
      "engine", .oneOfCases,
      help: "whose network trains: NeuralKit's, or yours from exercises/ beside it",
      at: \.engine)
  }

  /// `--data-dir DIR`: a folder holding `mnist/` and `fashion-mnist/`.
  public static var dataDirectory: Flag {
    .value(
      "data-dir", FlagValue.text(placeholder: "DIR", meaning: "a folder", example: "data").optional,
      help: "a folder holding mnist/ and fashion-mnist/",
      at: \.dataDirectory)
  }

  /// `--out DIR`: where results are written.
  public static var outputDirectory: Flag {
    .value(
      "out", .text(placeholder: "DIR", meaning: "a folder", example: "results"),
      help: "where results go", at: \.outputDirectory)
  }
}

extension Activation {
  /// The words the flags take for the activations, in the order `--help` lists them
  /// (Leaky ReLU with α = 0.01).
  public static let flagNames: KeyValuePairs<String, Activation> = [
    "relu": .relu, "sigmoid": .sigmoid, "tanh": .tanh, "leaky-relu": .leakyReLU(alpha: 0.01),
  ]
}

extension FlagValue where Value == [Activation] {
  /// Two or more different activations separated by commas: `--activations relu,sigmoid`.
  public static var activations: FlagValue {
    let names = Activation.flagNames
    let words = names.map(\.key)
    return FlagValue(
      placeholder: "A,B[,C…]",
      expectation: .described(
        "two or more different ones of \(words.joined(separator: ", ")), separated by commas",
        example: "relu,sigmoid"),
      read: { text in
        let list = text.lowercased().split(separator: ",", omittingEmptySubsequences: false)
          .map { word in names.first { $0.key == word }?.value }
        guard list.count >= 2, list.allSatisfy({ $0 != nil }) else { return nil }
        let activations = list.compactMap { $0 }
        return Set(activations.map(\.description)).count == activations.count ? activations : nil
      },
      show: { activations in
        activations.compactMap { activation in names.first { $0.value == activation }?.key }
          .joined(separator: ",")
      })
  }
}
