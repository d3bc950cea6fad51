import ExerciseSupport
import Foundation

/// The learner's network on plain arrays, right but for one `Mistake`: what
/// `Lesson05Wrong.swift` hands to the checkers.
extension WrongImplementation {
  /// One mistake each; `.none` is the right code.
  enum Mistake {
    case none
    case columnByColumn, noThree, randomBiases
    case outputActivated, alwaysReLU
    case derivativeOfA, noDerivative, transposedWeightGradient, lastLayerFirst
    case signFlipped, weightsOnly
    case noBiasCorrection, stepPerTensor, noStepIncrement
    case nextIntBelowI, ascending, dropLast, notShuffled
    case lossAfterUpdate, unweightedMean, percent, summedLoss, lastOnTie
  }

  static func plainInitialNetwork(
    _ sizes: [Int], _ activation: HiddenActivation, _ generator: inout SeededGenerator,
    _ mistake: Mistake
  ) throws -> LearnerNetwork {
    var layers: [LayerParameters] = []
    for l in 1..<sizes.count {
      let (fanIn, fanOut) = (sizes[l - 1], sizes[l])
      let limit = ((mistake == .noThree ? 2 : 6) / Float(fanIn + fanOut)).squareRoot()
      var weights = [[Float]](repeating: [Float](repeating: 0, count: fanOut), count: fanIn)
      if mistake == .columnByColumn {
        for c in 0..<fanOut {
          for k in 0..<fanIn { weights[k][c] = generator.nextFloat(in: -limit, limit) }
        }
      } else {
        for k in 0..<fanIn {
          for c in 0..<fanOut { weights[k][c] = generator.nextFloat(in: -limit, limit) }
        }
      }
      let bias = (0..<fanOut).map { _ in
        mistake == .randomBiases ? generator.nextFloat(in: -limit, limit) : 0
      }
      layers.append(LayerParameters(weights: weights, bias: bias))
    }
    return LearnerNetwork(layers: layers, activation: activation)
  }

  static func activate(_ z: Float, _ activation: HiddenActivation) -> Float {
    switch activation {
    case .relu: return max(0, z)
    case .sigmoid: return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    case .leakyReLU(let alpha): return z > 0 ? z : alpha * z
    case .tanh: return tanh(z)
    }
  }

  static func plainForward(_ network: LearnerNetwork, _ inputs: [[Float]], _ mistake: Mistake)
    -> ForwardPass
  {
    var pass = ForwardPass(preActivations: [], activations: [])
    var x = inputs
    for (l, layer) in network.layers.enumerated() {
      let z = x.map { row in
        layer.bias.indices.map { c in
          var sum = layer.bias[c]
          for k in row.indices { sum += row[k] * layer.weights[k][c] }
          return sum
        }
      }
      let isOutput = l == network.layers.count - 1
      let f = mistake == .alwaysReLU ? .relu : network.activation
      let a = isOutput && mistake != .outputActivated ? z : z.map { $0.map { activate($0, f) } }
      pass.preActivations.append(z)
      pass.activations.append(a)
      x = a
    }
    return pass
  }

  static func plainBackward(
    _ network: LearnerNetwork, _ inputs: [[Float]], _ pass: ForwardPass, _ dLogits: [[Float]],
    _ mistake: Mistake
  ) -> [LayerGradients] {
    var gradients: [LayerGradients] = []
    var dZ = dLogits
    for l in network.layers.indices.reversed() {
      let x = l == 0 ? inputs : pass.activations[l - 1]
      let w = network.layers[l].weights
      var dW = [[Float]](repeating: [Float](repeating: 0, count: w[0].count), count: w.count)
      var db = [Float](repeating: 0, count: w[0].count)
      for r in dZ.indices {
        for c in dZ[r].indices {
          db[c] += dZ[r][c]
          for k in w.indices { dW[k][c] += x[r][k] * dZ[r][c] }
        }
      }
      if mistake == .transposedWeightGradient { dW = transposed(dW) }
      gradients.append(LayerGradients(dW: dW, db: db))
      guard l > 0 else { break }
      let (z, a) = (pass.preActivations[l - 1], pass.activations[l - 1])
      dZ = x.indices.map { r in
        w.indices.map { k in
          var dA: Float = 0
          for c in w[k].indices { dA += dZ[r][c] * w[k][c] }
          if mistake == .noDerivative { return dA }
          switch network.activation {
          case .relu: return z[r][k] > 0 ? dA : 0
          case .leakyReLU(let alpha): return z[r][k] > 0 ? dA : alpha * dA
          case .sigmoid:
            let s = mistake == .derivativeOfA ? activate(a[r][k], .sigmoid) : a[r][k]
            return dA * s * (1 - s)
          case .tanh:
            let t = mistake == .derivativeOfA ? tanh(a[r][k]) : a[r][k]
            return dA * (1 - t * t)
          }
        }
      }
    }
    return mistake == .lastLayerFirst ? gradients : gradients.reversed()
  }

  static func plainSGD(
    _ network: inout LearnerNetwork, _ gradients: [LayerGradients], _ learningRate: Float,
    _ mistake: Mistake
  ) {
    let sign: Float = mistake == .signFlipped ? 1 : -1
    for l in network.layers.indices {
      for k in network.layers[l].weights.indices {
        for c in network.layers[l].weights[k].indices {
          network.layers[l].weights[k][c] += sign * learningRate * gradients[l].dW[k][c]
        }
      }
      if mistake == .weightsOnly { continue }
      for c in network.layers[l].bias.indices {
        network.layers[l].bias[c] += sign * learningRate * gradients[l].db[c]
      }
    }
  }

