// lesson: relu
/// The rectified linear unit: keeps positive numbers, zeroes the rest.
///
///     relu(z) = max(0, z)
///
///     relu(-2)   // 0
///     relu(3)    // 3
public func relu(_ z: Float) -> Float {
  z > 0 ? z : 0
}
// end lesson

// lesson: relu-derivative
/// ReLU's slope: 1 for positive z, 0 otherwise.
///
///     relu′(z) = 1 if z > 0, else 0
///
/// At z = 0 the slope is undefined (the corner of the graph); like TensorFlow and PyTorch
/// we use 0 there.
public func reluDerivative(_ z: Float) -> Float {
  z > 0 ? 1 : 0
}
// end lesson

// lesson: leaky-relu
/// Leaky ReLU: like ReLU, but negative numbers keep a small slope `alpha`, so a unit
/// whose input is always negative still gets a gradient and can recover ("dead" units).
///
///     leakyReLU(z) = z if z > 0, else alpha · z
///
///     leakyReLU(-2, alpha: 0.01)   // -0.02
public func leakyReLU(_ z: Float, alpha: Float) -> Float {
  z > 0 ? z : alpha * z
}

/// Leaky ReLU's slope: 1 for positive z, `alpha` otherwise (also at z = 0, like ReLU′(0)).
public func leakyReLUDerivative(_ z: Float, alpha: Float) -> Float {
  z > 0 ? 1 : alpha
}
// end lesson
