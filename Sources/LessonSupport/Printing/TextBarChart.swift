import Foundation
import Kernels
import NeuralKit

/// Horizontal bars drawn with characters on a logarithmic scale, for values that span
/// orders of magnitude (gradient sizes layer by layer). Each series has its own glyph, so
/// the chart never rests on colour.
///
///     TextBarChart(groups: [("layer 1", [1e-5, 1e-2]), ("layer 2", [4e-5, 1e-2])],
///                  seriesNames: ["Sigmoid", "ReLU"], glyphs: ["o", "#"], barWidth: 20).text
///     // layer 1  Sigmoid  o                     1.0e-05
///     //          ReLU     ####################  1.0e-02
///     // layer 2  Sigmoid  ooo                   4.0e-05
///     //          ReLU     ####################  1.0e-02
///     //                   └ 1e-6 … 1e-2, each character ×1.58
///
/// A bar's length is (log₁₀ value − low) / (high − low) of the width, low and high the
/// powers of ten around the values; a value that is not positive and finite gets no bar.
public struct TextBarChart: Sendable {
  /// One label per group and one value per series.
  public var groups: [(label: String, values: [Double])]
  /// The series' names, in order.
  public var seriesNames: [String]
  /// The series' glyphs, in order.
  public var glyphs: [Character]
  /// Characters of the longest bar.
  public var barWidth: Int

  /// A chart of `groups`, one bar per series in each.
  public init(
    groups: [(label: String, values: [Double])], seriesNames: [String], glyphs: [Character],
    barWidth: Int = 40
  ) {
    require(glyphs.count >= seriesNames.count, "TextBarChart: one glyph per series")
    self.groups = groups
    self.seriesNames = seriesNames
    self.glyphs = glyphs
    self.barWidth = barWidth
  }

  /// The chart as lines joined by newlines, ending with the scale.
  public var text: String {
    let positive = groups.flatMap(\.values).filter { $0 > 0 && $0.isFinite }
    let low = floor(log10(positive.min() ?? 1))
    let high = max(ceil(log10(positive.max() ?? 10)), low + 1)
    let labelWidth = groups.map(\.label.count).max() ?? 0
    let nameWidth = seriesNames.map(\.count).max() ?? 0
    var lines: [String] = []
    for group in groups {
      for (s, name) in seriesNames.enumerated() where s < group.values.count {
        let value = group.values[s]
        var length = 0
        if value > 0 && value.isFinite {
          let fraction = (log10(value) - low) / (high - low)
          length = max(1, Int((fraction * Double(barWidth)).rounded()))
        }
        let label = s == 0 ? group.label : ""
        lines.append(
          label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
            + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
            + String(repeating: glyphs[s], count: length)
            + String(repeating: " ", count: barWidth - length) + "  " + scientific(value))
      }
    }
    let step = pow(10, (high - low) / Double(barWidth))
    lines.append(
      String(repeating: " ", count: labelWidth + nameWidth + 4)
        + "└ 1e\(Int(low)) … 1e\(Int(high)), each character ×\(fixed(step, 2))")
    return lines.joined(separator: "\n")
  }
}
