import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

@Suite struct TrainingArgumentsTests {
  /// A program taking every training flag, with a preset.
  let parser = CommandLineParser(
    program: "training", summary: "", defaults: TrainingArguments(),
    flags: [
      .datasets, .epochs, .batchSize, .learningRate, .optimizer, .hidden, .activation, .pixels,
      .split, .evaluateEvery, .seed, .seeds, .dataDirectory, .outputDirectory, .quick(\.quick),
      .noColor(\.plain),
    ],
    presets: [Preset(name: "post", help: "", arguments: ["--epochs", "2"])])

  @Test("flags set the options they name")
  func flags() throws {
    let arguments = try parser.parse([
      "--dataset", "both", "--epochs", "3", "--batch-size", "64", "--learning-rate", "0.01",
      "--optimizer", "sgd", "--hidden", "128,64", "--pixels", "raw", "--split",
      "combined-80-20", "--eval-every", "0", "--seeds", "4,8,15", "--out", "r", "--quick",
      "--activation", "leaky-relu", "--data-dir", "data",
    ]).settings
    #expect(arguments.datasets == [.mnist, .fashionMNIST])
    #expect(arguments.options.epochs == 3 && arguments.options.batchSize == 64)
    #expect(arguments.options.learningRate == 0.01 && arguments.options.optimizer == .sgd)
    #expect(arguments.options.hiddenLayers == [128, 64] && !arguments.options.scaledPixels)
    #expect(arguments.split == .combined8020 && arguments.options.evaluateEvery == nil)
    #expect(arguments.seeds == [4, 8, 15] && arguments.outputDirectory == "r" && arguments.quick)
    #expect(arguments.options.activation == .leakyReLU(alpha: 0.01))
    #expect(arguments.dataDirectory == "data")
    #expect(try parser.parse(["--seeds", "3"]).settings.seeds == [1, 2, 3])
    #expect(try parser.parse(["--seed", "7"]).settings.seeds == [7])
    #expect(try parser.parse(["--eval-every", "50"]).settings.options.evaluateEvery == 50)
    #expect(try parser.parse(["--dataset", "fashion-mnist"]).settings.datasets == [.fashionMNIST])
  }

  @Test(
    "a bad flag or value names itself",
    arguments: [
      (["--epoch", "3"], "unknown flag '--epoch' (did you mean --epochs?)"),
      (
        ["--epochs", "0"], "--epochs needs a whole number from 1 to 1000, like --epochs 5 (not '0')"
      ),
      (["--epochs"], "--epochs needs a value: a whole number from 1 to 1000, like --epochs 5"),
      (
        ["--learning-rate", "fast"],
        "--learning-rate needs a number > 0, like --learning-rate 0.001 (not 'fast')"
      ),
      (
        ["--dataset", "cifar"], "--dataset must be one of mnist, fashion-mnist, both (not 'cifar')"
      ),
      (["--hidden", "128,,x"], "--hidden needs whole numbers from 1 to 10000 separated by commas"),
      (["--pixels", "float"], "--pixels must be one of scaled, raw (not 'float')"),
      (["--preset", "nope"], "--preset must be one of post (not 'nope')"),
      (["--seeds", "0"], "--seeds needs a count (3 means seeds 1, 2, 3) or a list of seeds"),
      (["--seeds", "1,x"], "like --seeds 4,8,15 (not '1,x')"),
      (["--optimizer", "lbfgs"], "--optimizer must be one of adam, sgd (not 'lbfgs')"),
      (
        ["--split", "90-10"],
        "--split must be one of holdout, test-as-validation, combined-80-20 (not '90-10')"
      ),
    ])
  func badInput(_ arguments: [String], _ message: String) {
    #expect {
      try parser.parse(arguments)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("a flag the program does not take is unknown")
  func notAccepted() {
    let seedOnly = CommandLineParser(
      program: "lesson", summary: "", defaults: TrainingArguments(), flags: [.seed])
    #expect(throws: UsageProblem("unknown flag '--seeds' (did you mean --seed?)")) {
      try seedOnly.parse(["--seeds", "3"])
    }
    #expect(throws: UsageProblem("unknown flag '--preset'")) {
      try seedOnly.parse(["--preset", "post"])
    }
  }

  @Test("a preset sets its flags; flags given on the command line win")
  func presets() throws {
    let parser = CommandLineParser(
      program: "lesson", summary: "", defaults: TrainingArguments(),
      flags: [.epochs, .batchSize, .optimizer],
      presets: [
        Preset(
          name: "notebook", help: "",
          arguments: ["--optimizer", "sgd", "--batch-size", "1000", "--epochs", "10"])
      ])
    let parsed = try parser.parse(["--preset", "notebook", "--epochs", "2"])
    let arguments = parsed.settings
    #expect(arguments.options.optimizer == .sgd && arguments.options.batchSize == 1000)
    #expect(arguments.options.epochs == 2)
    #expect(parsed.preset == "notebook")
    #expect(parsed.given == ["preset", "epochs"])
  }

  @Test("--help shows the defaults of the lesson's settings")
  func defaultsInHelp() {
    var defaults = TrainingArguments()
    defaults.datasets = DatasetKind.allCases
    defaults.seeds = [1, 2, 3]
    defaults.options.evaluateEvery = nil
    let help = CommandLineParser(
      program: "lesson", summary: "", defaults: defaults,
      flags: [.datasets, .seeds, .evaluateEvery, .pixels, .activation, .dataDirectory]
    ).help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for text in [
      "the data sets to run on (default both)", "seeds 1…N, or a list of seeds (default 3)",
      "for epoch ends only (default 0)", "raw: 0…255 (default scaled)",
      "the hidden layers' activation (default relu)",
      "--data-dir DIR a folder holding mnist/ and fashion-mnist/ -h, --help",
    ] {
      #expect(help.contains(text), "missing \(text) in: \(help)")
    }
  }
}
