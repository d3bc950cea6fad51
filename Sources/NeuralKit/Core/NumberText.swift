import Foundation

// Numbers as text, for descriptions, tables and messages: one way to print each.

/// `value` with a fixed number of decimals: `fixed(0.25, 4)` is `0.2500`. Not-a-number
/// prints as `nan` and infinities as `inf` / `-inf`, so a table shows what went wrong.
public func fixed(_ value: Double, _ decimals: Int) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  let text = String(format: "%.\(decimals)f", value)
  return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
}

/// `fixed` for Float.
public func fixed(_ value: Float, _ decimals: Int) -> String {
  fixed(Double(value), decimals)
}

/// Thousands separated by spaces: `60 000`.
public func spacedThousands(_ value: Int) -> String {
  groupedThousands(value, separator: " ")
}

/// The digits of `value` in groups of three: `groupedThousands(101770, separator: ",")`
/// is `101,770`.
public func groupedThousands(_ value: Int, separator: String) -> String {
  let digits = String(value.magnitude)
  var groups: [Substring] = []
  var end = digits.endIndex
  while end > digits.startIndex {
    let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
    groups.insert(digits[start..<end], at: 0)
    end = start
  }
  return (value < 0 ? "-" : "") + groups.joined(separator: separator)
}
