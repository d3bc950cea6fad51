import Foundation

/// What reaches each layer of a network on the way back: the size of every layer's weight
/// gradient, how fast it shrinks (or grows) from one layer to the one before it, and which
/// hidden units are dead. Lesson 07 measures the second study's claim with these.
///
///     let measured = try GradientFlow.measure(network, inputs: inputs, labels: labels)
///     measured.weightGradientNorms     // [layer 1, layer 2, …, output layer]
///     measured.deadUnitFractions       // [hidden layer 1, …, hidden layer L]
///
/// Why the weight gradient and not the signal dA: dW is what the optimizer adds to the
/// weights, so its size is how much a layer learns per step.
public enum GradientFlow {
  // lesson: gradient-norms
  /// The L2 (Frobenius) norm of a tensor's values, summed in Double.
  ///
  ///     ‖v‖ = √( Σᵢ vᵢ² )
  ///
  /// Why Double: a 784 × 128 dW is a sum of 100,352 squares; a Float running total keeps
  /// about 7 significant digits, so later, smaller terms are partly rounded away. (Float
  /// squares also fail at the extremes: below ~1e-23 to 0, above ~1e19 to ∞.)
  ///
  ///     GradientFlow.l2Norm([3, 4])   // 5.0
  public static func l2Norm(_ values: [Float]) -> Double {
    var sum: Double = 0
    for value in values { sum += Double(value) * Double(value) }
    return sum.squareRoot()
  }

  /// ‖dW‖ for every layer, first layer first (the output layer last).
  public static func weightGradientNorms(_ backpropagation: Backpropagation) -> [Double] {
    backpropagation.gradients.map { l2Norm($0.dW.values) }
  }
  // end lesson

  // lesson: dead-units
  /// The fraction of a layer's units that are dead on a batch: units whose weighted sum z
  /// is ≤ 0 for every example (every row). A ReLU unit then outputs 0 for all of them and
  /// its gradient is 0 for all of them: it learns nothing from this batch.
  ///
  ///     preActivation (3 examples × 2 units)   [[-1, 2], [0, -3], [-2, 1]]
  ///     unit 0: −1, 0, −2  all ≤ 0 → dead      unit 1: 2, −3, 1  alive
  ///     deadUnitFraction → 0.5
  ///
  /// For Leaky ReLU the same units are counted, but they are not silent: they output α·z
  /// and still pass α times the gradient back.
  public static func deadUnitFraction(preActivation: Matrix) -> Double {
    guard preActivation.columns > 0 else { return 0 }
    var alive = [Bool](repeating: false, count: preActivation.columns)
    for row in 0..<preActivation.rows {
      for column in 0..<preActivation.columns where preActivation[row, column] > 0 {
        alive[column] = true
      }
    }
    return Double(alive.filter { !$0 }.count) / Double(preActivation.columns)
  }
  // end lesson

  /// A slope below this counts as saturated: the unit passes less than 1% of the gradient
  /// that reaches it (σ′ is 0.01 at |z| ≈ 4.6, tanh′ at |z| ≈ 3.0; σ′ is at most 0.25).
  public static let saturationSlope: Float = 0.01

  /// The fraction of a layer's units that are saturated on a batch: units whose slope
  /// f′(z) is below `saturationSlope` for every example (every row), the way a dead unit
  /// has z ≤ 0 for every example.
  ///
  ///     sigmoid, preActivation (2 examples × 3 units)   [[6, 0, -7], [5, 9, -8]]
  ///     σ′: [[0.0025, 0.25, 0.0009], [0.0066, 0.0001, 0.0003]]
  ///     unit 0 saturated, unit 1 not (0.25 once), unit 2 saturated → 2/3
  public static func saturatedUnitFraction(
    preActivation: Matrix, activation: Activation, below slope: Float = saturationSlope
  ) -> Double {
    guard preActivation.columns > 0 else { return 0 }
    var passes = [Bool](repeating: false, count: preActivation.columns)
    for row in 0..<preActivation.rows {
      for column in 0..<preActivation.columns
      where activation.derivative(preActivation[row, column]) >= slope {
        passes[column] = true
      }
    }
    return Double(passes.filter { !$0 }.count) / Double(preActivation.columns)
  }

