import Foundation
import LearnerEngine
import LessonSupport
import MNISTData
import NeuralKit

/// `--engine yours`: the controlled experiment on the learner's own network, beside
/// NeuralKit's on the same seeds, weights and batches. Reduced unless the flags say
/// otherwise: MNIST only, seed 1, 3 epochs, at most 10 000 training and 2 000 test images
/// (the bundled subset's size), validation at epoch ends only; Adam, and the test images
/// as validation (your `evaluate` runs on them after each epoch; nothing is chosen from
/// them, the run only compares your numbers with NeuralKit's).
extension ReLUVersusSigmoid {
  /// The reduced experiment's settings, for the flags not typed.
  static func reducedForYours(_ arguments: TrainingArguments, given: Set<String>)
    -> TrainingArguments
  {
    var reduced = arguments
    if !given.contains("dataset") { reduced.datasets = [.mnist] }
    if !given.contains("seeds") && !arguments.quick { reduced.seeds = [1] }
    if !given.contains("epochs") && !arguments.quick { reduced.options.epochs = 3 }
    reduced.split = .testAsValidation
    return reduced
  }

  /// Before anything is printed: `--engine yours` trains with Adam (the learner's
  /// `trainEpoch`) on the official training images and evaluates the test images; anything
  /// else is refused with exit code 2.
  static func refuseWhatYoursCannotDo(_ arguments: TrainingArguments, given: Set<String>) {
    guard arguments.engine == .yours,
      arguments.options.optimizer != .adam
        || (given.contains("split") && arguments.split != .testAsValidation)
    else { return }
    FileHandle.standardError.write(
      Data(
        ("\(program): --engine yours trains with Adam (your trainEpoch) on the training images"
          + " and evaluates the test images; drop --optimizer sgd, --split and --preset"
          + " post-notebook\n").utf8))
    exit(2)
  }

  static func runYours(_ typed: TrainingArguments, given: Set<String>, style: TerminalStyle) {
    let arguments = reducedForYours(typed, given: given)
    let options = arguments.options
    print(
      wrapped(
        "engine: yours (exercises/) beside NeuralKit's, on the same seeds, weights and batches;"
          + " \(arguments.datasets.map(\.displayName).joined(separator: " and ")),"
          + " seed\(arguments.seeds.count == 1 ? "" : "s")"
          + " \(arguments.seeds.map(String.init).joined(separator: ", ")),"
          + " \(options.epochs) epochs, at most"
          + " \(arguments.quick ? "2 000" : "10 000") training images; validation at epoch"
          + " ends only", width: 80))
    for kind in arguments.datasets {
      guard let located = locate(kind, arguments) else { exit(1) }
      runYours(on: located, arguments, style: style)
    }
    print("")
    print("Your turn: Lessons/06-relu-vs-sigmoid.md, \"Try this\"; if exercises/05-training")
    print("is not done yet: swift test --disable-xctest --filter Lesson05")
    print("Next: lesson 07, gradient flow (Lessons/07-gradient-flow.md).")
  }

  static func runYours(
    on located: LocatedDataset, _ arguments: TrainingArguments, style: TerminalStyle
  ) {
    var dataset = located.dataset
    let (trainCount, testCount) = arguments.quick ? (2_000, 500) : (10_000, 2_000)
    dataset.train = dataset.train.subset(Array(0..<min(trainCount, dataset.train.count)))
    dataset.test = dataset.test.subset(Array(0..<min(testCount, dataset.test.count)))
    let options = arguments.options
    print("")
    print(style.bold("\(dataset.kind.displayName)"))
    if let banner = located.banner { print(wrapped(banner, width: 80)) }
    print("data: \(located.source)")
    print(
      "  \(spacedThousands(dataset.train.count)) training / \(spacedThousands(dataset.test.count))"
        + " test images, hidden \(options.hiddenLayers.map(String.init).joined(separator: ",")),"
        + " Adam \(options.learningRate), batch \(options.batchSize)")
    let activations: [Activation] = [.relu, .sigmoid]
    var job = LearnerJob(
      options, on: dataset, dataFolder: located.source.folder, activations: activations,
      seeds: arguments.seeds)
    job.evaluatesTrainingSet = true
    let session = LearnerSession.startedOrExit(job, program: program, indent: "  ")
    print("  ok; training NeuralKit's networks (the reference) …")
    fflush(nil)
    var referenceOptions = options
    referenceOptions.evaluateEvery = nil  // yours is measured at epoch ends only
    let reference = ActivationExperiment(
      options: referenceOptions, activations: activations, seeds: arguments.seeds,
      split: .testAsValidation
    ).run(on: dataset)
    print("  training yours …")
    fflush(nil)
    var experiment = LearnerExperiment(job: job)
    let problem = session.train { event in
      experiment.record(event)
      guard case .runFinished(let index, _, let trainAccuracy) = event else { return }
      let run = experiment.runs[index]
      guard let last = run.epochs.last else { return }
      let name = run.activation.displayName.padding(toLength: 8, withPad: " ", startingAt: 0)
      let seconds = run.epochs.reduce(0) { $0 + $1.seconds }
      print(
        "  \(name) seed \(run.seed)  yours: test \(fixed(last.testAccuracy * 100, 2))%"
          + "  loss \(fixed(last.testLoss, 4))  train \(fixed((trainAccuracy ?? 0) * 100, 2))%"
          + (arguments.quick ? "" : "  (\(fixed(seconds, 1)) s)"))
      fflush(nil)
    }
    if let problem { problem.stopProgram(program) }
    print("")
    print(experiment.table(beside: reference).text)
    print("")
    // The reduced run (at most 10 000 images, a few epochs) ends near 92% on MNIST, below
    // the full run's 97%: ask how soon each activation reaches 90% (Fashion-MNIST: 80%).
    let threshold = dataset.kind == .mnist ? 0.90 : 0.80
    for line in experiment.thresholdLines(threshold) {
      print("  " + wrapped(line, width: 78, indent: "    "))
    }
    print("")
    print(style.bold("Verdict:"))
    let report = ExperimentReport(result: reference, threshold: threshold)
    var verdict = "NeuralKit's: " + report.verdict
    if let gap = experiment.largestGap(from: reference) {
      verdict +=
        " Yours ends within \(fixed(gap, 2)) points of NeuralKit's test accuracy in every run"
        + (gap == 0 ? ": the same numbers, so the same verdict." : ".")
    }
    print("  " + wrapped(verdict, width: 78, indent: "  "))
  }
}
