import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

@Suite struct TrainingArgumentsTests {
  let all = Set(TrainingArguments.Flag.allCases)

  @Test("flags set the options they name")
  func flags() throws {
    let arguments = try TrainingArguments.parse(
      [
        "--dataset", "both", "--epochs", "3", "--batch-size", "64", "--learning-rate", "0.01",
        "--optimizer", "sgd", "--hidden", "128,64", "--pixels", "raw", "--split",
        "combined-80-20", "--eval-every", "0", "--seeds", "4,8,15", "--out", "r", "--quick",
      ], defaults: TrainingArguments(), accepted: all)
    #expect(arguments.datasets == [.mnist, .fashionMNIST])
    #expect(arguments.options.epochs == 3 && arguments.options.batchSize == 64)
    #expect(arguments.options.learningRate == 0.01 && arguments.options.optimizer == .sgd)
    #expect(arguments.options.hiddenLayers == [128, 64] && !arguments.options.scaledPixels)
    #expect(arguments.split == .combined8020 && arguments.options.evaluateEvery == nil)
    #expect(arguments.seeds == [4, 8, 15] && arguments.outputDirectory == "r" && arguments.quick)
    #expect(
      try TrainingArguments.parse(["--seeds", "3"], defaults: .init(), accepted: all).seeds == [
        1, 2, 3,
      ])
  }

  @Test(
    "a bad flag or value names itself",
    arguments: [
      (["--epoch", "3"], "unknown flag '--epoch'"),
      (["--epochs", "0"], "--epochs 0: expected a whole number"),
      (["--epochs"], "--epochs needs a value"),
      (["--learning-rate", "fast"], "--learning-rate fast: expected a positive number"),
      (["--dataset", "cifar"], "--dataset cifar: expected mnist, fashion-mnist or both"),
      (["--hidden", "128,,x"], "--hidden 128,,x: expected layer sizes"),
      (["--pixels", "float"], "--pixels float: expected scaled"),
      (["--preset", "nope"], "unknown preset 'nope'"),
    ])
  func badInput(_ arguments: [String], _ message: String) {
    #expect {
      try TrainingArguments.parse(
        arguments, defaults: .init(), accepted: all, presets: ["post": ["--epochs", "2"]])
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("a flag the program does not take is unknown")
  func notAccepted() {
    #expect(throws: TrainingArguments.Problem.self) {
      try TrainingArguments.parse(["--seeds", "3"], defaults: .init(), accepted: [.seed])
    }
  }

  @Test("a preset sets its flags; flags given on the command line win")
  func presets() throws {
    let presets = ["notebook": ["--optimizer", "sgd", "--batch-size", "1000", "--epochs", "10"]]
    let arguments = try TrainingArguments.parse(
      ["--preset", "notebook", "--epochs", "2"], defaults: .init(), accepted: all,
      presets: presets)
    #expect(arguments.options.optimizer == .sgd && arguments.options.batchSize == 1000)
    #expect(arguments.options.epochs == 2)
    #expect(arguments.preset == "notebook")
  }
}
