import Foundation
import LessonSupport
import MNISTData
import NeuralKit

/// `--ablation`: the source post's gap, attributed one factor at a time.
extension ReLUVersusSigmoid {
  static func runAblation(_ settings: Settings, given: Set<String>, style: TerminalStyle) {
    let arguments = settings.training
    let kinds = given.contains("dataset") ? arguments.datasets : [.fashionMNIST]
    let ablation = GapAblation(seeds: arguments.seeds, epochs: arguments.options.epochs)
    print(
      wrapped(
        "ablation: from the post's notebook run (train and test pooled, then 80/20; 784 → 128"
          + " → 128 → 10; SGD 0.01; batch 1000) one change at a time toward the code it shows"
          + " (official split, one hidden layer, Adam 0.001, batch 32), then all four;"
          + " \(ablation.epochs) epochs, seeds"
          + " \(arguments.seeds.map(String.init).joined(separator: ", ")); accuracy on each"
          + " configuration's held-out images (the pooled 20%, or the test set)", width: 80))
    print("  Before it runs: which change do you expect to close most of Sigmoid's gap?")
    var files: [(name: String, text: String)] = []
    for kind in kinds {
      guard let located = locate(kind, arguments) else { exit(1) }
      let dataset = dataset(located, quick: arguments.quick)
      print("")
      print(style.bold(dataset.kind.displayName))
      if let banner = located.banner { print(wrapped(banner, width: 80)) }
      print("data: \(located.source)")
      var bar = ProgressBar()
      let names = ablation.configurations.map(\.name)
      let result = ablation.run(on: dataset) { index, event in
        switch event {
        case .training(_, _, .step(let progress)): bar.update(progress)
        case .finished(let run):
          bar.clear()
          let accuracy = run.validation.map { "\(fixed($0.accuracy * 100, 2))%" } ?? "diverged"
          print(
            "  \(names[index].padding(toLength: 26, withPad: " ", startingAt: 0))"
              + " \(run.activation.displayName.padding(toLength: 8, withPad: " ", startingAt: 0))"
              + " seed \(run.seed)  \(accuracy)")
          fflush(nil)  // show each run as it ends, also in a file or a pipe
        default: break
        }
      }
      let report = GapAblationReport(result: result)
      print("")
      print(report.table.text)
      print(
        "  "
          + wrapped(
            "closes: the share of the activation's gap (the code's accuracy minus the"
              + " notebook's) that this one change closes on its own", width: 78, indent: "  "))
      print("")
      for sentence in report.sentences {
        print("- " + wrapped(sentence, width: 78, indent: "  "))
      }
      files.append(
        (
          "relu-vs-sigmoid-ablation-\(kind.folderName).csv",
          CSVTable(
            header: ["configuration"] + ExperimentResult.finalHeader,
            rows: zip(result.names, result.results).flatMap { name, experiment in
              experiment.finalRows.map { [name] + $0 }
            }
          ).text
        ))
    }
    arguments.writeResultsOrExit(files, program: program)
    print("")
    print("Lessons/06-relu-vs-sigmoid.md, \"The post's gap, attributed\", reads this table.")
  }
}
