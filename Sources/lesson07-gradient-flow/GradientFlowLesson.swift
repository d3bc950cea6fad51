import Dispatch
import Foundation
import LessonSupport
import MNISTData
import NeuralKit

/// Lesson 07: gradient flow, measured. How big is each layer's weight gradient in a deep
/// network at the start and during training, with Sigmoid, tanh, ReLU and Leaky ReLU? How
/// many units die or saturate, and how much do a layer's outputs still differ between
/// images? Which learning rates suit each activation? Which initial weights?
///
/// Training uses the holdout split: 90% of the training images train, the other 10%
/// validate (every choice is made on them), the test images are evaluated once per network.
///
///     swift run -c release lesson07-gradient-flow   the default run (MNIST, a few minutes)
///     swift run lesson07-gradient-flow --quick      a short run (CI, tests)
@main
struct GradientFlowLesson {
  static let program = "lesson07-gradient-flow"

  /// What the flags set: the training lessons' settings and how many training images.
  struct Settings: Sendable {
    var training = TrainingArguments()
    var trainingImages = Plan().trainingImages
  }

  /// The lesson's flags: the training lessons' (`shared`) and `--train-images`, its own.
  /// `--help` is written from them.
  static let parser = CommandLineParser(
    program: program,
    summary: """
      Measures the second study's claims on 784 → L × 128 → 10 networks: each
      layer's weight-gradient size at initialisation (L = 2, 5, 10) and after each
      epoch, dead and saturated units, each layer's output mean and spread, a
      learning-rate sweep on 784 → 128 → 10, and the initial weights. Trains on 90%
      of the training images, chooses on the other 10%, tests once at the end.
      Writes SVG charts and CSV tables to results/.
      """,
    defaults: {
      var defaults = Settings()
      defaults.training.options.epochs = 3
      return defaults
    }(),
    flags: [
      shared(.dataset),
      shared(.epochs.withHelp("epochs of each deep run; the learning-rate sweep uses at most 2")),
      .value(
        "train-images", .wholeNumber(atLeast: 100, example: 54_000),
        help: "training images used, from the 90% not held out (54000: all of them)",
        at: \.trainingImages),
      shared(.batchSize),
      shared(.seeds.withHelp("training seeds; gradients at initialisation always use seeds 1…5")),
      shared(.dataDirectory), shared(.outputDirectory),
      shared(.quick(\.quick, help: "a short run on 1 000 images, for CI and the tests"))
        .implying(["--epochs", "2", "--train-images", "1000"]),
      shared(.noColor(\.plain)),
    ])

  /// A training lessons' flag, setting `Settings.training`.
  static func shared(_ flag: Flag<TrainingArguments>) -> Flag<Settings> {
    flag.lifted(to: \.training)
  }

  /// The data sizes of one run, printed so the numbers can be read in context.
  struct Plan {
    var trainingImages = 10_000
    var validationImages = Int.max
    var testImages = Int.max
    var probeImages = 256
    var heldOutImages = 1_000
  }

