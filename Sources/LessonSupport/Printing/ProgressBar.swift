import Foundation
import NeuralKit

/// A one-line progress bar redrawn in place on a terminal:
///
///     epoch 3/10 [##########----------]  938/1875  41k img/s  ETA 0.4 s  loss 0.2412  acc 93.1%
///
/// Drawn at most ten times a second, and only when standard output is a terminal: in a
/// file or a pipe (CI, golden tests) nothing is drawn and the caller prints one plain line
/// per epoch instead.
public struct ProgressBar {
  /// True when the bar is drawn at all.
  public let isEnabled: Bool
  private var lastDraw: Double = -1

  /// A bar for standard output; `enabled: nil` decides by whether it is a terminal.
  public init(enabled: Bool? = nil) {
    isEnabled = enabled ?? (isatty(STDOUT_FILENO) == 1)
  }

  /// Redraws the bar for `progress`, unless it was drawn less than 0.1 s ago (the last
  /// step of an epoch is always drawn).
  public mutating func update(_ progress: StepProgress) {
    guard isEnabled else { return }
    let last = progress.stepInEpoch == progress.stepsPerEpoch
    guard last || progress.secondsInEpoch - lastDraw >= 0.1 || lastDraw < 0 else { return }
    lastDraw = last ? -1 : progress.secondsInEpoch
    print("\r" + Self.line(progress), terminator: "")
    fflush(nil)  // all output streams: `stdout` itself is not concurrency-safe in Swift 6
  }

  /// Clears the bar's line so the next print starts on a clean line.
  public func clear() {
    guard isEnabled else { return }
    print("\r" + String(repeating: " ", count: 100) + "\r", terminator: "")
    fflush(nil)  // all output streams: `stdout` itself is not concurrency-safe in Swift 6
  }

  /// The bar's text for `progress`.
  public static func line(_ progress: StepProgress, width: Int = 20) -> String {
    let fraction = Double(progress.stepInEpoch) / Double(max(progress.stepsPerEpoch, 1))
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let rate = Double(progress.imagesInEpoch) / max(progress.secondsInEpoch, 1e-9)
    let remaining = progress.secondsInEpoch * (1 - fraction) / max(fraction, 1e-9)
    let steps = "\(progress.stepInEpoch)".leftPadded(to: "\(progress.stepsPerEpoch)".count)
    return "epoch \(progress.epoch)/\(progress.epochs) [\(bar)] \(steps)/\(progress.stepsPerEpoch)"
      + "  \(Int(rate / 1000))k img/s  ETA \(fixed(remaining, 1)) s"
      + "  loss \(fixed(progress.runningLoss, 4))  acc \(fixed(progress.runningAccuracy * 100, 1))%"
  }
}

extension String {
  /// The string with spaces in front up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
