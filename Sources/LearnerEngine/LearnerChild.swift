import ExerciseSupport
import Foundation
import LessonSupport
import MNISTData
import NeuralKit

/// Writes `ChildMessage` lines to standard output, each flushed at once: the parent reads
/// them as they come.
struct ChildReporter: Sendable {
  func send(_ message: ChildMessage) {
    print(message.line)
    fflush(nil)  // every stream: stdout is a C global Swift 6 will not touch
  }
}

/// The child's side: the learner's code runs here, in a process of its own, so that a
/// crash or an endless loop in it ends this process and not the lesson. It probes every
/// function, times one short epoch, waits for "go", then trains each run and reports each
/// epoch.
enum LearnerChild {
  /// The environment variable that makes a lesson program the child; it holds the job.
  static let variable = "LEARNER_ENGINE_CHILD_JOB"

  /// Trains the job in `environment`, if there is one, and exits; returns otherwise.
  static func runIfAsked(environment: [String: String]) {
    guard let text = environment[variable] else { return }
    let reporter = ChildReporter()
    guard let job = try? JSONDecoder().decode(LearnerJob.self, from: Data(text.utf8)) else {
      reporter.send(.failed("the child process could not read its job"))
      exit(0)
    }
    do {
      try run(job, functions: TestFault.functions(environment: environment), reporter: reporter)
      reporter.send(.done)
    } catch let problem as LearnerProblem {
      reporter.send(.problem(problem))
    } catch {
      reporter.send(.failed("\(error)"))  // not the learner's code: the data, say
    }
    exit(0)
  }

  static func run(_ job: LearnerJob, functions: LearnerFunctions, reporter: ChildReporter) throws {
    let activations = job.activations.map(HiddenActivation.init)
    if let problem = Probes(functions: functions, activations: activations, reporter: reporter)
      .run()
    {
      throw problem
    }
    guard let kind = DatasetKind(rawValue: job.dataset) else {
      return reporter.send(.failed("no data set called \(job.dataset)"))
    }
    let dataset = try Dataset.load(kind, fromFolder: job.dataFolder)
    let train = LearnerData(dataset.train, count: job.trainingCount, scaled: job.scaledPixels)
    let test = LearnerData(dataset.test, count: job.testCount, scaled: job.scaledPixels)
    let sizes = job.layerSizes(inputs: dataset.pixelsPerImage, classes: dataset.classCount)

    // One short epoch at the real sizes, on copies: how long an epoch may take.
    let sample = min(1_000, train.inputs.count)
    var generator = SeededGenerator(seed: 0)
    var network = try initial(sizes, activations[0], seed: 0, functions, reporter)
    var adam = AdamMemory(startingFor: network)
    let timingCall =
      "trainEpoch(\(describe(sizes)), the first \(spacedThousands(sample)) images, to time your code)"
    reporter.send(.calling(.trainEpoch, call: timingCall, secondsAllowed: 120))
    let start = DispatchTime.now().uptimeNanoseconds
    let timing = try calling(.trainEpoch, timingCall) {
      try functions.trainEpoch(
        &network, &adam, Array(train.inputs[..<sample]), Array(train.labels[..<sample]),
        job.batchSize, job.learningRate, &generator)
    }
    try lossAndAccuracy(.trainEpoch, timingCall, timing)
    let secondsPerImage = max(secondsSince(start), 0.001) / Double(sample)
    let epochAllowed = max(120, 20 * secondsPerImage * Double(train.inputs.count))
    let evaluateAllowed = max(
      120, 20 * secondsPerImage * Double(max(train.inputs.count, test.inputs.count)))

    reporter.send(.ready)
    guard readLine() == "go" else { exit(0) }

    var runIndex = 0
    for seed in job.seeds {
      for activation in activations {
        var network = try initial(sizes, activation, seed: seed, functions, reporter)
        var adam = AdamMemory(startingFor: network)
        var batchGenerator = SeededGenerator(seed: ActivationExperiment.batchSeed(for: seed))
        for epoch in 1...job.epochs {
          let epochCall =
            "trainEpoch(\(describe(sizes)), \(spacedThousands(train.inputs.count)) images, batchSize: \(job.batchSize)),"
            + " epoch \(epoch)"
          reporter.send(.calling(.trainEpoch, call: epochCall, secondsAllowed: epochAllowed))
          let start = DispatchTime.now().uptimeNanoseconds
          let result = try calling(.trainEpoch, epochCall) {
            try functions.trainEpoch(
              &network, &adam, train.inputs, train.labels, job.batchSize, job.learningRate,
              &batchGenerator)
          }
          let seconds = secondsSince(start)
          try NetworkShape(sizes: sizes).check(network, .trainEpoch, epochCall)
          try lossAndAccuracy(.trainEpoch, epochCall, result)
          let evaluateCall =
            "evaluate(\(describe(sizes)), \(spacedThousands(test.inputs.count)) test images), epoch \(epoch)"
          reporter.send(.calling(.evaluate, call: evaluateCall, secondsAllowed: evaluateAllowed))
          let tested = try calling(.evaluate, evaluateCall) {
            try functions.evaluate(network, test.inputs, test.labels)
          }
          try lossAndAccuracy(.evaluate, evaluateCall, tested)
          reporter.send(
            .epoch(
              LearnerEpoch(
                run: runIndex, epoch: epoch, trainLoss: result.loss, trainAccuracy: result.accuracy,
                testLoss: tested.loss, testAccuracy: tested.accuracy, seconds: seconds)))
        }
        var trained: (loss: Float, accuracy: Double)?
        if job.evaluatesTrainingSet {
          let call =
            "evaluate(\(describe(sizes)), the \(spacedThousands(train.inputs.count)) training images)"
          reporter.send(.calling(.evaluate, call: call, secondsAllowed: evaluateAllowed))
          trained = try calling(.evaluate, call) {
            try functions.evaluate(network, train.inputs, train.labels)
          }
          try lossAndAccuracy(.evaluate, call, trained!)
        }
        reporter.send(
          .runFinished(run: runIndex, trainLoss: trained?.loss, trainAccuracy: trained?.accuracy))
        runIndex += 1
      }
    }
  }

