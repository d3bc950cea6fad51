#if EXERCISE_SOLUTIONS
  import Foundation
  import TestSupport
  import Testing

  /// `--engine yours` end to end, in the solutions build (`NEURALKIT_EXERCISES=solutions`),
  /// where `Exercises` is the worked solutions: the learner's network trains beside
  /// NeuralKit's and lands where NeuralKit's does; the untouched stubs stop before training,
  /// naming the first unwritten exercise; a crash, an endless loop, a NaN and a wrong shape
  /// in the learner's code each stop the run with exit 1 and the exercise named, never a
  /// backtrace first.
  @Suite("Lessons 05 and 06 with --engine yours", .timeLimit(.minutes(5)))
  struct LearnerEngineTests {
    /// Final test accuracies of the worked solutions and of NeuralKit may differ by this
    /// many points: the same arithmetic in another order rounds differently, and after
    /// thousands of Adam steps a few of 500 predictions may flip (one image is 0.2 points).
    static let accuracyPoints = 1.0

    func run(
      _ program: String = "lesson05-training",
      _ arguments: [String] = ["--engine", "yours", "--quick"],
      environment: [String: String] = [:]
    ) throws -> BuiltProgram.Run {
      try BuiltProgram(named: program).run(
        arguments, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
    }

    /// The percentage on the line starting with `label` in the final summary.
    func percent(after label: String, in output: String) -> Double? {
      guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(label) }),
        let match = line.firstMatch(of: /\(([0-9.]+)%\)/)
      else { return nil }
      return Double(match.1)
    }

    @Test("lesson 05 --engine yours --quick trains the solutions as NeuralKit trains")
    func solutionsTrain() throws {
      let result = try run()
      #expect(result.status == 0, "\(result.errors)")
      #expect(result.output.contains("1/2 ") && result.output.contains("2/2 "), "\(result.output)")
      let yours = try #require(percent(after: "  yours", in: result.output), "\(result.output)")
      let reference = try #require(percent(after: "  NeuralKit", in: result.output))
      #expect(
        abs(yours - reference) <= Self.accuracyPoints, "yours \(yours)%, NeuralKit \(reference)%")
      #expect(yours > 80, "2 epochs on 2 000 images reach more than 80%: \(yours)%")
      #expect(result.output.contains("Your network learned MNIST"))
      for line in result.output.split(separator: "\n") {
        #expect(line.count <= 80, "a line of \(line.count) characters: \(line)")
      }
    }

    @Test("the untouched stubs stop before training, naming exercise 01's sigmoid")
    func stubsStop() throws {
      let result = try run(environment: ["LEARNER_ENGINE_TEST_FUNCTIONS": "stubs"])
      #expect(result.status == 1)
      #expect(
        result.errors.contains(
          "sigmoid: not written yet — open exercises/01-sigmoid/Sigmoid.swift"),
        "\(result.errors)")
      #expect(result.errors.contains("swift test --disable-xctest --filter Lesson01"))
      #expect(!result.output.contains("training yours"), "stopped before training")
      #expect(!result.output.contains("NeuralKit's network (the reference)"))
    }

    @Test(
      "a fault in the learner's code stops the run with exit 1 and names the exercise",
      arguments: [
        (
          "crash:denseForward",
          [
            "your code crashed in denseForward — exercises/03-backprop/DenseForward.swift",
            "an index out of range",
            "EXERCISES_IN_PROCESS=1 swift test --disable-xctest --filter Lesson03",
          ]
        ),
        (
          "hang:denseForward",
          [
            "denseForward never returned (stopped after 10 s)",
            "swift test --disable-xctest --filter Lesson03",
          ]
        ),
        (
          "shape:denseForward",
          [
            "denseForward returned the wrong shape — exercises/03-backprop/DenseForward.swift",
            "yours      2 × 1", "expected   2 × 2",
            "swift test --disable-xctest --filter Lesson03",
          ]
        ),
        (
          "nan:trainEpoch",
          [
            "trainEpoch returned NaN or infinity — exercises/05-training/TrainingLoop.swift",
            "swift test --disable-xctest --filter Lesson05",
          ]
        ),
        (
          "crash-late:trainEpoch",
          [
            "your code crashed in trainEpoch — exercises/05-training/TrainingLoop.swift",
            "2 000 images, batchSize: 32),", "epoch 1",
            "EXERCISES_IN_PROCESS=1 swift test --disable-xctest --filter Lesson05",
          ]
        ),
        (
          "crash:trainEpoch",
          [
            "your code crashed in trainEpoch — exercises/05-training/TrainingLoop.swift",
            "EXERCISES_IN_PROCESS=1 swift test --disable-xctest --filter Lesson05",
          ]
        ),
      ])
    func faults(_ fault: String, _ expected: [String]) throws {
      let result = try run(environment: ["LEARNER_ENGINE_TEST_FAULT": fault])
      #expect(result.status == 1, "\(fault): exit \(result.status)\n\(result.text)")
      for text in expected {
        #expect(result.errors.contains(text), "\(fault): no '\(text)' in:\n\(result.errors)")
      }
      #expect(!result.text.contains("Backtrace"), "\(fault): a backtrace was shown")
      #expect(!result.text.contains("Current stack trace"), "\(fault): a backtrace was shown")
      #expect(!result.output.contains("test set, after"), "\(fault): the run went on")
    }

    @Test(
      "a later unwritten exercise is named when every one before it is written",
      arguments: [
        ("denseForward", "exercises/03-backprop/DenseForward.swift", "Lesson03"),
        ("trainEpoch", "exercises/05-training/TrainingLoop.swift", "Lesson05"),
      ])
    func laterUnwritten(_ function: String, _ path: String, _ filter: String) throws {
      let result = try run(environment: ["LEARNER_ENGINE_TEST_FAULT": "unwritten:\(function)"])
      #expect(result.status == 1)
      #expect(
        result.errors.contains("\(function): not written yet — open \(path)"), "\(result.errors)")
      #expect(result.errors.contains("swift test --disable-xctest --filter \(filter)"))
      #expect(!result.output.contains("training yours"), "stopped before training")
    }

    @Test("lesson 06 --engine yours --quick prints yours beside NeuralKit for each activation")
    func experiment() throws {
      let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("neuralkit-yours-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: folder) }
      let result = try run(
        "lesson06-relu-vs-sigmoid", ["--engine", "yours", "--quick", "--out", folder.path])
      #expect(result.status == 0, "\(result.errors)")
      for row in ["ReLU, yours", "ReLU, NeuralKit", "Sigmoid, yours", "Sigmoid, NeuralKit"] {
        #expect(result.output.contains(row), "no row \(row) in:\n\(result.output)")
      }
      #expect(result.output.contains("Yours ends within"), "\(result.output)")
      #expect(!result.output.contains("Fashion-MNIST"), "MNIST only unless --dataset is given")
    }

    @Test("--engine yours refuses SGD and another split with exit 2, before any output")
    func refusesSGD() throws {
      let result = try run(arguments: ["--engine", "yours", "--quick", "--optimizer", "sgd"])
      #expect(result.status == 2)
      #expect(result.errors.contains("--engine yours trains with Adam"))
      #expect(result.output.isEmpty, "refused before anything runs: \(result.output)")
      let experiment = try run(
        "lesson06-relu-vs-sigmoid", ["--engine", "yours", "--preset", "post-notebook"])
      #expect(experiment.status == 2)
      #expect(experiment.errors.contains("evaluates the test images"), "\(experiment.errors)")
      #expect(experiment.output.isEmpty)
      let holdout = try run(arguments: ["--engine", "yours", "--quick", "--split", "holdout"])
      #expect(holdout.status == 2 && holdout.errors.contains("drop --optimizer sgd and --split"))
      #expect(holdout.output.isEmpty)
    }

    func run(arguments: [String]) throws -> BuiltProgram.Run {
      try run("lesson05-training", arguments)
    }
  }
#endif