  static func main() {
    let started = DispatchTime.now().uptimeNanoseconds
    let settings = parser.parseOrExit()
    let arguments = settings.training
    var plan = Plan()
    plan.trainingImages = settings.trainingImages
    if arguments.quick {
      plan.validationImages = 500
      plan.testImages = 500
      plan.heldOutImages = 500
    }
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 07 — gradient flow: why Sigmoid fails in deep networks"))
    print("command: \(parser.reproducingCommand())")
    let located: LocatedDataset
    do {
      located = try arguments.locate(arguments.datasets[0])
    } catch {
      FileHandle.standardError.write(Data("\(program): \(error)\n".utf8))
      exit(1)
    }
    if let banner = located.banner { print(wrapped(banner, width: 80)) }
    print("data: \(located.source)")
    let data = Images(located.dataset, plan: plan, scaled: arguments.options.scaledPixels)
    let experiment = GradientFlowExperiment(
      options: arguments.options, trainingSeeds: arguments.seeds)
    print(
      wrapped(
        "sizes: \(spacedThousands(data.training.count)) training images (from the"
          + " \(100 - Split.heldOutPercent)% not held out);"
          + " \(spacedThousands(data.validation.count)) validation images (the"
          + " \(Split.heldOutPercent)% held out), where every choice is made;"
          + " \(spacedThousands(data.test.count)) test images, evaluated once per network"
          + " after training; batch \(experiment.options.batchSize),"
          + " \(experiment.options.epochs) epochs per deep run and \(experiment.sweepEpochs)"
          + " per learning rate, training seeds"
          + " \(arguments.seeds.map(String.init).joined(separator: ", ")); gradients on the"
          + " same \(data.probe.labels.count) training images, dead and saturated units and"
          + " output spread on \(spacedThousands(data.heldOut.labels.count)) validation images",
        width: 80, indent: "  "))

    let initial = experiment.measureInitialGradients(probe: data.probe)
    var report = GradientFlowReport(experiment: experiment, initial: initial, deep: [], sweep: nil)
    showInitialGradients(report)

    var partStart = DispatchTime.now().uptimeNanoseconds
    report.deep = trainDeepNetworks(experiment, data)
    if !arguments.quick { print("  (training took \(fixed(secondsSince(partStart), 0)) s)") }
    showDeepTraining(report, heldOut: data.heldOut.labels.count)
    showUnits(report, heldOut: data.heldOut.labels.count)
    showInitializers(report)

    partStart = DispatchTime.now().uptimeNanoseconds
    report.sweep = sweepLearningRates(experiment, data)
    showSweep(report)
    if !arguments.quick { print("  (the sweep took \(fixed(secondsSince(partStart), 0)) s)") }

    print("")
    print(style.bold("Verdict:"))
    for sentence in report.verdict {
      print("- " + wrapped(sentence, width: 78, indent: "  "))
    }
    writeResults(report, arguments: arguments)
    if !arguments.quick {
      print("")
      print("took \(fixed(secondsSince(started), 0)) s (a shared machine: timings are noisy)")
    }
    print("")
    print("Your turn: exercises/07-gradient-flow/GradientNorms.swift, DeadUnits.swift and")
    print("GrowthInterval.swift, then swift test --disable-xctest --filter Lesson07")
    print("Next: lesson 08, a faster matrix product (swift run lesson08-fast-matmul).")
  }

  // MARK: - Data

  /// The images every part uses, from the holdout split: a training subset, the
  /// validation images, the test images, a fixed probe batch of training images for
  /// gradients and a held-out batch of validation images for dead and saturated units.
  struct Images {
    var training: LabeledImages
    var validation: LabeledImages
    var test: LabeledImages
    var probe: GradientTrackedRun.Batch
    var heldOut: GradientTrackedRun.Batch

    init(_ dataset: Dataset, plan: Plan, scaled: Bool) {
      let split = Split.holdout.apply(to: dataset, seed: 0)  // holdout's draw is fixed
      training = split.training.first(plan.trainingImages)
      validation = split.validation.first(plan.validationImages)
      test = (split.test ?? dataset.test).first(plan.testImages)
      probe = training.batch(Array(0..<min(plan.probeImages, training.count)), scaled: scaled)
      heldOut = validation.batch(
        Array(0..<min(plan.heldOutImages, validation.count)), scaled: scaled)
    }
  }

  // MARK: - The six parts

  static func showInitialGradients(_ report: GradientFlowReport) {
    let experiment = report.experiment
    let deepest = experiment.deepest
    print("")
    print(
      "1. Gradients at initialisation: Glorot weights, seeds 1–\(experiment.initialSeeds.count)")
    print("")
    print(
      "  "
        + wrapped(
          "By depth: the measured mean slope f′(z) of layers 2…L−1 over the batch, the"
            + " layer-to-layer ratio ‖dW_l‖ / ‖dW_l+1‖ (geometric mean over the 128×128"
            + " layers 2…L), and how much of the last hidden layer's ‖dW‖ is left at"
            + " layer 1, mean ± std over the seeds:", width: 78, indent: "  "))
    print(report.depthTable.text)
    print("")
    print("  784 → \(deepest) × 128 → 10: ‖dW‖ of each layer, mean over the seeds:")
    print(report.initialNormsTable.text)
    print("")
    print("  the same as bars (log scale; the output layer \(deepest + 1) left out):")
    let deep = report.deepestInitial
    let chart = TextBarChart(
      groups: (0..<deepest).map { layer in
        (label: "  \(layer + 1)", values: deep.map { $0.meanNorms[layer] })
      }, seriesNames: deep.map(\.activation.displayName), glyphs: ["o", "t", "#", "="],
      barWidth: 36)
    print(chart.text)
  }

