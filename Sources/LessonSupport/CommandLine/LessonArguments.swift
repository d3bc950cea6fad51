import Foundation
import MNISTData
import NeuralKit

/// The flags every lesson program takes, read the same way in each:
///
///     --quick       a shorter run, the one the tests compare with the lesson's text
///     --seed N      the random seed (lessons that draw random numbers)
///     --no-color    plain text even on a terminal (so does NO_COLOR=1)
///     -h, --help    what the program does and these flags
///
/// An unknown or malformed flag is an error: `parseOrExit` prints what was wrong and the
/// usage to standard error and exits with status 2, the convention for bad usage.
///
///     let arguments = LessonArguments.parseOrExit(program: "lesson01-sigmoid", summary: "…")
public struct LessonArguments: Equatable, Sendable {
  /// `--quick` was given.
  public var quick = false
  /// The seed, `--seed N`, or the lesson's default.
  public var seed: UInt64
  /// `--no-color` was given.
  public var plain = false
  /// `--help` or `-h` was given.
  public var help = false

  /// Why the command line could not be read.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    /// The message, naming the flag: `unknown flag '--quik'`.
    public var description: String
  }

  /// Reads `arguments` (without the program name). `defaultSeed` is `nil` for a lesson
  /// that draws no random numbers: `--seed` is then an unknown flag.
  public static func parse(_ arguments: [String], defaultSeed: UInt64?) throws(Problem)
    -> LessonArguments
  {
    var result = LessonArguments(seed: defaultSeed ?? 0)
    // `--seed=7` reads as `--seed 7`.
    var remaining = arguments.flatMap { argument -> [String] in
      argument.hasPrefix("--seed=") ? ["--seed", String(argument.dropFirst(7))] : [argument]
    }[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--quick": result.quick = true
      case "--no-color": result.plain = true
      case "-h", "--help": result.help = true
      case "--seed" where defaultSeed != nil:
        guard let text = remaining.popFirst(), let seed = UInt64(text) else {
          throw Problem(description: "--seed needs a whole number from 0 up, like --seed 7")
        }
        result.seed = seed
      default:
        throw Problem(description: "unknown flag '\(argument)'")
      }
    }
    return result
  }

  /// The help text: usage line, summary, flags.
  public static func usage(program: String, summary: String, usesSeed: Bool) -> String {
    var lines = [
      "usage: swift run \(program) [--quick]\(usesSeed ? " [--seed N]" : "") [--no-color]",
      "",
      summary,
      "",
      "  --quick      a shorter run: what the tests compare with the lesson's text",
    ]
    if usesSeed {
      lines.append("  --seed N     the random seed; the same seed prints the same numbers")
    }
    lines += [
      "  --no-color   plain text even on a terminal (NO_COLOR=1 does the same)",
      "  -h, --help   this text",
    ]
    return lines.joined(separator: "\n")
  }

  /// Reads `CommandLine.arguments`; prints the help and exits 0 for `--help`; prints the
  /// problem and the usage to standard error and exits 2 for a bad flag.
  public static func parseOrExit(
    program: String, summary: String, defaultSeed: UInt64? = nil,
    arguments: [String] = Array(CommandLine.arguments.dropFirst())
  ) -> LessonArguments {
    let usage = usage(program: program, summary: summary, usesSeed: defaultSeed != nil)
    do {
      let parsed = try parse(arguments, defaultSeed: defaultSeed)
      if parsed.help {
        print(usage)
        exit(0)
      }
      return parsed
    } catch {
      FileHandle.standardError.write(Data("\(program): \(error)\n\n\(usage)\n".utf8))
      exit(2)
    }
  }
}
