import Foundation
import LearnerEngine
import LessonSupport
import MNISTData
import NeuralKit

/// Lesson 06: ReLU vs Sigmoid, a controlled experiment. Trains the same network once per
/// seed with each hidden activation (ReLU, Sigmoid, tanh), from the same weights on the
/// same batches, on MNIST and Fashion-MNIST, and reports what the numbers say.
///
///     swift run lesson06-relu-vs-sigmoid                           the default experiment
///     swift run lesson06-relu-vs-sigmoid --preset post-notebook    the source post's run
///     swift run lesson06-relu-vs-sigmoid --ablation                the post's gap, attributed
///     swift run lesson06-relu-vs-sigmoid --quick                   a short run (CI, tests)
@main
struct ReLUVersusSigmoid {
  static let program = "lesson06-relu-vs-sigmoid"

  /// What the flags set: the training lessons' settings, the activations compared, and
  /// whether to run the ablation instead.
  struct Settings: Sendable {
    var training: TrainingArguments
    var activations: [Activation] = [.relu, .sigmoid, .tanh]
    var ablation = false
  }

  /// A training lessons' flag, setting `Settings.training`.
  static func shared(_ flag: Flag<TrainingArguments>) -> Flag<Settings> {
    flag.lifted(to: \.training)
  }

  /// The lesson's flags and the source post's two configurations, as presets: the code it
  /// shows (the default), and what its notebook actually ran. `--help` is written from them.
  static let parser = CommandLineParser(
    program: program,
    summary: """
      Trains 784 → 128 → 10 with ReLU, Sigmoid and tanh hidden units, from the same
      weights on the same batches per seed, validates on 10% of the training images held
      out, tests once at the end, and reports accuracy, loss and speed of learning.
      Writes results/relu-vs-sigmoid.md (report with charts) and CSV files.
      """,
    defaults: {
      var defaults = TrainingArguments()
      defaults.datasets = DatasetKind.allCases
      defaults.seeds = [1, 2, 3]
      defaults.options.evaluateEvery = 200
      return Settings(training: defaults)
    }(),
    flags: [
      shared(.datasets), shared(.epochs), shared(.batchSize), shared(.learningRate),
      shared(.optimizer), shared(.seeds), shared(.hidden), shared(.pixels), shared(.split),
      .value(
        "activations", .activations,
        help: "the hidden activations compared, the first against each other one",
        at: \.activations),
      shared(.evaluateEvery), shared(.dataDirectory), shared(.outputDirectory), shared(.engine),
      .switch(
        "ablation",
        help: "attribute the post's gap: from its notebook's run (80/20 pooled split, two"
          + " hidden layers, SGD 0.01, batch 1000) change one factor at a time toward the"
          + " code it shows, ReLU and Sigmoid, on Fashion-MNIST unless --dataset is given",
        sets: \.ablation
      ).excluding(
        "engine", "split", "hidden", "optimizer", "learning-rate", "batch-size", "activations"),
      shared(.quick(\.quick, help: "a short run on 2 000 training images, for CI and the tests"))
        .implying(["--epochs", "2", "--seeds", "1", "--eval-every", "20"]),
      shared(.noColor(\.plain)),
    ],
    presets: [
      Preset(
        name: "post-code", help: "the code the source post shows (the defaults)",
        arguments: [
          "--dataset", "both", "--hidden", "128", "--optimizer", "adam", "--learning-rate",
          "0.001", "--batch-size", "32", "--epochs", "10", "--split", "test-as-validation",
        ]),
      Preset(
        name: "post-notebook", help: "what the source post's notebook ran",
        arguments: [
          "--dataset", "fashion-mnist", "--hidden", "128,128", "--optimizer", "sgd",
          "--learning-rate", "0.01", "--batch-size", "1000", "--epochs", "10",
          "--split", "combined-80-20",
        ]),
    ])

  static func main() {
    LearnerSession.runChildIfAsked()  // `--engine yours` trains the learner's code in a child
    let parsed = parser.parsedOrExit()
    let (settings, given) = (parsed.settings, parsed.given)
    let arguments = settings.training
    refuseWhatYoursCannotDo(arguments, given: given)
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 06 — ReLU vs Sigmoid, a controlled experiment"))
    print("command: \(parser.reproducingCommand())")
    if arguments.engine == .yours {
      runYours(arguments, given: given, style: style)
      return
    }
    if settings.ablation {
      runAblation(settings, given: given, style: style)
      return
    }
    var reports: [(DatasetKind, ExperimentReport, LocatedDataset)] = []
    for kind in arguments.datasets {
      guard let located = locate(kind, arguments) else { exit(1) }
      let report = runExperiment(
        on: located, arguments, activations: settings.activations, style: style)
      reports.append((kind, report, located))
    }
    writeResults(reports, arguments)
    print("")
    print("Your turn: Lessons/06-relu-vs-sigmoid.md, \"Try this\"; if exercises/05-training")
    print("is not done yet: swift test --disable-xctest --filter Lesson05")
    print("Next: lesson 07, gradient flow (Lessons/07-gradient-flow.md).")
  }

