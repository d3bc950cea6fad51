import Kernels
import NeuralKit

/// A line chart drawn with characters, for a terminal or a lesson's text: each curve its
/// own glyph (never colour alone), the y range labelled on the left, x below.
///
///     TerminalPlot(x: -8...8, width: 41, height: 9, curves: [
///       .init(name: "σ(x)", glyph: "*", function: { 1 / (1 + exp(-$0)) })
///     ]).text
///
/// Each column samples the functions at one x, evenly from the lower to the upper bound,
/// and puts the glyph in the row nearest the value. Where curves meet, the later one wins.
public struct TerminalPlot {
  /// One curve: a name for the legend, a glyph, and the function it draws.
  public struct Curve {
    /// The legend's name: `σ′(x)`.
    public var name: String
    /// The character the curve is drawn with.
    public var glyph: Character
    /// y as a function of x.
    public var function: (Double) -> Double

    /// A named curve drawn with `glyph`.
    public init(name: String, glyph: Character, function: @escaping (Double) -> Double) {
      self.name = name
      self.glyph = glyph
      self.function = function
    }
  }

  /// The x range, left edge to right edge.
  public var x: ClosedRange<Double>
  /// Columns of the plotting area.
  public var width: Int
  /// Rows of the plotting area.
  public var height: Int
  /// The curves, drawn in order.
  public var curves: [Curve]
  /// Decimals of the y labels.
  public var yDecimals: Int

  /// A chart of `curves` over `x`; the y range spans every curve's values.
  public init(
    x: ClosedRange<Double>, width: Int = 61, height: Int = 11, curves: [Curve], yDecimals: Int = 2
  ) {
    require(width >= 3 && height >= 3, "TerminalPlot: needs at least 3 × 3 cells")
    self.x = x
    self.width = width
    self.height = height
    self.curves = curves
    self.yDecimals = yDecimals
  }

  /// The chart as lines joined by newlines: the plot, the x axis and a legend.
  public var text: String {
    let xs = (0..<width).map {
      x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(width - 1)
    }
    let samples = curves.map { curve in xs.map(curve.function) }
    let finite = samples.joined().filter(\.isFinite)
    let low = finite.min() ?? 0
    let high = max(finite.max() ?? 1, low + 1e-12)
    var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
    for (curve, ys) in zip(curves, samples) {
      for (column, y) in ys.enumerated() where y.isFinite {
        let row = Int(((high - y) / (high - low) * Double(height - 1)).rounded())
        grid[row][column] = curve.glyph
      }
    }
    let labels = [
      fixed(high, yDecimals), fixed((high + low) / 2, yDecimals), fixed(low, yDecimals),
    ]
    let labelWidth = labels.map(\.count).max()!
    func label(_ row: Int) -> String {
      let text: String
      switch row {
      case 0: text = labels[0]
      case (height - 1) / 2 where (height - 1) % 2 == 0: text = labels[1]
      case height - 1: text = labels[2]
      default: return String(repeating: " ", count: labelWidth) + " │"
      }
      return String(repeating: " ", count: labelWidth - text.count) + text + " ┤"
    }
    var lines = grid.indices.map { row in
      String((label(row) + String(grid[row])).reversed().drop { $0 == " " }.reversed())
    }
    let pad = String(repeating: " ", count: labelWidth + 1)
    lines.append(pad + "└" + String(repeating: "─", count: width))
    let left = formatTick(x.lowerBound)
    let middle = formatTick((x.lowerBound + x.upperBound) / 2)
    let right = formatTick(x.upperBound)
    var axis = [Character](repeating: " ", count: width + 1)
    func place(_ text: String, at column: Int) {
      let start = min(max(0, column - text.count / 2), axis.count - text.count)
      for (offset, character) in text.enumerated() { axis[start + offset] = character }
    }
    place(left, at: 1)
    place(middle, at: 1 + (width - 1) / 2)
    place(right, at: width)
    lines.append(pad + String(axis))
    lines.append(pad + " " + curves.map { "\($0.glyph) \($0.name)" }.joined(separator: "   "))
    return lines.joined(separator: "\n")
  }

  private func formatTick(_ value: Double) -> String {
    value == value.rounded() ? fixed(value, 0) : fixed(value, 1)
  }
}