  /// The learner's starting network for a run, checked for its shapes.
  private static func initial(
    _ sizes: [Int], _ activation: HiddenActivation, seed: UInt64, _ functions: LearnerFunctions,
    _ reporter: ChildReporter
  ) throws -> LearnerNetwork {
    let call = "initialNetwork(layerSizes: \(sizes), activation: .\(activation)), seed \(seed)"
    reporter.send(.calling(.initialNetwork, call: call, secondsAllowed: 60))
    var generator = SeededGenerator(seed: seed)
    let network = try calling(.initialNetwork, call) {
      try functions.initialNetwork(sizes, activation, &generator)
    }
    try NetworkShape(sizes: sizes).check(network, .initialNetwork, call)
    return network
  }

  /// `body`, its errors turned into the learner's problem with `function`.
  private static func calling<Result>(
    _ function: LearnerFunction, _ call: String, _ body: () throws -> Result
  ) throws -> Result {
    do {
      return try body()
    } catch is NotWrittenYet {
      throw LearnerProblem(function, .notWritten, call: call)
    } catch {
      throw LearnerProblem(function, .threw, call: call, yours: "\(error)")
    }
  }

  /// `a 784 → 128 → 10 network`.
  private static func describe(_ sizes: [Int]) -> String {
    "a \(sizes.map(String.init).joined(separator: " → ")) network"
  }
}

/// Images as the learner's functions take them: one row of pixels per image, and labels.
struct LearnerData {
  var inputs: [[Float]]
  var labels: [Int]

  /// The first `count` images of `images`, pixels divided by 255 when `scaled`.
  init(_ images: LabeledImages, count: Int, scaled: Bool) {
    let count = min(count, images.count)
    let scale: Float = scaled ? 255 : 1
    inputs = (0..<count).map { index in images.image(index).map { Float($0) / scale } }
    labels = (0..<count).map(images.label)
  }
}