  static func locate(_ kind: DatasetKind, _ arguments: TrainingArguments) -> LocatedDataset? {
    do {
      return try arguments.locate(kind)
    } catch {
      FileHandle.standardError.write(Data("\(program): \(error)\n".utf8))
      return nil
    }
  }

  /// The data set, cut to 2 000 training and 500 test images for `--quick`.
  static func dataset(_ located: LocatedDataset, quick: Bool) -> Dataset {
    var dataset = located.dataset
    if quick {
      dataset.train = dataset.train.subset(Array(0..<min(2_000, dataset.train.count)))
      dataset.test = dataset.test.subset(Array(0..<min(500, dataset.test.count)))
    }
    return dataset
  }

  static func runExperiment(
    on located: LocatedDataset, _ arguments: TrainingArguments, activations: [Activation],
    style: TerminalStyle
  ) -> ExperimentReport {
    let dataset = dataset(located, quick: arguments.quick)
    let options = arguments.options
    let sizes = options.layerSizes(inputs: dataset.pixelsPerImage, classes: dataset.classCount)
    print("")
    print(style.bold("\(dataset.kind.displayName)"))
    if let banner = located.banner { print(wrapped(banner, width: 80)) }
    print("data: \(located.source)")
    let images = arguments.split.apply(to: dataset, seed: 0)
    let testNote = images.test.map { ", \(spacedThousands($0.count)) test images" } ?? ""
    print(
      wrapped(
        "split: \(arguments.split.rawValue), \(spacedThousands(images.training.count)) training"
          + " / \(spacedThousands(images.validation.count)) validation images"
          + " (\(arguments.split.validationDescription))\(testNote)", width: 80,
        indent: "  "))
    print(
      wrapped(
        "model: \(sizes.map(String.init).joined(separator: " → ")),"
          + " \(options.makeOptimizer().summary), batch \(options.batchSize),"
          + " \(options.epochs) epochs, pixels \(options.scaledPixels ? "in [0, 1]" : "0…255"),"
          + " seeds \(arguments.seeds.map(String.init).joined(separator: ", "))", width: 80,
        indent: "  "))
    let experiment = ActivationExperiment(
      options: options, activations: activations, seeds: arguments.seeds,
      split: arguments.split)
    var bar = ProgressBar()
    let result = experiment.run(on: dataset) { event in
      switch event {
      case .training(_, _, .step(let progress)): bar.update(progress)
      case .training(let activation, let seed, .diverged(let divergence)):
        bar.clear()
        print(
          "  "
            + wrapped(
              "\(activation.displayName) seed \(seed): \(divergence.message)", width: 78,
              indent: "    "))
      case .finished(let run):
        bar.clear()
        print(
          runLine(
            run, validation: arguments.split.validationLabel,
            quick: arguments.quick))
        fflush(nil)  // show each run as it ends, also in a file or a pipe
      default: break
      }
    }
    let report = ExperimentReport(
      result: result, threshold: ExperimentReport.threshold(for: dataset.kind))
    print("")
    print(report.table.text)
    if let paired = report.pairedTable {
      print("")
      print("  paired by seed (same weights, same batches): final accuracy, points")
      print(paired.text)
    }
    print("")
    for line in report.thresholdLines { print("  " + wrapped(line, width: 78, indent: "    ")) }
    print("")
    print(
      "  \(arguments.split.validationWord) accuracy (%) against epochs, mean over seeds:"
    )
    let glyphs: [Character] = ["*", "o", "+", "x"]
    let chart = SeriesPlot.text(
      series: report.accuracyCurves.enumerated().map { index, series in
        (name: series.name, glyph: glyphs[index % glyphs.count], points: series.points)
      }, width: 56, height: 10, yDecimals: 1)
    print(
      chart.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
        separator: "\n"))
    print("")
    print(style.bold("Verdict:"))
    print("  " + wrapped(report.verdict, width: 78, indent: "  "))
    return report
  }

  /// `  ReLU     seed 1  val 97.81%  loss 0.0744  train 99.40%  (2.9 s)`
  static func runLine(_ run: ExperimentRun, validation label: String, quick: Bool) -> String {
    let name = run.activation.displayName.padding(toLength: 8, withPad: " ", startingAt: 0)
    guard let validation = run.validation, let train = run.train else {
      return "  \(name) seed \(run.seed)  diverged at step \(run.history.divergence?.step ?? 0)"
    }
    let seconds = run.history.epochs.reduce(0) { $0 + $1.seconds }
    return "  \(name) seed \(run.seed)  \(label) \(fixed(validation.accuracy * 100, 2))%"
      + "  loss \(fixed(validation.loss, 4))  train \(fixed(train.accuracy * 100, 2))%"
      + (quick ? "" : "  (\(fixed(seconds, 1)) s)")
  }

  static func writeResults(
    _ reports: [(DatasetKind, ExperimentReport, LocatedDataset)], _ arguments: TrainingArguments
  ) {
    var files: [String: String] = [:]
    files["relu-vs-sigmoid-epochs.csv"] =
      CSVTable(
        header: ExperimentReport.epochHeader, rows: reports.flatMap { $0.1.epochRows }
      ).text
    files["relu-vs-sigmoid-final.csv"] =
      CSVTable(
        header: ExperimentResult.finalHeader, rows: reports.flatMap { $0.1.result.finalRows }
      ).text
    files["relu-vs-sigmoid-evaluations.csv"] =
      CSVTable(
        header: ExperimentReport.evaluationHeader, rows: reports.flatMap { $0.1.evaluationRows }
      ).text
    for (kind, report, _) in reports {
      let name = kind.folderName
      files["relu-vs-sigmoid-\(name)-accuracy.svg"] =
        SVGLineChart(
          title: "\(kind.displayName): validation accuracy", xLabel: "epochs",
          yLabel: "accuracy (%)", series: report.accuracyCurves
        ).svg
      files["relu-vs-sigmoid-\(name)-loss.svg"] =
        SVGLineChart(
          title: "\(kind.displayName): validation loss", xLabel: "epochs",
          yLabel: "cross-entropy", series: report.lossCurves
        ).svg
    }
    files["relu-vs-sigmoid.md"] = markdown(reports, arguments)
    arguments.writeResultsOrExit(
      files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }, program: program)
  }

  static func markdown(
    _ reports: [(DatasetKind, ExperimentReport, LocatedDataset)], _ arguments: TrainingArguments
  ) -> String {
    let options = arguments.options
    let testPart =
      arguments.split == .holdout
      ? "; test metrics on the official test images, evaluated once after training." : "."
    var lines: [String] = [
      "# ReLU vs Sigmoid — results",
      "",
      "Command: `\(parser.reproducingCommand())`",
      "",
      "Hidden layers \(options.hiddenLayers.map(String.init).joined(separator: ", ")),"
        + " \(options.makeOptimizer().summary), batch \(options.batchSize),"
        + " \(options.epochs) epochs, pixels \(options.scaledPixels ? "scaled to [0, 1]" : "raw 0–255"),"
        + " split \(arguments.split.rawValue), seeds \(arguments.seeds.map(String.init).joined(separator: ", ")).",
      "Per seed, every activation starts from the same weights and sees the same batches.",
      "Train metrics are measured on the whole training part after training; validation"
        + " metrics on \(arguments.split.validationDescription)" + testPart,
    ]
    for (kind, report, located) in reports {
      lines += ["", "## \(kind.displayName)", ""]
      if let banner = located.banner { lines += ["> \(banner)", ""] }
      lines += ["Data: \(located.source).", "", "```", report.markdownTable.text, "```", ""]
      if let paired = report.pairedTable {
        lines += [
          "Paired by seed, differences of final accuracy in points:", "", "```", paired.text,
          "```", "",
        ]
      }
      lines += report.thresholdLines.map { "- " + $0 }
      lines += [
        "", "**Verdict.** " + report.verdict, "",
        "![accuracy](relu-vs-sigmoid-\(kind.folderName)-accuracy.svg)",
        "![loss](relu-vs-sigmoid-\(kind.folderName)-loss.svg)",
      ]
    }
    lines += [
      "", "Raw numbers: `relu-vs-sigmoid-final.csv` (one row per run: train, validation and",
      "test after training), `relu-vs-sigmoid-epochs.csv` (one row per epoch and run) and",
      "`relu-vs-sigmoid-evaluations.csv` (every validation point).", "",
    ]
    return lines.joined(separator: "\n")
  }
}
