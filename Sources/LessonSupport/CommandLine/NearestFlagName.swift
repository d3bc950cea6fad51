/// The declared name closest to a mistyped one, for "did you mean --quick?": the name
/// fewest single-letter edits away, if that is at most 2 edits (and fewer than half the
/// word), so `--quik` suggests `--quick` and `--colour` suggests nothing wild.
///
///     nearestFlagName(to: "quik", among: ["quick", "seed"])    // "quick"
///     nearestFlagName(to: "epoch", among: ["epochs"])          // "epochs"
///     nearestFlagName(to: "verbose", among: ["quick", "seed"])  // nil
func nearestFlagName(to word: String, among names: [String]) -> String? {
  let scored = names.map { (name: $0, edits: editDistance(word, $0)) }
  guard let best = scored.min(by: { $0.edits < $1.edits }),
    best.edits <= 2, best.edits * 2 < max(word.count, 1)
  else { return nil }
  return best.name
}

/// Levenshtein distance: the fewest insertions, deletions and replacements of single
/// characters that turn `first` into `second`.
///
///     editDistance("quik", "quick")   // 1
func editDistance(_ first: String, _ second: String) -> Int {
  let (a, b) = (Array(first), Array(second))
  // previous[j]: the distance between the part of `first` read so far and b[..<j].
  var previous = Array(0...b.count)
  for (i, letter) in a.enumerated() {
    var current = [i + 1]
    for (j, other) in b.enumerated() {
      let replace = previous[j] + (letter == other ? 0 : 1)
      current.append(min(replace, previous[j + 1] + 1, current[j] + 1))
    }
    previous = current
  }
  return previous[b.count]
}
