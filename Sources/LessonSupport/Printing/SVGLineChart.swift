import NeuralKit

/// A line chart as an SVG file: several named series of (x, y) points on shared axes,
/// each with its own colour *and* dash pattern, so the chart reads in black and white.
///
///     let chart = SVGLineChart(title: "Validation accuracy", xLabel: "epoch",
///                              yLabel: "accuracy (%)", series: [relu, sigmoid])
///     try chart.svg.write(toFile: "results/accuracy.svg", atomically: true, encoding: .utf8)
///
/// No dependency: the file is a few hundred lines of text any browser or Markdown viewer
/// shows.
public struct SVGLineChart: Sendable {
  /// One line: a legend name and its points, in x order.
  public struct Series: Sendable {
    /// The legend's name.
    public var name: String
    /// The points, in x order; non-finite ones are left out.
    public var points: [(x: Double, y: Double)]

    /// A named line through `points`.
    public init(name: String, points: [(x: Double, y: Double)]) {
      self.name = name
      self.points = points
    }
  }

  /// The chart's title.
  public var title: String
  /// The x axis' label.
  public var xLabel: String
  /// The y axis' label.
  public var yLabel: String
  /// The lines, each with its own colour and dash pattern.
  public var series: [Series]
  /// Width in SVG pixels.
  public var width = 640.0
  /// Height in SVG pixels.
  public var height = 400.0

  /// A chart of `series` with a title and axis labels.
  public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
  }

  static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"]
  static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"]

  /// The SVG document.
  public var svg: String {
    let area = SVGPlotArea(
      width: width, height: height, left: 70, right: 150, top: 40, bottom: 50)
    let (left, top, plotWidth, plotHeight) = (area.left, area.top, area.plotWidth, area.plotHeight)
    let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    let xs = NiceAxis(finite.map(\.x))
    let ys = NiceAxis(finite.map(\.y))
    func px(_ x: Double) -> Double { left + (x - xs.low) / (xs.high - xs.low) * plotWidth }
    func py(_ y: Double) -> Double { top + (1 - (y - ys.low) / (ys.high - ys.low)) * plotHeight }
    var out = area.opening + [area.title(title)]
    for tick in ys.ticks { out += area.gridLine(y: py(tick), label: ys.label(tick)) }
    for tick in xs.ticks {
      let x = px(tick)
      out.append(
        #"<line x1="\#(n(x))" y1="\#(n(top + plotHeight))" x2="\#(n(x))" "#
          + #"y2="\#(n(top + plotHeight + 5))" stroke="black"/>"#)
      out.append(
        #"<text x="\#(n(x))" y="\#(n(top + plotHeight + 18))" text-anchor="middle">"#
          + #"\#(xs.label(tick))</text>"#)
    }
    out += area.frame(xLabel: xLabel, yLabel: yLabel)
    for (index, line) in series.enumerated() {
      let color = Self.colors[index % Self.colors.count]
      let dash = Self.dashes[index % Self.dashes.count]
      let points = line.points.filter { $0.x.isFinite && $0.y.isFinite }
        .map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
      let dashAttribute = dash.isEmpty ? "" : #" stroke-dasharray="\#(dash)""#
      out.append(
        #"<polyline points="\#(points)" fill="none" stroke="\#(color)" stroke-width="2""#
          + dashAttribute + "/>")
      let legendY = top + 10 + Double(index) * 20
      out.append(
        #"<line x1="\#(n(left + plotWidth + 12))" y1="\#(n(legendY))" "#
          + #"x2="\#(n(left + plotWidth + 40))" y2="\#(n(legendY))" stroke="\#(color)" "#
          + #"stroke-width="2"\#(dashAttribute)/>"#)
      out.append(
        #"<text x="\#(n(left + plotWidth + 46))" y="\#(n(legendY + 4))">\#(escape(line.name))</text>"#
      )
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  private func n(_ value: Double) -> String { svgNumber(value) }

  private func escape(_ text: String) -> String { svgEscaped(text) }
}

/// An axis range widened to round numbers, with about five ticks.
struct NiceAxis {
  let low: Double
  let high: Double
  let step: Double

  init(_ values: [Double]) {
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if high - low < 1e-12 {
      low -= 0.5
      high += 0.5
    }
    let rough = (high - low) / 5
    let magnitude = pow10(floorLog10(rough))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
    self.step = step
    self.low = (low / step).rounded(.down) * step
    self.high = (high / step).rounded(.up) * step
  }

  var ticks: [Double] {
    stride(from: low, through: high + step / 2, by: step).map { $0 }
  }

  func label(_ value: Double) -> String {
    let decimals = max(0, -floorLog10(step) + (step / pow10(floorLog10(step)) == 2.5 ? 1 : 0))
    return fixed(value, decimals)
  }
}

private func floorLog10(_ value: Double) -> Int {
  var exponent = 0
  var v = value
  guard v > 0, v.isFinite else { return 0 }
  while v >= 10 {
    v /= 10
    exponent += 1
  }
  while v < 1 {
    v *= 10
    exponent -= 1
  }
  return exponent
}

private func pow10(_ exponent: Int) -> Double {
  exponent >= 0
    ? (0..<exponent).reduce(1.0) { r, _ in r * 10 }
    : (0..<(-exponent)).reduce(1.0) { r, _ in r / 10 }
}
