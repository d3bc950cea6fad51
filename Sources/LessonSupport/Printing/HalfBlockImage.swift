import Kernels

/// Draws a grayscale image in a terminal with Unicode half blocks: one character cell
/// shows two pixels, one above the other, so a 28 × 28 digit takes 28 columns × 14 lines.
///
///     plain (no colour): a pixel is ink when its byte ≥ threshold
///       top ink, bottom ink  → "█"      top only → "▀"
///       bottom only          → "▄"      neither  → " "
///     colour: "▀" with the top pixel as foreground grey, the bottom one as background
///
/// An odd number of rows gets a blank row at the bottom. The colour form uses the
/// 24 greys of the 256-colour palette (codes 232…255), which every modern terminal has.
///
///     HalfBlockImage.lines(pixels: [255, 0, 0, 255], rows: 2, columns: 2)   // ["▀▄"]
public enum HalfBlockImage {
  /// The text lines for one image of `rows × columns` bytes (0 = background).
  public static func lines(
    pixels: ArraySlice<UInt8>, rows: Int, columns: Int, color: Bool = false,
    threshold: UInt8 = 128
  ) -> [String] {
    require(pixels.count == rows * columns, "HalfBlockImage: pixel count disagrees")
    let start = pixels.startIndex
    func pixel(_ row: Int, _ column: Int) -> UInt8 {
      row < rows ? pixels[start + row * columns + column] : 0
    }
    return stride(from: 0, to: rows, by: 2).map { top in
      var line = ""
      for column in 0..<columns {
        let upper = pixel(top, column)
        let lower = pixel(top + 1, column)
        if color {
          line += "\u{1B}[38;5;\(grey(upper));48;5;\(grey(lower))m▀"
        } else {
          switch (upper >= threshold, lower >= threshold) {
          case (true, true): line += "█"
          case (true, false): line += "▀"
          case (false, true): line += "▄"
          case (false, false): line += " "
          }
        }
      }
      return color ? line + "\u{1B}[0m" : line
    }
  }

  /// Convenience for arrays: `lines(pixels: image[...], …)`.
  public static func lines(
    pixels: [UInt8], rows: Int, columns: Int, color: Bool = false, threshold: UInt8 = 128
  ) -> [String] {
    lines(pixels: pixels[...], rows: rows, columns: columns, color: color, threshold: threshold)
  }

  /// The 256-colour palette code for a byte: 16 (black) for 0, 231 (white) for 255, one
  /// of the greys 232…255 in between.
  static func grey(_ value: UInt8) -> Int {
    if value == 0 { return 16 }
    if value == 255 { return 231 }
    return 232 + Int(value) * 24 / 256
  }
}
