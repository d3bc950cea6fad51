import Kernels

/// A fully connected ("dense") layer: every output unit sees every input.
///
///     forward    Z = X·W + b          (batch × in)·(in × out) + (out) → (batch × out)
///                A = f(Z)             f = the activation, element by element
///
///     backward   dZ = dA ⊙ f′(Z)      chain rule through the activation
///                dW = Xᵀ·dZ           (in × batch)·(batch × out) → (in × out)
///                db = Σ_batch dZ      column sums → (out)
///                dX = dZ·Wᵀ           (batch × out)·(out × in) → (batch × in)
///
/// "d" means ∂loss/∂·: `dW` is how the loss changes with each weight. Rows of X are the
/// examples of a batch, so W is (inputs × outputs): `Dense(inputs: 784, outputs: 128)`
/// turns a batch of images (32 × 784) into 128 activations per image (32 × 128).
public struct Dense: Equatable, Sendable {
  /// The weights W, (inputs × outputs).
  public var weights: Matrix
  /// The biases b, one per output unit.
  public var bias: [Float]
  /// The activation f applied to Z.
  public var activation: Activation

  /// A layer with weights drawn by `initializer` from `generator` and zero biases.
  ///
  ///     var generator = SeededGenerator(seed: 1)
  ///     let hidden = Dense(inputs: 784, outputs: 128, activation: .relu, generator: &generator)
  public init(
    inputs: Int, outputs: Int, activation: Activation,
    initializer: Initializer = .glorotUniform, generator: inout SeededGenerator
  ) {
    self.weights = initializer.weights(fanIn: inputs, fanOut: outputs, generator: &generator)
    self.bias = [Float](repeating: 0, count: outputs)
    self.activation = activation
  }

  /// A layer with given weights (inputs × outputs) and biases.
  public init(weights: Matrix, bias: [Float], activation: Activation) {
    require(
      bias.count == weights.columns,
      "Dense: \(bias.count) biases for weights \(weights.shapeDescription); need \(weights.columns)"
    )
    self.weights = weights
    self.bias = bias
    self.activation = activation
  }

  /// Number of inputs per example.
  public var inputCount: Int { weights.rows }
  /// Number of output units.
  public var outputCount: Int { weights.columns }
  /// Number of trainable numbers: weights plus biases.
  public var parameterCount: Int { weights.count + bias.count }

  // lesson: dense-forward
  /// Runs a batch through the layer. Keeps Z, which the backward pass needs.
  public func forward(_ inputs: Matrix) -> DenseForward {
    var preActivation = inputs.multiplied(by: weights)  // (batch, out)
    preActivation.addToEachRow(bias)
    return DenseForward(preActivation: preActivation, output: activation.apply(preActivation))
  }
  // end lesson

  // lesson: dense-backward
  /// The gradients of the loss, given dA = ∂loss/∂(this layer's output).
  ///
  /// Gradients are returned fresh, never added to stored ones: calling `backward` twice
  /// gives the same result twice. The optimizer applies them; nothing needs resetting.
  ///
  /// - Parameter needsInputGradient: pass `false` for the first layer, whose inputs are
  ///   the data: dX would cost a product and nobody uses it.
  public func backward(
    _ dOutput: Matrix, inputs: Matrix, forward: DenseForward, needsInputGradient: Bool = true
  ) -> DenseGradients {
    let dZ = activation.backward(
      dOutput, preActivation: forward.preActivation, output: forward.output)  // (batch, out)
    let dW = inputs.transposedMultiplied(by: dZ)  // (in, out)
    let db = dZ.columnSums()  // (out)
    let dX = needsInputGradient ? dZ.multiplied(byTransposed: weights) : nil  // (batch, in)
    return DenseGradients(dW: dW, db: db, dX: dX)
  }
  // end lesson
}

/// What a dense layer's forward pass produces: Z = X·W + b and A = f(Z).
public struct DenseForward: Sendable {
  /// Z, the weighted sums before the activation, (batch × outputs).
  public var preActivation: Matrix
  /// A = f(Z), (batch × outputs).
  public var output: Matrix
}

/// The gradients of the loss with respect to one dense layer's weights, biases and inputs.
public struct DenseGradients: Sendable {
  /// ∂loss/∂W, (inputs × outputs).
  public var dW: Matrix
  /// ∂loss/∂b, (outputs).
  public var db: [Float]
  /// ∂loss/∂X, (batch × inputs); `nil` when not asked for.
  public var dX: Matrix?
}
