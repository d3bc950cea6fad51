import NeuralKit

/// A coordinate as SVG text: one decimal, `123.4`.
func svgNumber(_ value: Double) -> String { fixed(value, 1) }

/// Text safe inside an SVG element: `&`, `<` and `>` escaped.
func svgEscaped(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}

/// What the SVG charts draw alike: the document's opening, the title, the y axis' grid
/// lines, and the plot's frame with both axis labels. Coordinates are in pixels; the plot
/// area starts at (`left`, `top`).
struct SVGPlotArea {
  let width: Double
  let height: Double
  let left: Double
  let top: Double
  let plotWidth: Double
  let plotHeight: Double

  /// A `width` × `height` picture with these margins around the plot.
  init(width: Double, height: Double, left: Double, right: Double, top: Double, bottom: Double) {
    (self.width, self.height, self.left, self.top) = (width, height, left, top)
    plotWidth = width - left - right
    plotHeight = height - top - bottom
  }

  /// The `<svg>` element's opening tag and a white background.
  var opening: [String] {
    [
      #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(svgNumber(width))" "#
        + #"height="\#(svgNumber(height))" viewBox="0 0 \#(svgNumber(width)) "#
        + #"\#(svgNumber(height))" font-family="sans-serif" font-size="12">"#,
      #"<rect width="100%" height="100%" fill="white"/>"#,
    ]
  }

  /// The chart's title, top left.
  func title(_ text: String) -> String {
    #"<text x="\#(svgNumber(left))" y="24" font-size="15" font-weight="bold">"#
      + #"\#(svgEscaped(text))</text>"#
  }

  /// A light horizontal line across the plot at height `y`, labelled at the left.
  func gridLine(y: Double, label: String) -> [String] {
    [
      #"<line x1="\#(svgNumber(left))" y1="\#(svgNumber(y))" "#
        + #"x2="\#(svgNumber(left + plotWidth))" y2="\#(svgNumber(y))" "#
        + ##"stroke="#e0e0e0"/>"##,
      #"<text x="\#(svgNumber(left - 6))" y="\#(svgNumber(y + 4))" text-anchor="end">"#
        + #"\#(label)</text>"#,
    ]
  }

  /// The plot's border, the x label under it and the y label turned along its left side.
  func frame(xLabel: String, yLabel: String) -> [String] {
    [
      #"<rect x="\#(svgNumber(left))" y="\#(svgNumber(top))" width="\#(svgNumber(plotWidth))" "#
        + #"height="\#(svgNumber(plotHeight))" fill="none" stroke="black"/>"#,
      #"<text x="\#(svgNumber(left + plotWidth / 2))" y="\#(svgNumber(height - 10))" "#
        + #"text-anchor="middle">\#(svgEscaped(xLabel))</text>"#,
      #"<text transform="translate(16 \#(svgNumber(top + plotHeight / 2))) rotate(-90)" "#
        + #"text-anchor="middle">\#(svgEscaped(yLabel))</text>"#,
    ]
  }
}
