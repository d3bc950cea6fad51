import Foundation

/// A grouped bar chart as an SVG file, on a logarithmic y axis: one group of bars per
/// category (a layer), one bar per series (an activation), each series with its own colour
/// *and* hatching, so the chart reads in black and white.
///
///     let chart = SVGBarChart(
///       title: "‖dW‖ per layer", xLabel: "layer", yLabel: "‖dW‖ (log scale)",
///       categories: ["1", "2", "3"],
///       series: [.init(name: "Sigmoid", values: [1e-4, 4e-4, 2e-3])])
///     try chart.svg.write(toFile: "results/norms.svg", atomically: true, encoding: .utf8)
///
/// Logarithmic because gradient sizes span orders of magnitude: on a linear axis a
/// 10-layer Sigmoid network's first layers would be invisible. A value that is not
/// positive and finite draws no bar.
public struct SVGBarChart: Sendable {
  /// One kind of bar: a legend name and one value per category.
  public struct Series: Sendable {
    /// The legend's name.
    public var name: String
    /// One value per category; ≤ 0 or not finite draws nothing.
    public var values: [Double]

    /// A named series.
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// The chart's title.
  public var title: String
  /// The x axis' label.
  public var xLabel: String
  /// The y axis' label.
  public var yLabel: String
  /// The groups, left to right.
  public var categories: [String]
  /// The bars of each group, in order.
  public var series: [Series]
  /// The picture's size in pixels.
  public var width = 720.0
  /// The picture's height in pixels.
  public var height = 400.0

  /// A chart of `series` over `categories`.
  public init(
    title: String, xLabel: String, yLabel: String, categories: [String], series: [Series]
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.categories = categories
    self.series = series
  }

  /// The SVG document.
  public var svg: String {
    let area = SVGPlotArea(
      width: width, height: height, left: 70, right: 130, top: 40, bottom: 50)
    let (left, top, plotWidth, plotHeight) = (area.left, area.top, area.plotWidth, area.plotHeight)
    let positive = series.flatMap(\.values).filter { $0 > 0 && $0.isFinite }
    let low = floor(log10(positive.min() ?? 1))
    let high = max(ceil(log10(positive.max() ?? 10)), low + 1)
    func py(_ value: Double) -> Double {
      top + (1 - (log10(value) - low) / (high - low)) * plotHeight
    }
    var out = area.opening + ["<defs>"]
    for index in series.indices {
      out.append(
        #"<pattern id="hatch\#(index)" width="6" height="6" patternUnits="userSpaceOnUse" "#
          + #"patternTransform="rotate(\#(index * 45))">"#
          + #"<rect width="6" height="6" fill="\#(color(index))"/>"#
          + (index == 0
            ? "" : #"<line x1="0" y1="0" x2="0" y2="6" stroke="white" stroke-width="\#(index)"/>"#)
          + "</pattern>")
    }
    out.append("</defs>")
    out.append(area.title(title))
    for exponent in stride(from: low, through: high, by: 1) {
      out += area.gridLine(y: py(pow(10, exponent)), label: "1e\(Int(exponent))")
    }
    let groupWidth = plotWidth / Double(max(categories.count, 1))
    let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
    for (c, category) in categories.enumerated() {
      let groupLeft = left + Double(c) * groupWidth + groupWidth * 0.1
      for (s, line) in series.enumerated() where c < line.values.count {
        let value = line.values[c]
        guard value > 0 && value.isFinite else { continue }
        let y = py(value)
        out.append(
          #"<rect x="\#(n(groupLeft + Double(s) * barWidth))" y="\#(n(y))" "#
            + #"width="\#(n(barWidth))" height="\#(n(top + plotHeight - y))" "#
            + #"fill="url(#hatch\#(s))" stroke="black" stroke-width="0.5"/>"#)
      }
      out.append(
        #"<text x="\#(n(groupLeft + groupWidth * 0.4))" y="\#(n(top + plotHeight + 18))" "#
          + #"text-anchor="middle">\#(escape(category))</text>"#)
    }
    out += area.frame(xLabel: xLabel, yLabel: yLabel)
    for (index, line) in series.enumerated() {
      let legendY = top + 10 + Double(index) * 22
      out.append(
        #"<rect x="\#(n(left + plotWidth + 12))" y="\#(n(legendY - 7))" width="24" height="14" "#
          + #"fill="url(#hatch\#(index))" stroke="black" stroke-width="0.5"/>"#)
      out.append(
        #"<text x="\#(n(left + plotWidth + 42))" y="\#(n(legendY + 4))">\#(escape(line.name))</text>"#
      )
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  private func color(_ index: Int) -> String {
    SVGLineChart.colors[index % SVGLineChart.colors.count]
  }

  private func n(_ value: Double) -> String { svgNumber(value) }

  private func escape(_ text: String) -> String { svgEscaped(text) }
}
