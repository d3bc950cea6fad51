/// A terminal chart of measured series (a curve per activation), drawn by `TerminalPlot`
/// with straight lines between the measured points.
///
///     print(SeriesPlot.text(series: [("relu", "*", reluPoints), ("sigmoid", "o", sigmoidPoints)]))
public enum SeriesPlot {
  /// The chart, 60 × 12 characters by default.
  public static func text(
    series: [(name: String, glyph: Character, points: [(x: Double, y: Double)])],
    width: Int = 60, height: Int = 12, yDecimals: Int = 2
  ) -> String {
    let xs = series.flatMap { $0.points.map(\.x) }
    guard let low = xs.min(), let high = xs.max(), high > low else { return "" }
    let curves = series.map { line in
      let points = line.points.sorted { $0.x < $1.x }
      return TerminalPlot.Curve(name: line.name, glyph: line.glyph) { x in
        interpolate(points, at: x)
      }
    }
    return TerminalPlot(
      x: low...high, width: width, height: height, curves: curves, yDecimals: yDecimals
    )
    .text
  }

  /// The value at x on the broken line through `points` (sorted by x).
  static func interpolate(_ points: [(x: Double, y: Double)], at x: Double) -> Double {
    guard let first = points.first, let last = points.last else { return .nan }
    if x <= first.x { return first.y }
    if x >= last.x { return last.y }
    let upper = points.firstIndex { $0.x >= x }!
    let (a, b) = (points[upper - 1], points[upper])
    return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
  }
}
