import Foundation
import LearnerEngine
import LessonSupport
import MNISTData
import NeuralKit

/// Lesson 05: training a real network on real data. 784 → 128 (ReLU) → 10 with Adam,
/// batch 32, pixels in [0, 1], on MNIST (or Fashion-MNIST), with a progress bar, one line
/// per epoch, a confusion matrix, some mistakes drawn in the terminal, and curves written
/// as SVG and CSV.
///
///     swift run lesson05-training
///     swift run lesson05-training --dataset fashion-mnist --epochs 5
@main
struct TrainingLesson {
  static let program = "lesson05-training"

  /// The lesson's flags; `--help` is written from them.
  static let parser = CommandLineParser(
    program: program,
    summary: """
      Trains 784 → 128 → 10 on MNIST and shows what happens, epoch by epoch.
      Writes curves (SVG) and metrics (CSV) to results/.
      """,
    defaults: {
      var defaults = TrainingArguments()
      defaults.options.epochs = 5
      return defaults
    }(),
    flags: [
      .dataset, .epochs, .batchSize, .learningRate, .optimizer, .hidden, .activation, .pixels,
      .split, .seed, .dataDirectory, .outputDirectory, .engine,
      .quick(\.quick, help: "a short run on 2 000 images, for CI and the tests")
        .implying(["--epochs", "2"]),
      .noColor(\.plain),
    ])

  static func main() {
    LearnerSession.runChildIfAsked()  // `--engine yours` trains the learner's code in a child
    let parsed = parser.parsedOrExit()
    let arguments = parsed.settings
    refuseWhatYoursCannotDo(arguments, given: parsed.given)
    let kind = arguments.datasets[0]  // this lesson's --dataset names one
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 05 — training a network on \(kind.displayName)"))
    print("command: \(parser.reproducingCommand())")
    let located: LocatedDataset
    do {
      located = try arguments.locate(kind)
    } catch {
      FileHandle.standardError.write(Data("\(program): \(error)\n".utf8))
      exit(1)
    }
    var dataset = located.dataset
    if let banner = located.banner { print(wrapped(banner, width: 80)) }
    print("data: \(located.source)")
    if arguments.quick {
      dataset.train = dataset.train.subset(Array(0..<min(2_000, dataset.train.count)))
      dataset.test = dataset.test.subset(Array(0..<min(500, dataset.test.count)))
    }
    if arguments.engine == .yours {
      trainYours(arguments, dataset, located)
      return
    }
    let options = arguments.options
    let seed = arguments.seeds[0]
    let images = arguments.split.apply(to: dataset, seed: seed)
    var network = Network(
      layerSizes: options.layerSizes(inputs: dataset.pixelsPerImage, classes: dataset.classCount),
      hiddenActivation: options.activation, initializer: options.initializer, seed: seed)
    print("model: \(network)")
    print(
      "training: \(options.makeOptimizer().summary), batch \(options.batchSize),"
        + " \(options.epochs) epochs, pixels \(options.scaledPixels ? "in [0, 1]" : "0…255"), seed \(seed)"
    )
    print(
      wrapped(
        "split: \(arguments.split.rawValue), \(spacedThousands(images.training.count)) training"
          + " / \(spacedThousands(images.validation.count)) validation images"
          + " (\(arguments.split.validationDescription))"
          + (images.test.map {
            "; the \(spacedThousands($0.count)) test images are evaluated once, at the end"
          } ?? ""), width: 80))
    print("")
    var bar = ProgressBar()
    let trainer = Trainer(options: options, batchSeed: ActivationExperiment.batchSeed(for: seed))
    let history = trainer.train(&network, on: images.training, validation: images.validation) {
      event in
      switch event {
      case .step(let progress): bar.update(progress)
      case .epochFinished(let record):
        bar.clear()
        print(epochLine(record, epochs: options.epochs, quick: arguments.quick))
        fflush(nil)  // show each epoch as it ends, also in a file or a pipe
      case .diverged(let divergence):
        bar.clear()
        print(wrapped(divergence.message, width: 80))
      case .evaluated: break
      }
    }
    if history.divergence != nil { exit(1) }
    showCurves(history)
    // The test images once, after training: the confusion matrix and the mistakes. A split
    // without separate test images shows the validation images instead.
    showMistakes(
      network, images.test ?? images.validation, dataset,
      named: images.test == nil ? "validation" : "test",
      options: options, style: style)
    writeResults(history, kind: kind, arguments: arguments)
    print("")
    print("Your turn: your own network, exercises/05-training/ (six files).")
    print("Check it: swift test --disable-xctest --filter Lesson05")
    print("Train it: swift run lesson05-training --engine yours")
    print("Next: lesson 06, ReLU vs Sigmoid (swift run lesson06-relu-vs-sigmoid).")
  }

