import Foundation
import LessonSupport
import NeuralKit

/// Lesson 05's table under `--engine yours`: per epoch, the learner's network and
/// NeuralKit's, trained from the same seed on the same batches, and how far apart they are.
///
///            yours                      NeuralKit                  apart
///     epoch  loss    train   test       loss    train   test       |Δ loss|  Δ test    time
///     1/5    0.2951  91.52%  94.20%     0.2951  91.52%  94.20%     1.2e-07   0.00 pt  4.1 s
///
/// `time` is the learner's `trainEpoch`; it is left out under `--quick`, so the rest of
/// the quick output is the same on every run.
public struct EpochComparison: Sendable {
  /// Epochs per run.
  public var epochs: Int
  /// Whether to print the seconds.
  public var showsTime: Bool

  /// A table of `epochs` epochs.
  public init(epochs: Int, showsTime: Bool) {
    self.epochs = epochs
    self.showsTime = showsTime
  }

  private static let widths = [6, 8, 8, 9, 8, 8, 9, 9, 9]

  private func row(_ cells: [String]) -> String {
    var line = ""
    for (index, cell) in cells.enumerated() {
      let width = index < Self.widths.count ? Self.widths[index] : cell.count
      line += cell.padding(toLength: max(width, cell.count + 1), withPad: " ", startingAt: 0)
    }
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }

  /// The two heading lines.
  public var header: [String] {
    [
      row(["", "yours", "", "", "NeuralKit", "", "", "apart"]),
      row(
        ["epoch", "loss", "train", "test", "loss", "train", "test", "|Δ loss|", "Δ test"]
          + (showsTime ? ["time"] : [])),
    ]
  }

  /// The line of one epoch.
  public func line(_ yours: LearnerEpoch, _ reference: EpochRecord) -> String {
    let gap = abs(Double(yours.trainLoss) - Double(reference.trainLoss))
    let testGap = (yours.testAccuracy - reference.validationAccuracy) * 100
    let signed = (testGap >= 0 ? "+" : "−") + fixed(abs(testGap), 2)
    return row(
      [
        "\(yours.epoch)/\(epochs)", fixed(yours.trainLoss, 4), percent(yours.trainAccuracy),
        percent(yours.testAccuracy), fixed(reference.trainLoss, 4),
        percent(reference.trainAccuracy), percent(reference.validationAccuracy),
        scientific(gap), signed + " pt",
      ] + (showsTime ? ["\(fixed(yours.seconds, 1)) s"] : []))
  }

  private func percent(_ fraction: Double) -> String { fixed(fraction * 100, 2) + "%" }

  /// `1.2e-07`; `0` when equal.
  private func scientific(_ value: Double) -> String {
    guard value > 0 else { return "0" }
    let exponent = Int(floor(log10(value)))
    let mantissa = value / pow(10, Double(exponent))
    let sign = exponent < 0 ? "-" : "+"
    let digits = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
    return "\(fixed(mantissa, 1))e\(sign)\(digits)"
  }
}
