import Dispatch
import Foundation
import NeuralKit

/// Lesson 07: gradient flow, measured. How big is each layer's weight gradient in a deep
/// network at the start and during training, with Sigmoid, ReLU and Leaky ReLU? How many
/// ReLU units die? Which learning rates suit each activation? Glorot or He?
///
///     swift run lesson07-gradient-flow            the default run (MNIST, under 3 minutes)
///     swift run lesson07-gradient-flow --quick    a short run (CI, tests)
@main
struct GradientFlowLesson {
  static let program = "lesson07-gradient-flow"

  static let usage = """
    usage: swift run \(program) [flags]

    Measures the second study's claims on 784 → L × 128 → 10 networks: each
    layer's weight-gradient size at initialisation (L = 2, 5, 10) and after each
    epoch, dead ReLU units, a learning-rate sweep on 784 → 128 → 10, and Glorot
    against He weights.
    Writes SVG charts and CSV tables to results/.

    Flags:
      --dataset mnist|fashion-mnist        (default mnist)
      --epochs N                           epochs of each deep run (default 3; the
                                           learning-rate sweep uses at most 2)
      --train-images N                     training images used (default 10000;
                                           60000 is the whole set, about 6× slower)
      --batch-size N                       images per step (default 32)
      --seeds N | --seeds A,B,C            training seeds (default 1; gradients at
                                           initialisation always use seeds 1…5)
      --data-dir DIR                       a folder with mnist/ and fashion-mnist/
      --out DIR                            where results go (default results)
      --quick                              2 epochs on 1 000 images (CI, tests)
      --no-color                           plain text
      -h, --help                           this text
    """

  /// The sizes of one run, printed so the numbers can be read in context.
  struct Plan {
    var trainingImages = 10_000
    var validationImages = Int.max
    var probeImages = 256
    var heldOutImages = 1_000
    var depths = [2, 5, 10]
    var initialSeeds: [UInt64] = [1, 2, 3, 4, 5]
    var learningRates: [Float] = [0.0001, 0.001, 0.01, 0.1, 1]
    var sgdRate: Float = 0.01
    var adamRate: Float = 0.001
  }

  static let activations: [Activation] = [.sigmoid, .relu, .leakyReLU(alpha: 0.01)]

  static func main() {
    let started = DispatchTime.now().uptimeNanoseconds
    var (arguments, plan) = parseArguments()
    if arguments.quick {
      if !arguments.given.contains("epochs") { arguments.options.epochs = 2 }
      if !arguments.given.contains("train-images") { plan.trainingImages = 1_000 }
      plan.validationImages = 500
      plan.heldOutImages = 500
    }
    let style = TerminalStyle.standardOutput(plain: arguments.plain)
    print(style.bold("Lesson 07 — gradient flow: why Sigmoid fails in deep networks"))
    print("command: \(TrainingArguments.reproducingCommand(program: program))")
    let kind = arguments.datasets[0]
    let located: LocatedDataset
    do {
      located = try arguments.locate(kind)
    } catch {
      FileHandle.standardError.write(Data("\(program): \(error)\n".utf8))
      exit(1)
    }
    if let banner = located.banner { print(wrapped(banner, width: 80)) }
    print("data: \(located.source)")
    var data = Images(located.dataset, plan: plan, scaled: arguments.options.scaledPixels)
    plan.trainingImages = data.training.count
    let options = arguments.options
    print(
      wrapped(
        "sizes: \(spacedThousands(data.training.count)) training images,"
          + " \(spacedThousands(data.validation.count)) test images for validation,"
          + " batch \(options.batchSize), \(options.epochs) epochs per deep run and"
          + " \(sweepEpochs(options)) per learning rate,"
          + " training seeds \(arguments.seeds.map(String.init).joined(separator: ", "));"
          + " gradients measured on the same \(data.probe.labels.count) training images,"
          + " dead units on \(spacedThousands(data.heldOut.labels.count)) test images", width: 80,
        indent: "  "))
    var results = Results()
    results.initial = measureInitialGradients(data, plan: plan)
    showInitialGradients(results.initial, plan: plan)
    var partStart = DispatchTime.now().uptimeNanoseconds
    results.deep = trainDeepNetworks(&data, plan: plan, arguments: arguments)
    if !arguments.quick { print("  (training took \(fixed(secondsSince(partStart), 0)) s)") }
    showDeepTraining(results.deep, plan: plan, epochs: options.epochs)
    showDeadUnits(results.deep, plan: plan, heldOut: data.heldOut.labels.count)
    showInitializers(results.deep, plan: plan)
    partStart = DispatchTime.now().uptimeNanoseconds
    results.sweep = sweepLearningRates(data, plan: plan, arguments: arguments)
    showSweep(results.sweep)
    if !arguments.quick { print("  (the sweep took \(fixed(secondsSince(partStart), 0)) s)") }
    print("")
    print(style.bold("Verdict:"))
    for sentence in verdict(results, plan: plan) {
      print("- " + wrapped(sentence, width: 78, indent: "  "))
    }
    writeResults(results, plan: plan, arguments: arguments)
    if !arguments.quick {
      print("")
      print("took \(fixed(secondsSince(started), 0)) s (a shared machine: timings are noisy)")
    }
    print("")
    print("Your turn: exercises/07-gradient-flow/GradientNorms.swift and DeadUnits.swift,")
    print("then swift test --disable-xctest --filter Lesson07")
    print("Next: lesson 08, a faster matrix product (swift run lesson08-fast-matmul).")
  }

