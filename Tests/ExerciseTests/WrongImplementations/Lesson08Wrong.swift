/// i-k-j loops on flat arrays, as a learner would write them, each with one mistake. (The
/// checker's case order makes each fail before it could read out of range.)
extension WrongImplementation {
  static let lesson08: [WrongImplementation] = [
    WrongImplementation(exercise: .ikjProduct, mistake: "transposed B index b[j * inner + k]") {
      IKJProductChecks.ikjProduct { a, b, rows, inner, columns in
        var c = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
          for k in 0..<inner {
            for j in 0..<columns { c[i * columns + j] += a[i * inner + k] * b[j * inner + k] }
          }
        }
        return c
      }
    },
    WrongImplementation(exercise: .ikjProduct, mistake: "= instead of +=: the last product wins") {
      IKJProductChecks.ikjProduct { a, b, rows, inner, columns in
        var c = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
          for k in 0..<inner {
            for j in 0..<columns { c[i * columns + j] = a[i * inner + k] * b[k * columns + j] }
          }
        }
        return c
      }
    },
    WrongImplementation(exercise: .ikjProduct, mistake: "loop bounds swapped: k runs to rows") {
      IKJProductChecks.ikjProduct { a, b, rows, inner, columns in
        var c = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
          for k in 0..<rows {
            for j in 0..<columns { c[i * columns + j] += a[i * inner + k] * b[k * columns + j] }
          }
        }
        return c
      }
    },
    WrongImplementation(exercise: .ikjProduct, mistake: "A indexed with C's row width") {
      IKJProductChecks.ikjProduct { a, b, rows, inner, columns in
        var c = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
          for k in 0..<inner {
            for j in 0..<columns { c[i * columns + j] += a[i * columns + k] * b[k * columns + j] }
          }
        }
        return c
      }
    },
  ]
}
