import LessonSupport

/// The command line of `datasets`, declared on `CommandLineParser`: `--help`, the usage
/// lines and every error message are written from these declarations.
struct DatasetsOptions: Equatable, Sendable {
  /// What to do.
  enum Mode: Equatable, Sendable {
    /// Find, fetch and validate both data sets (the default).
    case check
    /// Draw some images of one data set.
    case show(DatasetKindName)
    /// Time loading and measure memory.
    case benchmark
  }

  /// `mnist` or `fashion-mnist` as typed (kept as text so this file needs no NeuralKit).
  typealias DatasetKindName = String

  var mode: Mode = .check
  /// `--data-dir DIR`.
  var dataDirectory: String?
  /// `--offline`: never download.
  var offline = false
  /// `--no-color`.
  var plain = false
  /// `--count N` for `--show`.
  var count = 8
  /// `--runs N` for `--benchmark`.
  var runs = 5

  /// The program's flags and its three ways to be called.
  static let parser = CommandLineParser(
    program: "datasets",
    summary: """
      Finds MNIST and Fashion-MNIST, says where each was found and every place it looked,
      downloads what is missing into your cache, and checks every data file it finds.

      Exit status: 0 all files good, 1 a file is bad (the message names it), 2 bad usage.

      Places, in order: --data-dir DIR (DIR/mnist/, DIR/fashion-mnist/, each with the four
      official files, .gz or not), $NEURALKIT_DATA_DIR the same way, the cache
      (~/.cache/neural-nets-from-scratch/, or under $XDG_CACHE_HOME), for Fashion-MNIST
      /usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist), a download from the
      official mirrors into the cache, and last the small subsets bundled with NeuralKit.
      """,
    defaults: DatasetsOptions(),
    flags: [
      .value(
        "data-dir",
        FlagValue.text(placeholder: "DIR", meaning: "a folder", example: "data").optional,
        help: "look in DIR first", at: \.dataDirectory),
      .switch("offline", help: "never download (so does NEURALKIT_OFFLINE=1)", sets: \.offline),
      .value(
        "show", .oneOf(["mnist": "mnist", "fashion-mnist": "fashion-mnist"]),
        help: "draw a few test images of that data set with their labels"
      ) { options, name in options.mode = .show(name) }
      .excluding("benchmark"),
      .value(
        "count", .wholeNumber(in: 1...64, example: 8), help: "how many images --show draws",
        at: \.count),
      .switch(
        "benchmark", help: "time loading the full sets from --data-dir and measure peak memory"
      ) { options in options.mode = .benchmark }
      .requiring("data-dir"),
      .value(
        "runs", .wholeNumber(in: 1...100, example: 5),
        help: "runs per timing for --benchmark, which reports the median", at: \.runs),
      .noColor(\.plain),
    ],
    usageForms: [
      UsageForm(optional: ["data-dir", "offline", "no-color"]),
      UsageForm(required: ["show"], optional: ["count"]),
      UsageForm(
        invocation: "swift run -c release", required: ["benchmark", "data-dir"],
        optional: ["runs"]),
    ])
}
