import Foundation
import LearnerEngine
import LessonSupport
import MNISTData
import NeuralKit

/// `--engine yours`: the learner's own network (exercises 01–05) trained beside
/// NeuralKit's, from the same seed, with the same layers, on the same batches.
extension TrainingLesson {
  /// Before anything is printed: `--engine yours` trains with Adam, as the learner's
  /// `trainEpoch` does; `--optimizer sgd` with it is refused with exit code 2.
  /// It trains on every training image and evaluates the test images after each epoch
  /// (your `evaluate`), to compare your numbers with NeuralKit's, not to choose anything:
  /// `--split` with it is refused too.
  static func refuseWhatYoursCannotDo(_ arguments: TrainingArguments, given: Set<String>) {
    guard arguments.engine == .yours,
      arguments.options.optimizer != .adam || given.contains("split")
    else { return }
    FileHandle.standardError.write(
      Data(
        ("\(program): --engine yours trains with Adam (your trainEpoch) on every training"
          + " image and evaluates the test images; drop --optimizer sgd and --split\n").utf8))
    exit(2)
  }

  static func trainYours(
    _ arguments: TrainingArguments, _ dataset: Dataset, _ located: LocatedDataset
  ) {
    let options = arguments.options
    let seed = arguments.seeds[0]
    let sizes = options.layerSizes(inputs: dataset.pixelsPerImage, classes: dataset.classCount)
    print(
      "model: \(sizes.map(String.init).joined(separator: " → ")), \(options.activation) hidden units,"
        + " yours (exercises/) beside NeuralKit's")
    print(
      "training: Adam \(options.learningRate), batch \(options.batchSize), \(options.epochs) epochs,"
        + " pixels \(options.scaledPixels ? "in [0, 1]" : "0…255"), seed \(seed), for both")
    print(
      "\(spacedThousands(dataset.train.count)) training images,"
        + " \(spacedThousands(dataset.test.count)) test images")
    print("")
    let job = LearnerJob(
      options, on: dataset, dataFolder: located.source.folder, activations: [options.activation],
      seeds: [seed])
    let start = DispatchTime.now().uptimeNanoseconds
    let session = LearnerSession.startedOrExit(job, program: program)
    print("ok; training NeuralKit's network (the reference) …")
    fflush(nil)
    var network = Network(
      layerSizes: sizes, hiddenActivation: options.activation, initializer: options.initializer,
      seed: seed)
    let trainer = Trainer(options: options, batchSeed: ActivationExperiment.batchSeed(for: seed))
    let reference = trainer.train(&network, on: dataset.train, validation: dataset.test)
    if let divergence = reference.divergence {
      print(wrapped("NeuralKit: \(divergence.message)", width: 80))
      exit(1)
    }
    print("training yours …")
    print("")
    let table = EpochComparison(epochs: options.epochs, showsTime: !arguments.quick)
    for line in table.header { print(line) }
    fflush(nil)
    var last: LearnerEpoch?
    let problem = session.train { event in
      guard case .epoch(let epoch) = event else { return }
      print(table.line(epoch, reference.epochs[epoch.epoch - 1]))
      fflush(nil)
      last = epoch
    }
    if let problem { problem.stopProgram(program) }
    guard let last, let final = reference.final else { exit(1) }
    let count = dataset.test.count
    let yoursRight = Int((last.testAccuracy * Double(count)).rounded())
    let referenceRight = Int((final.validationAccuracy * Double(count)).rounded())
    print("")
    print("test set, after \(options.epochs) epochs:")
    print("  yours       \(countAndPercent(yoursRight, of: count)) right")
    print("  NeuralKit   \(countAndPercent(referenceRight, of: count)) right")
    if !arguments.quick {
      print("")
      print("\(fixed(secondsSince(start), 1)) s in all (both networks, your checks included)")
    }
    print("")
    print(
      "Your network learned \(dataset.kind.displayName): \(fixed(last.testAccuracy * 100, 2))% of the test images."
    )
    print("Its exercises: exercises/05-training/; check them with")
    print("swift test --disable-xctest --filter Lesson05")
    print("Next: lesson 06 (swift run lesson06-relu-vs-sigmoid --engine yours).")
  }
}
