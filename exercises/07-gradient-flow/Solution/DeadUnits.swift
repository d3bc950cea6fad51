/// Worked solution of exercise 07b: a unit is alive if any example gives it z > 0.
func deadUnitFraction(_ preActivations: [[Float]]) throws -> Double {
  let units = preActivations.first?.count ?? 0
  guard units > 0 else { return 0 }
  var dead = 0
  for unit in 0..<units where !preActivations.contains(where: { $0[unit] > 0 }) {
    dead += 1
  }
  return Double(dead) / Double(units)
}
