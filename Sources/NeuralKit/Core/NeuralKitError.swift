/// The errors NeuralKit throws for bad input: each message says what is wrong and what to
/// do about it.
public enum NeuralKitError: Error, Equatable, CustomStringConvertible {
  /// Data whose shape does not fit the network (the message names both shapes).
  case shapeMismatch(String)
  /// A label outside the classes the network predicts.
  case labelOutOfRange(label: Int, row: Int, classes: Int)
  /// An input value that is NaN or infinite (a corrupt file, a division by zero upstream).
  case nonFiniteInput(row: Int, column: Int, value: Float)
  /// The loss became NaN or infinite: training diverged.
  case nonFiniteLoss(loss: Float, step: Int?)

  public var description: String {
    switch self {
    case .shapeMismatch(let message):
      return message
    case .labelOutOfRange(let label, let row, let classes):
      return "label \(label) in row \(row) is not one of the \(classes) classes 0…\(classes - 1)"
    case .nonFiniteInput(let row, let column, let value):
      return "input row \(row), column \(column) is \(value): inputs must be finite numbers."
        + " Check the data (and any scaling applied to it) before training."
    case .nonFiniteLoss(let loss, let step):
      let when = step.map { " at step \($0)" } ?? ""
      let value = loss.isNaN ? "NaN" : "\(loss)"
      return "training diverged\(when): the loss is \(value). Try a smaller learning rate"
        + " (for example a tenth of the current one) or inputs scaled to [0, 1]."
    }
  }
}
