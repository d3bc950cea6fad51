import Foundation

/// Checks backpropagation against finite differences: nudge each weight a little up and
/// down, see how the loss changes.
///
///     ∂L/∂w ≈ (L(w + h) − L(w − h)) / 2h        central difference, error ~ h²
///
/// The loss is recomputed in Double for every nudge. In Float, L(w + h) − L(w − h) loses
/// most of its digits to rounding (Float keeps ~7 significant digits and the two losses
/// agree in most of them); in Double it keeps ~16, so the numerical gradient is exact to
/// about 1e-9 and any real disagreement is a bug in the backward pass.
///
/// It costs two forward passes per weight: fine for the small networks of lessons and
/// tests, hopeless for 101,770 weights. Backpropagation gives all of them in one backward
/// pass; that is the whole point of it.
public enum GradientCheck {
  /// Central differences of `f` at `x`, one coordinate at a time.
  ///
  ///     GradientCheck.numericalGradient(of: { $0[0] * $0[0] }, at: [3])   // ≈ [6]
  public static func numericalGradient(
    of f: ([Double]) -> Double, at x: [Double], step h: Double = defaultStep
  ) -> [Double] {
    var point = x
    return x.indices.map { i in
      point[i] = x[i] + h
      let up = f(point)
      point[i] = x[i] - h
      let down = f(point)
      point[i] = x[i]
      return (up - down) / (2 * h)
    }
  }

  /// The step h: small enough that the h² error is ~1e-10, large enough that Double's
  /// rounding (~1e-16 / h) stays ~1e-11.
  public static let defaultStep = 1e-5

  /// Agreement expected between backpropagation in Float and finite differences in
  /// Double. The analytic side accumulates Float rounding, ~1e-7 relative per operation
  /// over a few hundred terms, so 1e-4 relative to the tensor's largest entry with 1e-6
  /// absolute leaves margin; a wrong gradient (a transposed product, a missing 1/batch)
  /// is off by 10–100% and fails by orders of magnitude.
  public static let tolerance = Tolerance(absolute: 1e-6, relative: 1e-4)

  /// The numerical gradient of the network's mean loss with respect to every weight and
  /// bias, in the order of `Network.layers`: [(dW, db)], each flattened row-major.
  public static func numericalGradients(
    of network: Network, inputs: Matrix, labels: [Int], step h: Double = defaultStep
  ) -> [(dW: [Double], db: [Double])] {
    var parameters = DoubleParameters(network)
    return network.layers.indices.map { l in
      var dW: [Double] = []
      for i in parameters.weights[l].indices {
        dW.append(
          nudge(&parameters, step: h) {
            $0.weights[l][i] += $1
          } loss: {
            $0.loss(inputs: inputs, labels: labels)
          })
      }
      var db: [Double] = []
      for j in parameters.biases[l].indices {
        db.append(
          nudge(&parameters, step: h) {
            $0.biases[l][j] += $1
          } loss: {
            $0.loss(inputs: inputs, labels: labels)
          })
      }
      return (dW, db)
    }
  }

  /// Backpropagation against finite differences for every tensor: one row per tensor,
  /// `dW1`, `db1`, `dW2`, … ready for `TensorComparison.table`.
  public static func compare(
    network: Network, inputs: Matrix, labels: [Int], tolerance: Tolerance = tolerance
  ) throws -> [TensorComparison] {
    let analytic = try network.backpropagate(inputs: inputs, labels: labels).gradients
    let numeric = numericalGradients(of: network, inputs: inputs, labels: labels)
    return analytic.indices.flatMap { l in
      [
        TensorComparison(
          name: "dW\(l + 1)", actual: analytic[l].dW.values.map(Double.init),
          expected: numeric[l].dW, tolerance: tolerance),
        TensorComparison(
          name: "db\(l + 1)", actual: analytic[l].db.map(Double.init), expected: numeric[l].db,
          tolerance: tolerance),
      ]
    }
  }

  private static func nudge(
    _ parameters: inout DoubleParameters, step h: Double,
    _ change: (inout DoubleParameters, Double) -> Void, loss: (DoubleParameters) -> Double
  ) -> Double {
    change(&parameters, h)
    let up = loss(parameters)
    change(&parameters, -2 * h)
    let down = loss(parameters)
    change(&parameters, h)
    return (up - down) / (2 * h)
  }
}

/// A network's parameters in Double, with a plain-loop forward pass and loss.
struct DoubleParameters {
  var weights: [[Double]]  // per layer, (in × out) row-major
  var biases: [[Double]]
  let shapes: [(inputs: Int, outputs: Int)]
  let activations: [Activation]

  init(_ network: Network) {
    weights = network.layers.map { $0.weights.values.map(Double.init) }
    biases = network.layers.map { $0.bias.map(Double.init) }
    shapes = network.layers.map { ($0.inputCount, $0.outputCount) }
    activations = network.layers.map(\.activation)
  }

  /// Mean softmax cross-entropy over the batch, all in Double.
  func loss(inputs: Matrix, labels: [Int]) -> Double {
    var total = 0.0
    for r in 0..<inputs.rows {
      var x = inputs.row(r).map(Double.init)
      for l in weights.indices {
        let (n, m) = shapes[l]
        x = (0..<m).map { j in
          var z = biases[l][j]
          for i in 0..<n { z += x[i] * weights[l][i * m + j] }
          return activations[l].value(z)
        }
      }
      let largest = x.max()!
      let logSumExp = largest + Foundation.log(x.reduce(0) { $0 + Foundation.exp($1 - largest) })
      total += logSumExp - x[labels[r]]
    }
    return total / Double(inputs.rows)
  }
}

extension Activation {
  /// The activation in Double, for the gradient check.
  func value(_ z: Double) -> Double {
    switch self {
    case .sigmoid:
      return z >= 0 ? 1 / (1 + Foundation.exp(-z)) : Foundation.exp(z) / (1 + Foundation.exp(z))
    case .relu: return z > 0 ? z : 0
    case .leakyReLU(let alpha): return z > 0 ? z : Double(alpha) * z
    case .tanh: return Foundation.tanh(z)
    case .identity: return z
    }
  }
}