  static func trainDeepNetworks(_ experiment: GradientFlowExperiment, _ data: Images) -> [DeepRun] {
    print("")
    print(
      "2. Training 784 → \(experiment.deepest) × 128 → 10 (\(experiment.options.epochs) epochs"
        + " each)")
    print("")
    var bar = ProgressBar()
    return experiment.deepConfigurations.map { configuration in
      let run = experiment.train(
        configuration, on: data.training, validation: data.validation, probe: data.probe,
        heldOut: data.heldOut, test: data.test
      ) { event in
        if case .step(let progress) = event { bar.update(progress) }
      }
      bar.clear()
      let diverged = run.results.filter(\.diverged).count
      print(
        "  \(configuration.label.padding(toLength: 40, withPad: " ", startingAt: 0))"
          + " validation \(GradientFlowReport.percent(run.accuracy))"
          + (diverged > 0 ? "  (\(diverged) of \(run.results.count) diverged)" : ""))
      fflush(nil)  // show each run as it ends, also in a file or a pipe
      return run
    }
  }

  static func showDeepTraining(_ report: GradientFlowReport, heldOut: Int) {
    print("")
    print("  validation accuracy after each epoch; test accuracy once, after training:")
    if report.experiment.trainingSeeds.count > 1 {
      print("  (epochs: mean over the seeds; test: mean ± std)")
    }
    print(report.accuracyTable.text)
    print("")
    print("  ‖dW‖ of layer 1 at the start (epoch 0) and after each epoch:")
    print(report.firstLayerNormTable.text)
  }

  static func showUnits(_ report: GradientFlowReport, heldOut: Int) {
    print("")
    print(
      wrapped(
        "3. Dead units: the share of each hidden layer's units whose z ≤ 0 for every one of"
          + " the \(spacedThousands(heldOut)) held-out validation images (a dead ReLU"
          + " unit outputs 0 and learns nothing; a Leaky ReLU one still passes 0.01 of the"
          + " gradient), at the start and after training with Adam", width: 80,
        indent: "   "))
    print(report.deadUnitsTable.text)
    print("")
    print(
      "  "
        + wrapped(
          "Saturated units: the share whose slope f′(z) is below"
            + " \(fixed(Double(GradientFlow.saturationSlope), 2)) for every one of the same"
            + " images (σ′ for Sigmoid, tanh′ for tanh), at the start and after training:",
          width: 78, indent: "  "))
    print(report.saturationTable.text)
    print("")
    print(
      wrapped(
        "4. Each hidden layer's outputs on the held-out images, mean / spread (per unit the"
          + " standard deviation over the images, averaged over the units), at the start"
          + " (epoch 0) and after each epoch", width: 80, indent: "   "))
    for run in report.activityRuns {
      print("")
      print("  \(run.configuration.label):")
      print(report.activityTable(run).text)
    }
  }

  static func showInitializers(_ report: GradientFlowReport) {
    print("")
    print(
      wrapped(
        "5. Initial weights for the \(report.experiment.deepest)-layer networks: at the start"
          + " the mean slope f′ of layers 2…L−1 and ‖dW₁‖ / ‖dW_L‖; validation accuracy"
          + " after training", width: 80, indent: "   "))
    print(report.initializerTable.text)
  }

  static func sweepLearningRates(_ experiment: GradientFlowExperiment, _ data: Images)
    -> LearningRateSweepResult
  {
    print("")
    print(
      "6. Learning rates for 784 → 128 → 10 (\(experiment.sweepEpochs) epochs each,"
        + " validation accuracy)")
    var bar = ProgressBar()
    return experiment.learningRateSweep.run(
      on: data.training, validation: data.validation, test: data.test
    ) { event in
      switch event {
      case .training(.step(let progress)): bar.update(progress)
      case .finished:
        bar.clear()
        fflush(nil)  // a pipe or a log file sees the sweep's part so far
      default: break
      }
    }
  }

