/// A coordinate as SVG text: one decimal, `123.4`.
func svgNumber(_ value: Double) -> String { fixed(value, 1) }

/// Text safe inside an SVG element: `&`, `<` and `>` escaped.
func svgEscaped(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}
