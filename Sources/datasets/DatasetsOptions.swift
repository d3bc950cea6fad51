import LessonSupport
import MNISTData

/// The command line of `datasets`, read into values; every mistake is a `Problem` whose
/// message names the flag.
struct DatasetsOptions: Equatable {
  /// What to do.
  enum Mode: Equatable {
    /// Find, fetch and validate both data sets (the default).
    case check
    /// Draw some images of one data set.
    case show(DatasetKindName)
    /// Time loading and measure memory.
    case benchmark
    /// Print the help.
    case help
  }

  /// `mnist` or `fashion-mnist` as typed (kept as text so this file needs no NeuralKit).
  typealias DatasetKindName = String

  /// Why the command line could not be read.
  struct Problem: Error, Equatable, CustomStringConvertible {
    var description: String
  }

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

  static let datasetNames = ["mnist", "fashion-mnist"]

  static let usage = """
    usage: swift run datasets [--data-dir DIR] [--offline] [--no-color]
           swift run datasets --show mnist|fashion-mnist [--count N] [--data-dir DIR]
           swift run -c release datasets --benchmark --data-dir DIR [--runs N]

    Finds MNIST and Fashion-MNIST, says where each was found and every place it looked,
    downloads what is missing into your cache, and checks every data file it finds.
    Exit status: 0 all files good, 1 a file is bad (the message names it), 2 bad usage.

    Places, in order: --data-dir DIR (DIR/mnist/, DIR/fashion-mnist/, each with the four
    official files, .gz or not), $NEURALKIT_DATA_DIR the same way, the cache
    (~/.cache/neural-nets-from-scratch/, or under $XDG_CACHE_HOME), for Fashion-MNIST
    /usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist), a download from the
    official mirrors into the cache, and last the small subsets bundled with NeuralKit.

      --data-dir DIR   look in DIR first
      --offline        never download (so does NEURALKIT_OFFLINE=1)
      --show NAME      draw a few test images of mnist or fashion-mnist with their labels
      --count N        how many images --show draws (1…64, default 8)
      --benchmark      time loading the full sets from --data-dir and measure peak memory
      --runs N         runs per timing for --benchmark (median reported; default 5)
      --no-color       plain text even on a terminal (NO_COLOR=1 does the same)
      -h, --help       this text
    """

  /// Reads `arguments` (without the program name). `--flag=value` reads as `--flag value`.
  static func parse(_ arguments: [String]) throws(Problem) -> DatasetsOptions {
    var options = DatasetsOptions()
    var remaining = arguments.flatMap { argument -> [String] in
      guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
        return [argument]
      }
      return [String(argument[..<equals]), String(argument[argument.index(after: equals)...])]
    }[...]
    func value(for flag: String, _ example: String) throws(Problem) -> String {
      guard let text = remaining.popFirst(), !text.hasPrefix("-") || text == "-" else {
        throw Problem(description: "\(flag) needs a value, like \(flag) \(example)")
      }
      return text
    }
    func number(for flag: String, in range: ClosedRange<Int>) throws(Problem) -> Int {
      let text = try value(for: flag, "\(range.lowerBound + 1)")
      guard let number = Int(text), range.contains(number) else {
        throw Problem(
          description: "\(flag) needs a whole number from \(range.lowerBound) to"
            + " \(range.upperBound), not '\(text)'")
      }
      return number
    }
    var modes: [Mode] = []
    while let argument = remaining.popFirst() {
      switch argument {
      case "--data-dir": options.dataDirectory = try value(for: argument, "data")
      case "--offline": options.offline = true
      case "--no-color": options.plain = true
      case "--count": options.count = try number(for: argument, in: 1...64)
      case "--runs": options.runs = try number(for: argument, in: 1...100)
      case "--benchmark": modes.append(.benchmark)
      case "-h", "--help": modes.append(.help)
      case "--show":
        let name = try value(for: argument, "mnist").lowercased()
        guard datasetNames.contains(name) else {
          throw Problem(description: "--show takes mnist or fashion-mnist, not '\(name)'")
        }
        modes.append(.show(name))
      default:
        throw Problem(description: "unknown flag '\(argument)'")
      }
    }
    if modes.contains(.help) {
      options.mode = .help
    } else if modes.count > 1 {
      throw Problem(description: "--show and --benchmark cannot be combined")
    } else if let mode = modes.first {
      options.mode = mode
    }
    if options.mode == .benchmark && options.dataDirectory == nil {
      throw Problem(description: "--benchmark needs --data-dir DIR with the full data sets")
    }
    return options
  }
}