  static func plainAdam(
    _ network: inout LearnerNetwork, _ gradients: [LayerGradients], _ adam: inout AdamMemory,
    _ learningRate: Float, _ mistake: Mistake
  ) {
    func alpha() -> Float {
      if mistake == .noBiasCorrection { return learningRate }
      let t = Float(adam.step)
      return learningRate * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
    }
    func update(_ w: inout Float, _ g: Float, _ m: inout Float, _ v: inout Float, _ alpha: Float) {
      m = 0.9 * m + 0.1 * g
      v = 0.999 * v + 0.001 * g * g
      let change = alpha * m / (v.squareRoot() + 1e-7)
      w += mistake == .signFlipped ? change : -change
    }
    if mistake != .noStepIncrement && mistake != .stepPerTensor { adam.step += 1 }
    for l in network.layers.indices {
      if mistake == .stepPerTensor { adam.step += 1 }
      var a = alpha()
      for k in network.layers[l].weights.indices {
        for c in network.layers[l].weights[k].indices {
          update(
            &network.layers[l].weights[k][c], gradients[l].dW[k][c], &adam.m[l].weights[k][c],
            &adam.v[l].weights[k][c], a)
        }
      }
      if mistake == .stepPerTensor {
        adam.step += 1
        a = alpha()
      }
      for c in network.layers[l].bias.indices {
        update(
          &network.layers[l].bias[c], gradients[l].db[c], &adam.m[l].bias[c], &adam.v[l].bias[c], a)
      }
    }
  }

  static func plainMiniBatches(
    _ count: Int, _ batchSize: Int, _ generator: inout SeededGenerator, _ mistake: Mistake
  ) -> [[Int]] {
    var order = Array(0..<count)
    if count > 1 {
      switch mistake {
      case .notShuffled: break
      case .ascending:
        for i in 1..<count { order.swapAt(i, generator.nextInt(below: i + 1)) }
      default:
        for i in stride(from: count - 1, to: 0, by: -1) {
          order.swapAt(i, generator.nextInt(below: mistake == .nextIntBelowI ? i : i + 1))
        }
      }
    }
    var batches: [[Int]] = []
    for start in stride(from: 0, to: count, by: batchSize) {
      let end = min(start + batchSize, count)
      if mistake == .dropLast && end - start < batchSize { break }
      batches.append(Array(order[start..<end]))
    }
    return batches
  }

  /// The mean cross-entropy of the logits and how many rows predict their label (the
  /// first largest logit, unless `.lastOnTie`).
  static func lossAndCorrect(_ logits: [[Float]], _ labels: [Int], _ mistake: Mistake)
    -> (loss: Float, correct: Int)
  {
    var loss: Double = 0
    var correct = 0
    for (row, label) in zip(logits, labels) {
      let largest = row.max()!
      let total = row.reduce(0) { $0 + exp(Double($1 - largest)) }
      loss += log(total) - Double(row[label] - largest)
      var best = 0
      for c in row.indices
      where row[c] > row[best] || (mistake == .lastOnTie && row[c] == row[best]) {
        best = c
      }
      if best == label { correct += 1 }
    }
    return (Float(mistake == .summedLoss ? loss : loss / Double(logits.count)), correct)
  }

  static func plainTrainEpoch(
    _ network: inout LearnerNetwork, _ adam: inout AdamMemory, _ inputs: [[Float]],
    _ labels: [Int], _ batchSize: Int, _ learningRate: Float,
    _ generator: inout SeededGenerator, _ mistake: Mistake
  ) -> (loss: Float, accuracy: Double) {
    let batches = plainMiniBatches(
      inputs.count, batchSize, &generator, mistake == .dropLast ? .dropLast : .none)
    var (lossSum, correct, seen) = (0.0, 0, 0)
    var batchMeans: [Float] = []
    for batch in batches {
      let (x, y) = (batch.map { inputs[$0] }, batch.map { labels[$0] })
      let pass = plainForward(network, x, .none)
      var measured = lossAndCorrect(pass.logits, y, .none)
      let dLogits = pass.logits.indices.map { r in
        let largest = pass.logits[r].max()!
        let e = pass.logits[r].map { exp($0 - largest) }
        let total = e.reduce(0, +)
        return e.indices.map { c in (e[c] / total - (c == y[r] ? 1 : 0)) / Float(batch.count) }
      }
      let gradients = plainBackward(network, x, pass, dLogits, .none)
      plainAdam(&network, gradients, &adam, learningRate, .none)
      if mistake == .lossAfterUpdate {
        measured.loss = lossAndCorrect(plainForward(network, x, .none).logits, y, .none).loss
      }
      lossSum += Double(measured.loss) * Double(batch.count)
      batchMeans.append(measured.loss)
      correct += measured.correct
      seen += batch.count
    }
    let loss =
      mistake == .unweightedMean
      ? batchMeans.reduce(0, +) / Float(batchMeans.count) : Float(lossSum / Double(seen))
    let accuracy = Double(correct) / Double(seen)
    return (loss, mistake == .percent ? 100 * accuracy : accuracy)
  }

  static func plainEvaluate(
    _ network: LearnerNetwork, _ inputs: [[Float]], _ labels: [Int], _ mistake: Mistake
  ) -> (loss: Float, accuracy: Double) {
    let result = lossAndCorrect(plainForward(network, inputs, .none).logits, labels, mistake)
    let accuracy = Double(result.correct) / Double(labels.count)
    return (result.loss, mistake == .percent ? 100 * accuracy : accuracy)
  }
}