  /// The mean slope f′(z) over every unit and example of a layer: the typical factor the
  /// activation applies on the way back (σ′ ≈ 0.24 for z near 0).
  public static func meanSlope(preActivation: Matrix, activation: Activation) -> Double {
    guard !preActivation.values.isEmpty else { return 0 }
    var sum: Double = 0
    for z in preActivation.values { sum += Double(activation.derivative(z)) }
    return sum / Double(preActivation.values.count)
  }

  /// A layer's outputs A over a batch: the mean of every value, and the spread, the
  /// standard deviation over the examples of each unit, averaged over the units. A spread
  /// near 0 means the layer gives (almost) the same output for every image.
  ///
  ///     output (2 examples × 2 units)   [[0.2, 0.5], [0.6, 0.5]]
  ///     mean 0.45; unit 0 std 0.2, unit 1 std 0 → spread 0.1
  public static func activationStatistics(_ output: Matrix) -> (mean: Double, spread: Double) {
    guard output.rows > 0, output.columns > 0 else { return (0, 0) }
    var total: Double = 0
    var spreads: Double = 0
    for column in 0..<output.columns {
      var sum: Double = 0
      for row in 0..<output.rows { sum += Double(output[row, column]) }
      let mean = sum / Double(output.rows)
      var squares: Double = 0
      for row in 0..<output.rows {
        let deviation = Double(output[row, column]) - mean
        squares += deviation * deviation
      }
      total += sum
      spreads += (squares / Double(output.rows)).squareRoot()
    }
    return (total / Double(output.rows * output.columns), spreads / Double(output.columns))
  }

  /// Dead units, saturated units, mean slope and output statistics of every hidden layer
  /// of `network` on a batch (the output layer is left out).
  public static func activity(_ network: Network, inputs: Matrix) -> [LayerActivity] {
    let passes = network.forward(inputs).dropLast()
    return zip(network.layers, passes).map { layer, pass in
      let statistics = activationStatistics(pass.output)
      return LayerActivity(
        deadFraction: deadUnitFraction(preActivation: pass.preActivation),
        saturatedFraction: saturatedUnitFraction(
          preActivation: pass.preActivation, activation: layer.activation),
        meanSlope: meanSlope(preActivation: pass.preActivation, activation: layer.activation),
        activationMean: statistics.mean, activationSpread: statistics.spread)
    }
  }

  /// `deadUnitFraction` for every hidden layer of a forward pass (the output layer, which
  /// has no activation, is left out).
  public static func deadUnitFractions(_ passes: [DenseForward]) -> [Double] {
    passes.dropLast().map { deadUnitFraction(preActivation: $0.preActivation) }
  }

  /// Layer-to-layer ratios going backwards: `ratios[i] = norms[i] / norms[i + 1]`, how much
  /// of layer i + 1's gradient size is left one layer further back.
  ///
  ///     layerRatios([0.01, 0.04, 0.16])   // [0.25, 0.25]
  public static func layerRatios(_ norms: [Double]) -> [Double] {
    guard norms.count >= 2 else { return [] }
    return (0..<norms.count - 1).map { norms[$0] / norms[$0 + 1] }
  }

  /// The geometric mean, the typical factor of a product of factors: √(0.1 · 0.4) = 0.2.
  /// nil for no values or for a value that is not positive and finite.
  public static func geometricMean(_ values: [Double]) -> Double? {
    guard !values.isEmpty, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
    let logSum = values.reduce(0) { $0 + log($1) }
    return exp(logSum / Double(values.count))
  }

  /// Runs one batch forward and backward (changing nothing) and measures it.
  public static func measure(_ network: Network, inputs: Matrix, labels: [Int]) throws
    -> GradientMeasurement
  {
    let backpropagation = try network.backpropagate(inputs: inputs, labels: labels)
    let slopes = zip(network.layers, backpropagation.passes.dropLast()).map { layer, pass in
      meanSlope(preActivation: pass.preActivation, activation: layer.activation)
    }
    return GradientMeasurement(
      loss: backpropagation.loss, weightGradientNorms: weightGradientNorms(backpropagation),
      deadUnitFractions: deadUnitFractions(backpropagation.passes), meanSlopes: slopes)
  }
}