  static func showSweep(_ report: GradientFlowReport) {
    print(report.sweepTable.text)
    print("")
    print("  the best rate on validation, and the test accuracy of those networks:")
    print(report.chosenRatesTable.text)
    let glyphs: [Character] = ["*", "o", "t"]
    for optimizer in report.sweep?.optimizers ?? [] {
      print("")
      print("  \(optimizer.rawValue): validation accuracy (%) against log₁₀(learning rate)")
      let columns = report.sweepColumns.filter { $0.optimizer == optimizer }
      let chart = SeriesPlot.text(
        series: columns.enumerated().map { index, column in
          (
            name: "\(column.activation.displayName) \(column.optimizer.rawValue)",
            glyph: glyphs[index % glyphs.count],
            points: report.sweepPoints(column.activation, column.optimizer)
          )
        }, width: 56, height: 8, yDecimals: 0)
      print(chart.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }
    print("  (diverged runs left out)")
  }

  // MARK: - Results files

  static func writeResults(_ report: GradientFlowReport, arguments: TrainingArguments) {
    let experiment = report.experiment
    let deepest = experiment.deepest
    var files: [(String, String)] = []
    let initialRows = report.initial.flatMap { result in
      result.measurements.enumerated().flatMap { index, measurement in
        measurement.weightGradientNorms.enumerated().map { layer, norm in
          [
            "\(result.depth)", result.activation.description, result.initializer.description,
            "\(experiment.initialSeeds[index])", "\(layer + 1)", "\(norm)",
          ]
        }
      }
    }
    files.append(
      (
        "gradient-flow-initial-norms.csv",
        CSVTable(
          header: ["depth", "activation", "weights", "seed", "layer", "dW_norm"], rows: initialRows
        ).text
      ))
    files.append(
      (
        "gradient-flow-initial-norms.svg",
        SVGBarChart(
          title: "‖dW‖ per layer at initialisation, 784 → \(deepest) × 128 → 10",
          xLabel: "layer", yLabel: "‖dW‖ (log scale)",
          categories: (1...deepest + 1).map(String.init),
          series: report.deepestInitial.map {
            .init(name: $0.activation.displayName, values: $0.meanNorms)
          }
        ).svg
      ))
    let trainingRows = report.deep.flatMap { run in
      run.results.flatMap { result in
        result.measurements.enumerated().map { epoch, measurement in
          let activity = measurement.heldOutActivity
          func list(_ values: [Double], _ decimals: Int) -> String {
            values.map { fixed($0, decimals) }.joined(separator: " ")
          }
          return [
            run.configuration.label, "\(result.seed)", "\(epoch)",
            epoch == 0 || epoch > result.history.epochs.count
              ? "" : fixed(result.history.epochs[epoch - 1].validationAccuracy, 6),
            epoch == result.measurements.count - 1
              ? result.test.map { fixed($0.accuracy, 6) } ?? "" : "",
            measurement.weightGradientNorms.map { "\($0)" }.joined(separator: " "),
            list(measurement.meanSlopes, 6), list(activity.map(\.deadFraction), 4),
            list(activity.map(\.saturatedFraction), 4), list(activity.map(\.activationMean), 6),
            activity.map { "\($0.activationSpread)" }.joined(separator: " "),
          ]
        }
      }
    }
    files.append(
      (
        "gradient-flow-training.csv",
        CSVTable(
          header: [
            "run", "seed", "epoch", "validation_accuracy", "test_accuracy", "dW_norms_per_layer",
            "mean_slope_per_hidden_layer", "dead_fraction_per_hidden_layer",
            "saturated_fraction_per_hidden_layer", "activation_mean_per_hidden_layer",
            "activation_spread_per_hidden_layer",
          ], rows: trainingRows
        ).text
      ))
    if let sweep = report.sweep {
      files.append(
        (
          "gradient-flow-learning-rates.csv",
          CSVTable(
            header: [
              "activation", "optimizer", "learning_rate", "seed", "validation_accuracy",
              "test_accuracy",
            ],
            rows: sweep.points.map {
              [
                $0.activation.description, $0.optimizer.rawValue, "\($0.learningRate)",
                "\($0.seed)", $0.validationAccuracy.map { fixed($0, 6) } ?? "diverged",
                $0.testAccuracy.map { fixed($0, 6) } ?? "",
              ]
            }
          ).text
        ))
      files.append(
        (
          "gradient-flow-learning-rates.svg",
          SVGLineChart(
            title: "784 → 128 → 10: validation accuracy against learning rate",
            xLabel: "log10(learning rate)", yLabel: "validation accuracy (%)",
            series: report.sweepColumns.map { column in
              SVGLineChart.Series(
                name: "\(column.activation.displayName) \(column.optimizer.rawValue)",
                points: report.sweepPoints(column.activation, column.optimizer))
            }
          ).svg
        ))
    }
    arguments.writeResultsOrExit(files, program: program)
  }
}

extension LabeledImages {
  /// The first `count` images, or all of them when there are fewer.
  fileprivate func first(_ count: Int) -> LabeledImages {
    subset(Array(0..<min(count, self.count)))
  }
}