  // MARK: - Flags and data

  /// TrainingArguments' flags plus `--train-images`, which only this lesson has.
  static func parseArguments() -> (TrainingArguments, Plan) {
    var plan = Plan()
    var rest = Array(CommandLine.arguments.dropFirst())
    var given: Set<String> = []
    if let index = rest.firstIndex(of: "--train-images") {
      guard index + 1 < rest.count, let count = Int(rest[index + 1]), count >= 100 else {
        fail("--train-images needs a whole number of images, at least 100")
      }
      plan.trainingImages = count
      rest.removeSubrange(index...index + 1)
      given.insert("train-images")
    }
    var defaults = TrainingArguments()
    defaults.options.epochs = 3
    do {
      var arguments = try TrainingArguments.parse(
        rest, defaults: defaults,
        accepted: [.dataset, .epochs, .batchSize, .seeds, .dataDir, .out, .quick, .noColor, .help])
      if arguments.help {
        print(usage)
        exit(0)
      }
      guard arguments.datasets.count == 1 else { fail("--dataset takes one data set") }
      arguments.given.formUnion(given)
      return (arguments, plan)
    } catch {
      fail(error.description)
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(
      Foundation.Data(
        "\(program): \(message)\nRun `swift run \(program) --help` for the flags.\n".utf8))
    exit(2)
  }

  /// The images every part uses: a training subset, the validation images, a fixed probe
  /// batch for gradients and a held-out batch for dead units.
  struct Images {
    var training: LabeledImages
    var validation: LabeledImages
    var probe: GradientTrackedRun.Batch
    var heldOut: GradientTrackedRun.Batch

    init(_ dataset: Dataset, plan: Plan, scaled: Bool) {
      training = dataset.train.subset(Array(0..<min(plan.trainingImages, dataset.train.count)))
      validation = dataset.test.subset(Array(0..<min(plan.validationImages, dataset.test.count)))
      probe = training.batch(Array(0..<min(plan.probeImages, training.count)), scaled: scaled)
      heldOut = validation.batch(
        Array(0..<min(plan.heldOutImages, validation.count)), scaled: scaled)
    }
  }

  struct Results {
    var initial: [InitialGradients] = []
    var deep: [DeepRun] = []
    var sweep: LearningRateSweepResult?
  }

  // MARK: - 1. Gradients at initialisation

  /// One depth and activation at initialisation, one measurement per seed.
  struct InitialGradients {
    var depth: Int
    var activation: Activation
    var initializer: Initializer
    var measurements: [GradientMeasurement]

    /// Mean ‖dW‖ per layer over the seeds.
    var meanNorms: [Double] {
      measurements[0].weightGradientNorms.indices.map { layer in
        Summary(measurements.map { $0.weightGradientNorms[layer] }).mean
      }
    }
    var ratio: Summary? {
      let values = measurements.compactMap(\.hiddenLayerRatio)
      return values.isEmpty ? nil : Summary(values)
    }
    var firstToLast: Summary { Summary(measurements.map(\.firstToLastHidden)) }
  }

  static func measureInitialGradients(_ data: Images, plan: Plan) -> [InitialGradients] {
    var results: [InitialGradients] = []
    for depth in plan.depths {
      for initializer in [Initializer.glorotUniform, .heUniform] {
        for activation in activations where initializer == .glorotUniform || activation == .relu {
          // lesson: initial-gradients
          // Same seed → same weights for every activation; same probe batch for all.
          let measurements = plan.initialSeeds.map { seed in
            let network = Network(
              layerSizes: [784] + Array(repeating: 128, count: depth) + [10],
              hiddenActivation: activation, initializer: initializer, seed: seed)
            return try! GradientFlow.measure(
              network, inputs: data.probe.inputs, labels: data.probe.labels)
          }
          // end lesson
          results.append(
            InitialGradients(
              depth: depth, activation: activation, initializer: initializer,
              measurements: measurements))
        }
      }
    }
    return results
  }

  static func showInitialGradients(_ results: [InitialGradients], plan: Plan) {
    let deepest = plan.depths.max()!
    let glorot = results.filter { $0.initializer == .glorotUniform }
    let deep = glorot.filter { $0.depth == deepest }
    print("")
    print("1. Gradients at initialisation: Glorot weights, seeds 1–\(plan.initialSeeds.count)")
    print("")
    print("  784 → \(deepest) × 128 → 10: ‖dW‖ of each layer, mean over the seeds")
    let norms = deep.map(\.meanNorms)
    let rows = norms[0].indices.map { layer -> [String] in
      let shape = layer == 0 ? "784×128" : layer == deepest ? "128×10" : "128×128"
      return ["\(layer + 1)", shape] + norms.map { scientific($0[layer]) }
    }
    print(
      TextTable(headers: ["layer", "W"] + deep.map(\.activation.displayName), rows: rows).text)
    print("")
    print("  the same as bars (log scale; the output layer \(deepest + 1) left out):")
    let chart = TextBarChart(
      groups: (0..<deepest).map { layer in
        (label: "  \(layer + 1)", values: norms.map { $0[layer] })
      }, seriesNames: deep.map(\.activation.displayName), glyphs: ["o", "#", "="],
      barWidth: 36)
    print(chart.text)
    print("")
    print(
      "  "
        + wrapped(
          "By depth: the layer-to-layer ratio ‖dW_l‖ / ‖dW_l+1‖ (geometric mean over the"
            + " 128×128 layers 2…L) next to the bound on the activation's slope (σ′ ≤ 0.25,"
            + " ReLU′ ≤ 1), and how much"
            + " of the last hidden layer's ‖dW‖ is left at layer 1, mean ± std over the seeds:",
          width: 78, indent: "  "))
    let summaryRows = glorot.map { result -> [String] in
      [
        "\(result.depth)", result.activation.displayName,
        result.activation == .sigmoid ? "0.25" : "1",
        result.ratio.map { "\(fixed($0.mean, 3)) ± \(fixed($0.standardDeviation, 3))" }
          ?? "— (L < 3)",
        "\(scientific(result.firstToLast.mean)) ± \(scientific(result.firstToLast.standardDeviation))",
      ]
    }
    print(
      TextTable(
        headers: ["L", "activation", "bound", "ratio l / l+1", "layer 1 / layer L"],
        rows: summaryRows
      ).text)
  }

  // MARK: - 2. Training deep networks

  /// One trained 10-layer network: what changed and its result per seed.
  struct DeepRun {
    var label: String
    var activation: Activation
    var optimizer: OptimizerChoice
    var learningRate: Float
    var initializer: Initializer
    var results: [GradientTrackedResult]

    /// Final validation accuracy over seeds that did not diverge.
    var accuracy: Summary? {
      let values = results.compactMap(\.finalAccuracy)
      return values.isEmpty ? nil : Summary(values)
    }
  }

  static func trainDeepNetworks(_ data: inout Images, plan: Plan, arguments: TrainingArguments)
    -> [DeepRun]
  {
    let depth = plan.depths.max()!
    print("")
    print("2. Training 784 → \(depth) × 128 → 10 (\(arguments.options.epochs) epochs each)")
    print("")
    var configurations: [(Activation, OptimizerChoice, Float, Initializer)] = []
    for optimizer in [OptimizerChoice.sgd, .adam] {
      let rate = optimizer == .sgd ? plan.sgdRate : plan.adamRate
      for activation in activations {
        configurations.append((activation, optimizer, rate, .glorotUniform))
      }
    }
    configurations += [
      (.relu, .adam, plan.adamRate * 10, .glorotUniform),
      (.leakyReLU(alpha: 0.01), .adam, plan.adamRate * 10, .glorotUniform),
      (.relu, .sgd, plan.sgdRate, .heUniform), (.relu, .adam, plan.adamRate, .heUniform),
    ]
    var runs: [DeepRun] = []
    var bar = ProgressBar()
    for (activation, optimizer, rate, initializer) in configurations {
      var options = arguments.options
      options.hiddenLayers = Array(repeating: 128, count: depth)
      options.activation = activation
      options.optimizer = optimizer
      options.learningRate = rate
      options.initializer = initializer
      let label =
        "\(activation.displayName), \(optimizer.rawValue) \(Self.rate(rate))"
        + (initializer == .glorotUniform ? "" : ", \(initializer)")
      var results: [GradientTrackedResult] = []
      for seed in arguments.seeds {
        let result = GradientTrackedRun(options: options, seed: seed).train(
          on: data.training, validation: data.validation, probe: data.probe,
          heldOut: data.heldOut
        ) { event in
          if case .step(let progress) = event { bar.update(progress) }
        }
        bar.clear()
        results.append(result)
      }
      let run = DeepRun(
        label: label, activation: activation, optimizer: optimizer, learningRate: rate,
        initializer: initializer, results: results)
      runs.append(run)
      let diverged = results.filter(\.diverged).count
      print(
        "  \(label.padding(toLength: 38, withPad: " ", startingAt: 0))"
          + " test \(percent(run.accuracy))"
          + (diverged > 0 ? "  (\(diverged) of \(results.count) diverged)" : ""))
      fflush(nil)  // show each run as it ends, also in a file or a pipe
    }
    return runs
  }

  static func showDeepTraining(_ runs: [DeepRun], plan: Plan, epochs: Int) {
    let main = runs.filter { $0.initializer == .glorotUniform && isBaseRate($0, plan) }
    print("")
    print("  validation accuracy after each epoch:")
    let headers = ["network", "optimizer"] + (1...epochs).map { "epoch \($0)" }
    print(
      TextTable(
        headers: headers,
        rows: main.map { run in
          [run.activation.displayName, "\(run.optimizer.rawValue) \(rate(run.learningRate))"]
            + (1...epochs).map { epoch in
              percent(
                summary(run.results) {
                  $0.history.epochs.count >= epoch && !$0.diverged
                    ? $0.history.epochs[epoch - 1].validationAccuracy : nil
                })
            }
        }
      ).text)
    print("")
    print("  ‖dW‖ of layer 1 at the start (epoch 0) and after each epoch:")
    print(
      TextTable(
        headers: ["network", "optimizer"] + (0...epochs).map { "epoch \($0)" },
        rows: main.map { run in
          [run.activation.displayName, "\(run.optimizer.rawValue) \(rate(run.learningRate))"]
            + (0...epochs).map { epoch in
              let values = run.results.compactMap {
                $0.measurements.count > epoch ? $0.measurements[epoch].weightGradientNorms[0] : nil
              }
              return values.isEmpty ? "—" : scientific(Summary(values).mean)
            }
        }
      ).text)
  }

  static func isBaseRate(_ run: DeepRun, _ plan: Plan) -> Bool {
    run.learningRate == (run.optimizer == .sgd ? plan.sgdRate : plan.adamRate)
  }

  // MARK: - 3. Dead units

  static func showDeadUnits(_ runs: [DeepRun], plan: Plan, heldOut: Int) {
    let depth = plan.depths.max()!
    let relu = runs.filter { $0.activation != .sigmoid && $0.initializer == .glorotUniform }
      .filter { $0.optimizer == .adam }
      .sorted {
        ($0.activation == .relu ? 0 : 1, $0.learningRate) < (
          $1.activation == .relu ? 0 : 1, $1.learningRate
        )
      }
    print("")
    print(
      wrapped(
        "3. Dead units: the share of each hidden layer's units whose z ≤ 0 for every one of"
          + " the \(spacedThousands(heldOut)) held-out test images (a dead ReLU"
          + " unit outputs 0 and learns nothing; a Leaky ReLU one still passes 0.01 of the"
          + " gradient), at the start and after training with Adam", width: 80,
        indent: "   "))
    func dead(_ run: DeepRun, _ index: Int, _ layer: Int) -> String {
      let values = run.results.compactMap { result -> Double? in
        let m = index == 0 ? result.measurements.first : result.measurements.last
        return result.diverged && index != 0 ? nil : m?.deadUnitFractions[layer]
      }
      return values.isEmpty ? "diverged" : fixed(Summary(values).mean * 100, 1) + "%"
    }
    var headers = ["layer", "start"]
    var columns: [(DeepRun, Int)] = [(relu[0], 0)]
    for run in relu {
      headers.append(
        (run.activation == .relu ? "ReLU " : "Leaky ") + rate(run.learningRate))
      columns.append((run, 1))
    }
    let rows = (0..<depth).map { layer in
      ["\(layer + 1)"] + columns.map { dead($0.0, $0.1, layer) }
    }
    let meanRow =
      ["mean"]
      + columns.map { run, index in
        let values = run.results.compactMap { result -> Double? in
          let m = index == 0 ? result.measurements.first : result.measurements.last
          return result.diverged && index != 0 ? nil : m.map { Summary($0.deadUnitFractions).mean }
        }
        return values.isEmpty ? "diverged" : fixed(Summary(values).mean * 100, 1) + "%"
      }
    print(TextTable(headers: headers, rows: rows + [meanRow]).text)
    print("  (start: before training; Leaky ReLU starts from the same weights)")
  }

  // MARK: - 4. Initialisation

  static func showInitializers(_ runs: [DeepRun], plan: Plan) {
    let depth = plan.depths.max()!
    print("")
    print("4. Glorot or He weights for the \(depth)-layer ReLU network")
    let rows = [Initializer.glorotUniform, .heUniform].map { initializer -> [String] in
      let chosen = runs.filter {
        $0.activation == .relu && $0.initializer == initializer && isBaseRate($0, plan)
      }
      let first = chosen.first!.results.map { $0.measurements[0].firstToLastHidden }
      return [initializer.description, scientific(Summary(first).mean)]
        + [OptimizerChoice.sgd, .adam].map { optimizer in
          percent(chosen.first { $0.optimizer == optimizer }?.accuracy)
        }
    }
    print(
      TextTable(
        headers: ["weights", "layer 1 / layer L at start", "test, sgd", "test, adam"], rows: rows
      ).text)
  }

  // MARK: - 5. Learning rates

  static func sweepLearningRates(_ data: Images, plan: Plan, arguments: TrainingArguments)
    -> LearningRateSweepResult
  {
    print("")
    print(
      "5. Learning rates for 784 → 128 → 10 (\(sweepEpochs(arguments.options)) epochs each,"
        + " final test accuracy)")
    var options = arguments.options
    options.hiddenLayers = [128]
    options.epochs = sweepEpochs(options)
    let sweep = LearningRateSweep(
      options: options, activations: [.relu, .sigmoid], optimizers: [.adam, .sgd],
      learningRates: plan.learningRates, seeds: arguments.seeds)
    var bar = ProgressBar()
    return sweep.run(on: data.training, validation: data.validation) { event in
      switch event {
      case .training(.step(let progress)): bar.update(progress)
      case .finished:
        bar.clear()
        fflush(nil)  // a pipe or a log file sees the sweep's part so far
      default: break
      }
    }
  }

  static func showSweep(_ result: LearningRateSweepResult?) {
    guard let result else { return }
    let columns = result.optimizers.flatMap { optimizer in
      result.activations.map { (optimizer, $0) }
    }
    let rows = result.learningRates.map { learningRate in
      [rate(learningRate)]
        + columns.map { optimizer, activation in
          percent(result.accuracy(activation, optimizer, learningRate))
        }
    }
    print(
      TextTable(
        headers: ["rate"] + columns.map { "\($1.displayName) \($0.rawValue)" }, rows: rows
      ).text)
    print("")
    print("  test accuracy (%) against log₁₀(learning rate); diverged runs left out:")
    let glyphs: [Character] = ["*", "o", "+", "x"]
    let chart = SeriesPlot.text(
      series: columns.enumerated().map { index, column in
        (
          name: "\(column.1.displayName) \(column.0.rawValue)", glyph: glyphs[index % 4],
          points: sweepPoints(result, column.1, column.0)
        )
      }, width: 56, height: 10, yDecimals: 0)
    print(chart.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
  }

  static func sweepPoints(
    _ result: LearningRateSweepResult, _ activation: Activation, _ optimizer: OptimizerChoice
  ) -> [(x: Double, y: Double)] {
    result.learningRates.compactMap { learningRate in
      result.accuracy(activation, optimizer, learningRate).map {
        (x: log10(Double(learningRate)), y: $0.mean * 100)
      }
    }
  }

  // MARK: - Verdict

  static func verdict(_ results: Results, plan: Plan) -> [String] {
    var sentences: [String] = []
    let deepest = plan.depths.max()!
    let initial = results.initial.filter { $0.initializer == .glorotUniform && $0.depth == deepest }
    if let sigmoid = initial.first(where: { $0.activation == .sigmoid })?.ratio,
      let relu = initial.first(where: { $0.activation == .relu })?.ratio
    {
      let sigmoidLeft = initial.first { $0.activation == .sigmoid }!.firstToLast.mean
      let reluLeft = initial.first { $0.activation == .relu }!.firstToLast.mean
      sentences.append(
        "Gradient flow at the start: with Sigmoid each layer going back keeps"
          + " \(fixed(sigmoid.mean, 2)) of the next one's ‖dW‖"
          + " (\(sigmoid.mean <= 0.25 ? "within" : "above") the 0.25 bound), so in"
          + " \(deepest) layers layer 1 gets \(times(sigmoidLeft)) the last hidden"
          + " layer's ‖dW‖; with ReLU the factor is \(fixed(relu.mean, 2)) and layer 1 gets"
          + " \(times(reluLeft)) it."
          + (sigmoid.mean <= 0.25 && relu.mean > 0.5
            ? " The study's claim 2 holds as measured." : ""))
    }
    let base = results.deep.filter { $0.initializer == .glorotUniform && isBaseRate($0, plan) }
    for optimizer in [OptimizerChoice.sgd, .adam] {
      let sigmoid = base.first { $0.activation == .sigmoid && $0.optimizer == optimizer }
      let relu = base.first { $0.activation == .relu && $0.optimizer == optimizer }
      guard let sigmoid, let relu else { continue }
      let learns = (sigmoid.accuracy?.mean ?? 0) >= 0.2
      sentences.append(
        "Deep training with \(optimizer == .sgd ? "plain SGD" : "Adam")"
          + " (\(rate(sigmoid.learningRate))): the \(deepest)-layer Sigmoid network reaches"
          + " \(percent(sigmoid.accuracy)) (chance is about 10%)"
          + (learns ? "" : ", it does not learn in this budget")
          + "; ReLU reaches \(percent(relu.accuracy)).")
    }
    for activation in [Activation.relu, .leakyReLU(alpha: 0.01)] {
      let adamRuns = results.deep.filter {
        $0.activation == activation && $0.optimizer == .adam && $0.initializer == .glorotUniform
      }
      if let sentence = deadUnitSentence(activation, adamRuns) { sentences.append(sentence) }
    }
    if let sweep = results.sweep {
      for optimizer in sweep.optimizers {
        guard let reluBest = sweep.bestRate(.relu, optimizer),
          let sigmoidBest = sweep.bestRate(.sigmoid, optimizer)
        else { continue }
        // "ReLU wants a smaller rate": compare the two above the smaller best rate.
        let smallerBest = min(reluBest, sigmoidBest)
        let above = sweep.learningRates.filter { $0 > smallerBest }.map { learningRate in
          (
            learningRate, sweep.accuracy(.relu, optimizer, learningRate),
            sweep.accuracy(.sigmoid, optimizer, learningRate)
          )
        }
        // More than 1 point apart counts; closer is level (one seed moves more than that).
        let gaps = above.map { (($0.1?.mean ?? -1) - ($0.2?.mean ?? -1)) * 100 }
        let reluBehind = gaps.filter { $0 < -1 }.count
        let reluAhead = gaps.filter { $0 > 1 }.count
        let list = above.map { "\(rate($0.0)): \(percent($0.1)) vs \(percent($0.2))" }
          .joined(separator: ", ")
        let comparison: String
        if above.isEmpty {
          comparison = "no larger rate to compare"
        } else if reluBehind == above.count {
          comparison =
            "above \(rate(smallerBest)) ReLU is more than 1 point behind Sigmoid at every rate"
            + " (\(list)):"
            + " it tolerates large rates less well, as the study advises"
        } else if reluAhead == above.count {
          comparison =
            "above \(rate(smallerBest)) ReLU is more than 1 point ahead at every rate (\(list)),"
            + " against the"
            + " study's advice"
        } else if reluBehind == 0 && reluAhead == 0 {
          comparison =
            "above \(rate(smallerBest)) the two are within 1 point (\(list)): no sign here"
            + " that ReLU wants a smaller rate"
        } else {
          comparison =
            "above \(rate(smallerBest)) ReLU is more than 1 point behind at \(reluBehind) of"
            + " \(above.count) rates (\(list))"
        }
        sentences.append(
          "Learning rates with \(optimizer == .sgd ? "SGD" : "Adam"): best for ReLU"
            + " \(rate(reluBest)), for Sigmoid \(rate(sigmoidBest)); \(comparison).")
      }
    }
    let he = results.deep.filter { $0.activation == .relu && $0.initializer == .heUniform }
    let glorot = base.filter { $0.activation == .relu }
    if let heAdam = he.first(where: { $0.optimizer == .adam })?.accuracy,
      let glorotAdam = glorot.first(where: { $0.optimizer == .adam })?.accuracy,
      let heSGD = he.first(where: { $0.optimizer == .sgd })?.accuracy,
      let glorotSGD = glorot.first(where: { $0.optimizer == .sgd })?.accuracy
    {
      sentences.append(
        "Glorot vs He for the deep ReLU network: \(percent(glorotSGD)) vs \(percent(heSGD))"
          + " with SGD, \(percent(glorotAdam)) vs \(percent(heAdam)) with Adam.")
    }
    let training = results.deep.first?.results.count ?? 1
    if training < 2 {
      sentences.append(
        "Training results are from one seed: differences of a point or two may be noise;"
          + " --seeds 3 gives mean ± std.")
    }
    return sentences
  }

  /// "Dead ReLU units: 3.4% at the start, 13.2% after Adam 0.001, 72.1% at 0.01."
  static func deadUnitSentence(_ activation: Activation, _ runs: [DeepRun]) -> String? {
    guard let low = runs.min(by: { $0.learningRate < $1.learningRate }),
      let high = runs.max(by: { $0.learningRate < $1.learningRate }),
      low.learningRate < high.learningRate
    else { return nil }
    func mean(_ run: DeepRun, start: Bool) -> String {
      let values = run.results.filter { start || !$0.diverged }.compactMap {
        (start ? $0.measurements.first : $0.measurements.last).map {
          Summary($0.deadUnitFractions).mean
        }
      }
      return values.isEmpty ? "— (diverged)" : fixed(Summary(values).mean * 100, 1) + "%"
    }
    let name = activation == .relu ? "Dead ReLU units" : "Leaky ReLU units with z ≤ 0 throughout"
    return "\(name): \(mean(low, start: true)) of hidden units at the start,"
      + " \(mean(low, start: false)) after training with Adam \(rate(low.learningRate)),"
      + " \(mean(high, start: false)) with a rate ten times larger"
      + " (\(percent(low.accuracy)) and \(percent(high.accuracy)) test accuracy)"
      + (activation == .relu
        ? "." : "; unlike dead ReLU units they still pass 0.01 of the gradient.")
  }

  // MARK: - Results files

  static func writeResults(_ results: Results, plan: Plan, arguments: TrainingArguments) {
    let deepest = plan.depths.max()!
    var files: [(String, String)] = []
    let initialRows = results.initial.flatMap { result in
      result.measurements.enumerated().flatMap { index, measurement in
        measurement.weightGradientNorms.enumerated().map { layer, norm in
          [
            "\(result.depth)", result.activation.description, result.initializer.description,
            "\(plan.initialSeeds[index])", "\(layer + 1)", "\(norm)",
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
    let deep = results.initial.filter { $0.depth == deepest && $0.initializer == .glorotUniform }
    files.append(
      (
        "gradient-flow-initial-norms.svg",
        SVGBarChart(
          title: "‖dW‖ per layer at initialisation, 784 → \(deepest) × 128 → 10",
          xLabel: "layer", yLabel: "‖dW‖ (log scale)",
          categories: (1...deepest + 1).map(String.init),
          series: deep.map { .init(name: $0.activation.displayName, values: $0.meanNorms) }
        ).svg
      ))
    let trainingRows = results.deep.flatMap { run in
      run.results.flatMap { result in
        result.measurements.enumerated().map { epoch, measurement in
          [
            run.label, "\(result.seed)", "\(epoch)",
            epoch == 0 || epoch > result.history.epochs.count
              ? "" : fixed(result.history.epochs[epoch - 1].validationAccuracy, 6),
            measurement.weightGradientNorms.map { "\($0)" }.joined(separator: " "),
            measurement.deadUnitFractions.map { fixed($0, 4) }.joined(separator: " "),
          ]
        }
      }
    }
    files.append(
      (
        "gradient-flow-training.csv",
        CSVTable(
          header: [
            "run", "seed", "epoch", "validation_accuracy", "dW_norms_per_layer",
            "dead_fraction_per_hidden_layer",
          ], rows: trainingRows
        ).text
      ))
    if let sweep = results.sweep {
      files.append(
        (
          "gradient-flow-learning-rates.csv",
          CSVTable(
            header: ["activation", "optimizer", "learning_rate", "seed", "validation_accuracy"],
            rows: sweep.points.map {
              [
                $0.activation.description, $0.optimizer.rawValue, "\($0.learningRate)",
                "\($0.seed)",
                $0.validationAccuracy.map { fixed($0, 6) } ?? "diverged",
              ]
            }
          ).text
        ))
      files.append(
        (
          "gradient-flow-learning-rates.svg",
          SVGLineChart(
            title: "784 → 128 → 10: test accuracy against learning rate",
            xLabel: "log10(learning rate)", yLabel: "test accuracy (%)",
            series: sweep.optimizers.flatMap { optimizer in
              sweep.activations.map { activation in
                SVGLineChart.Series(
                  name: "\(activation.displayName) \(optimizer.rawValue)",
                  points: sweepPoints(sweep, activation, optimizer))
              }
            }
          ).svg
        ))
    }
    let folder = URL(fileURLWithPath: arguments.outputDirectory)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      print("")
      for (name, text) in files {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        print("wrote \(arguments.outputDirectory)/\(name)")
      }
    } catch {
      FileHandle.standardError.write(
        Foundation.Data(
          "\(program): cannot write results to \(arguments.outputDirectory): \(error)\n".utf8))
      exit(1)
    }
  }

  /// The sweep trains 20 networks; 2 epochs each keep the default run under 3 minutes.
  static func sweepEpochs(_ options: TrainingOptions) -> Int { min(options.epochs, 2) }

  // MARK: - Formatting

  /// `97.41%`, `97.41 ± 0.08%` over several seeds, `diverged` for nil.
  static func percent(_ summary: Summary?) -> String {
    guard let summary else { return "diverged" }
    return summary.count > 1
      ? "\(fixed(summary.mean * 100, 2)) ± \(fixed(summary.standardDeviation * 100, 2))%"
      : "\(fixed(summary.mean * 100, 2))%"
  }

  /// The summary of a metric over the results where it exists.
  static func summary(
    _ results: [GradientTrackedResult], _ metric: (GradientTrackedResult) -> Double?
  )
    -> Summary?
  {
    let values = results.compactMap(metric)
    return values.isEmpty ? nil : Summary(values)
  }

  /// `1e-4`, `0.001`, `0.01`, `0.1`, `1` as a learner would type them.
  static func rate(_ value: Float) -> String {
    String(format: "%g", Double(value))
  }

  /// `3.4e-06 ×` for tiny factors, `2.10 ×` otherwise.
  static func times(_ value: Double) -> String {
    (value < 0.01 ? scientific(value) : fixed(value, 2)) + " ×"
  }

  static func secondsSince(_ start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }
}