/// What one hidden layer does on a batch, from `GradientFlow.activity`.
public struct LayerActivity: Equatable, Sendable {
  /// Units with z ≤ 0 for every example (`GradientFlow.deadUnitFraction`).
  public var deadFraction: Double
  /// Units with f′(z) < 0.01 for every example (`GradientFlow.saturatedUnitFraction`).
  public var saturatedFraction: Double
  /// Mean f′(z) over units and examples (`GradientFlow.meanSlope`).
  public var meanSlope: Double
  /// Mean output over units and examples.
  public var activationMean: Double
  /// Per unit the standard deviation of its output over the examples, averaged over units.
  public var activationSpread: Double

  /// A record of given numbers.
  public init(
    deadFraction: Double, saturatedFraction: Double, meanSlope: Double, activationMean: Double,
    activationSpread: Double
  ) {
    self.deadFraction = deadFraction
    self.saturatedFraction = saturatedFraction
    self.meanSlope = meanSlope
    self.activationMean = activationMean
    self.activationSpread = activationSpread
  }
}

/// One batch's gradient sizes and dead units, from `GradientFlow.measure`.
public struct GradientMeasurement: Equatable, Sendable {
  /// The batch's mean loss.
  public var loss: Float
  /// ‖dW‖ per layer, first layer first, the output layer last.
  public var weightGradientNorms: [Double]
  /// Per hidden layer, the fraction of units with z ≤ 0 for every example of the batch.
  public var deadUnitFractions: [Double]

  /// Per hidden layer, the mean slope f′(z) over the batch (`GradientFlow.meanSlope`).
  public var meanSlopes: [Double]
  /// Per hidden layer, what it does on a second, held-out batch, when one was measured
  /// (`GradientTrackedRun` fills it; empty otherwise).
  public var heldOutActivity: [LayerActivity] = []

  /// A measurement of given numbers.
  public init(
    loss: Float, weightGradientNorms: [Double], deadUnitFractions: [Double],
    meanSlopes: [Double] = []
  ) {
    self.loss = loss
    self.weightGradientNorms = weightGradientNorms
    self.deadUnitFractions = deadUnitFractions
    self.meanSlopes = meanSlopes
  }

  /// The mean slope of the hidden layers 2 … L − 1: the slopes the ratios of
  /// `hiddenLayerRatio` pass through (‖dW_l‖ / ‖dW_l+1‖ meets f′ of layer l); nil with
  /// fewer than three hidden layers.
  public var hiddenLayerMeanSlope: Double? {
    guard meanSlopes.count >= 3 else { return nil }
    let inner = meanSlopes.dropFirst().dropLast()  // layers 2 … L − 1
    return inner.reduce(0, +) / Double(inner.count)
  }

  /// The typical layer-to-layer ratio among the hidden-to-hidden layers (2 … L, all
  /// 128 × 128 in lesson 07): the geometric mean of ‖dW_l‖ / ‖dW_l+1‖ for l = 2 … L − 1.
  /// The first layer (784 inputs) and the output layer (10 units) have other shapes, so
  /// their norms are not comparable one to one; nil with fewer than three hidden layers.
  public var hiddenLayerRatio: Double? {
    let hidden = Array(weightGradientNorms.dropLast().dropFirst())  // layers 2 … L
    return GradientFlow.geometricMean(GradientFlow.layerRatios(hidden))
  }

  /// ‖dW‖ of the first layer over ‖dW‖ of the last hidden layer: how much of the gradient
  /// is left at the bottom of the stack.
  public var firstToLastHidden: Double {
    let hidden = weightGradientNorms.dropLast()
    guard let first = hidden.first, let last = hidden.last, last > 0 else { return .nan }
    return first / last
  }
}