  /// `epoch 3/5  loss 0.0712  train 97.86%  val loss 0.0850  val 97.41%  2.1 s`
  /// (the time only outside `--quick`, so quick output is the same on every run).
  static func epochLine(_ record: EpochRecord, epochs: Int, quick: Bool) -> String {
    var line =
      "epoch \(record.epoch)/\(epochs)  loss \(fixed(record.trainLoss, 4))"
      + "  train \(fixed(record.trainAccuracy * 100, 2))%"
      + "  val loss \(fixed(record.validationLoss, 4))"
      + "  val \(fixed(record.validationAccuracy * 100, 2))%"
    if !quick { line += "  \(fixed(record.seconds, 1)) s" }
    return line
  }

  static func showCurves(_ history: TrainingHistory) {
    guard history.epochs.count > 1 else { return }
    print("")
    print("  accuracy (%) per epoch:  * train   o validation")
    let train = history.epochs.map { (x: Double($0.epoch), y: $0.trainAccuracy * 100) }
    let test = history.epochs.map { (x: Double($0.epoch), y: $0.validationAccuracy * 100) }
    let chart = SeriesPlot.text(
      series: [("train", "*", train), ("validation", "o", test)], width: 50, height: 8, yDecimals: 1
    )
    print(
      chart.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
        separator: "\n"))
  }

  static func showMistakes(
    _ network: Network, _ images: LabeledImages, _ dataset: Dataset, named part: String,
    options: TrainingOptions, style: TerminalStyle
  ) {
    let predictions = network.predictions(images, scaled: options.scaledPixels)
    let truth = (0..<images.count).map(images.label)
    let confusion = ConfusionMatrix(
      truth: truth, predictions: predictions, classCount: dataset.classCount)
    let correct = zip(truth, predictions).filter { $0 == $1 }.count
    print("")
    print("\(part) set: \(countAndPercent(correct, of: truth.count)) right")
    print("")
    print("confusion matrix (rows: true class, columns: predicted):")
    let headers = ["true \\ predicted"] + (0..<dataset.classCount).map(String.init)
    let rows = confusion.counts.enumerated().map { index, row in
      let name = dataset.classNames[index]
      return [name == "\(index)" ? name : "\(index) \(name)"] + row.map(String.init)
    }
    print(TextTable(headers: headers, rows: rows).text)
    print("")
    print("most frequent mistakes:")
    for mistake in confusion.topConfusions(3) {
      print(
        "  \(mistake.count) × \(dataset.classNames[mistake.truth]) taken for"
          + " \(dataset.classNames[mistake.prediction])")
    }
    let wrong = (0..<truth.count).filter { truth[$0] != predictions[$0] }.prefix(2)
    guard !wrong.isEmpty else { return }
    print("")
    print("the first \(wrong.count) mistakes of the \(part) set:")
    let pictures = wrong.map { index in
      HalfBlockImage.lines(
        pixels: images.image(index), rows: dataset.imageRows, columns: dataset.imageColumns,
        color: style.usesColor)
    }
    for line in 0..<pictures[0].count {
      print("  " + pictures.map { $0[line] }.joined(separator: "   "))
    }
    // Captions under their pictures: "true → predicted", padded to the picture's width.
    let captions = wrong.map { index in
      "#\(index): \(dataset.classNames[truth[index]]) → \(dataset.classNames[predictions[index]])"
        .padding(toLength: dataset.imageColumns, withPad: " ", startingAt: 0)
    }
    print("  " + captions.joined(separator: "   "))
  }

  static func writeResults(
    _ history: TrainingHistory, kind: DatasetKind, arguments: TrainingArguments
  ) {
    let name = "training-\(kind.folderName)"
    let rows = history.epochs.map { record in
      [
        "\(record.epoch)", "\(record.step)", fixed(record.trainLoss, 6),
        fixed(record.trainAccuracy, 6), fixed(record.validationLoss, 6),
        fixed(record.validationAccuracy, 6), fixed(record.seconds, 3),
      ]
    }
    let csv = CSVTable(
      header: [
        "epoch", "step", "train_loss", "train_accuracy", "validation_loss",
        "validation_accuracy", "seconds",
      ], rows: rows)
    let loss = SVGLineChart(
      title: "\(kind.displayName): loss per epoch", xLabel: "epoch", yLabel: "cross-entropy",
      series: [
        .init(
          name: "train", points: history.epochs.map { (Double($0.epoch), Double($0.trainLoss)) }),
        .init(
          name: "validation",
          points: history.epochs.map { (Double($0.epoch), Double($0.validationLoss)) }
        ),
      ])
    let accuracy = SVGLineChart(
      title: "\(kind.displayName): accuracy per epoch", xLabel: "epoch", yLabel: "accuracy (%)",
      series: [
        .init(
          name: "train", points: history.epochs.map { (Double($0.epoch), $0.trainAccuracy * 100) }),
        .init(
          name: "validation",
          points: history.epochs.map { (Double($0.epoch), $0.validationAccuracy * 100) }),
      ])
    arguments.writeResultsOrExit(
      [
        ("\(name).csv", csv.text), ("\(name)-loss.svg", loss.svg),
        ("\(name)-accuracy.svg", accuracy.svg),
      ], program: program)
  }
}
