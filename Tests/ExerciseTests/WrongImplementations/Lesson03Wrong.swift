import NeuralKit

/// Plain loops, as a learner would write them, each with one mistake.
extension WrongImplementation {
  static let lesson03: [WrongImplementation] = [
    WrongImplementation(exercise: .denseForward, mistake: "X·W without the bias") {
      DenseChecks.denseForward { x, w, b in product(x, w) }
    },
    WrongImplementation(exercise: .denseForward, mistake: "bias added to the first example only") {
      DenseChecks.denseForward { x, w, b in
        var y = product(x, w)
        y[0] = zip(y[0], b).map { $0 + $1 }
        return y
      }
    },
    WrongImplementation(exercise: .denseBackward, mistake: "transposed gradient dW = dYᵀ·X") {
      DenseChecks.denseBackward { x, w, dY in
        let right = correctBackward(x, w, dY)
        return (product(transposed(dY), x), right.db, right.dX)
      }
    },
    WrongImplementation(exercise: .denseBackward, mistake: "db averaged: an extra 1/batch") {
      DenseChecks.denseBackward { x, w, dY in
        let right = correctBackward(x, w, dY)
        return (right.dW, right.db.map { $0 / Float(x.count) }, right.dX)
      }
    },
    WrongImplementation(exercise: .denseBackward, mistake: "db summed over outputs (row sums)") {
      DenseChecks.denseBackward { x, w, dY in
        let right = correctBackward(x, w, dY)
        return (right.dW, dY.map { $0.reduce(0, +) }, right.dX)
      }
    },
    WrongImplementation(
      exercise: .gradientCheckFails, mistake: "absolute tolerance: |analytic − numerical| > 1e-6"
    ) {
      GradientCheckerChecks.gradientCheckFails { loss, p, g in
        let numerical = GradientCheck.numericalGradient(of: loss, at: p, step: 1e-5)
        return zip(g, numerical).contains { abs($0 - $1) > 1e-6 }
      }
    },
    WrongImplementation(
      exercise: .gradientCheckFails, mistake: "tolerance tighter than Float: 1e-9 of the largest"
    ) {
      GradientCheckerChecks.gradientCheckFails { loss, p, g in
        let numerical = GradientCheck.numericalGradient(of: loss, at: p, step: 1e-5)
        let scale = numerical.map(abs).max() ?? 0
        return zip(g, numerical).contains { abs($0 - $1) > 1e-9 * scale }
      }
    },
    WrongImplementation(
      exercise: .gradientCheckFails, mistake: "(L(p + h) − L(p − h)) / h: the 2 forgotten"
    ) {
      GradientCheckerChecks.gradientCheckFails { loss, p, g in
        let numerical = GradientCheck.numericalGradient(of: loss, at: p, step: 1e-5).map { 2 * $0 }
        let scale = numerical.map(abs).max() ?? 0
        return zip(g, numerical).contains { abs($0 - $1) > 1e-4 * scale }
      }
    },
    WrongImplementation(
      exercise: .gradientCheckFails, mistake: "a loose tolerance: 50% of the largest"
    ) {
      GradientCheckerChecks.gradientCheckFails { loss, p, g in
        let numerical = GradientCheck.numericalGradient(of: loss, at: p, step: 1e-5)
        let scale = numerical.map(abs).max() ?? 0
        return zip(g, numerical).contains { abs($0 - $1) > 0.5 * scale }
      }
    },
  ]

  /// a·b with plain loops.
  static func product(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    a.map { row in
      (0..<(b.first?.count ?? 0)).map { c in
        var sum: Float = 0
        for k in row.indices { sum += row[k] * b[k][c] }
        return sum
      }
    }
  }

  /// The right gradients, so each wrong implementation differs in one place only.
  static func correctBackward(_ x: [[Float]], _ w: [[Float]], _ dY: [[Float]])
    -> DenseChecks.Gradients
  {
    let db = transposed(dY).map { $0.reduce(0, +) }
    return (product(transposed(x), dY), db, product(dY, transposed(w)))
  }
}
