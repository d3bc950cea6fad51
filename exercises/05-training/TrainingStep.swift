import ExerciseSupport
import Foundation

/// Exercise 05 — one training step of a network with one hidden layer: forward pass, loss,
/// backward pass and Adam update (Lessons/05-training.md).
///
///     forward    Z1 = X·W1 + b1        (batch × inputs)·(inputs × hidden) → (batch × hidden)
///                H  = relu(Z1)
///                Z2 = H·W2 + b2        (batch × hidden)·(hidden × classes) → the logits
///     loss       L  = (1/B) Σᵣ −log softmax(Z2[r])[labels[r]]      B = the batch size
///     backward   dZ2 = (softmax(Z2) − onehot(labels)) / B
///                dW2 = Hᵀ·dZ2     db2 = Σ_rows dZ2     dH = dZ2·W2ᵀ
///                dZ1 = dH ⊙ relu′(Z1)                  relu′(z) = 1 if z > 0, else 0
///                dW1 = Xᵀ·dZ1     db1 = Σ_rows dZ1
///     Adam       t ← t + 1                              once per step, not per tensor
///                α = learningRate · √(1 − β2ᵗ) / (1 − β1ᵗ)   the bias correction
///                then for every number w of W1, b1, W2, b2, with its gradient g
///                and its own m and v:
///                m ← β1·m + (1 − β1)·g
///                v ← β2·v + (1 − β2)·g²
///                w ← w − α · m / (√v + ε)          β1 = 0.9, β2 = 0.999, ε = 1e-7
///
/// This is Keras' form of Adam, the one NeuralKit uses: ε is added to √v, not to the
/// bias-corrected √v̂ of the paper. (They differ only for gradients near 1e-6, but the test
/// may meet one.)
///
/// The network and Adam's memory are plain arrays (Sources/ExerciseSupport/TwoLayerNetwork.swift):
///
///     struct TwoLayerNetwork { var weights1: [[Float]]; var bias1: [Float]
///                              var weights2: [[Float]]; var bias2: [Float] }
///     struct AdamState { var m: TwoLayerNetwork; var v: TwoLayerNetwork; var step: Int }
///
/// m and v have one number per weight and bias, so they are shaped like the network;
/// `step` is t, the number of steps taken before this one.
///
/// Tasks:
///   1. Forward: Z1, H = relu(Z1), the logits Z2. Your functions from exercises 02–04 do
///      the work: `try denseForward(inputs:weights:bias:)`, `try relu(_:)`.
///   2. Loss: the mean over the rows of `try crossEntropy(probabilities: softmax(row), label:)`,
///      computed before the update.
///   3. Backward: dZ2 = `try softmaxCrossEntropyGradient(logits:labels:)` (it has the 1/B);
///      layer 2's gradients and dH = `try denseBackward(inputs: H, weights: W2, dOutput: dZ2)`;
///      dZ1 = dH where Z1 > 0, else 0; layer 1's gradients from `denseBackward` again.
///   4. Adam: add 1 to `adam.step`, compute α, then update W1, b1, W2 and b2 and their m
///      and v, element by element.
///   5. Return the updated network, the updated Adam state and the loss.
///
/// Using your earlier functions? Finish them first: an unfinished one throws
/// `NotWrittenYet`, and this test then says "trainingStep: not written yet". You may also
/// write every loop out here.
///
/// Signature (keep it):
/// `func trainingStep(network: TwoLayerNetwork, adam: AdamState, inputs: [[Float]],`
/// `  labels: [Int], learningRate: Float) throws`
/// `  -> (network: TwoLayerNetwork, adam: AdamState, loss: Float)`
///
/// Example (2 inputs → 2 hidden units → 2 classes, batch 2, the first step):
///
///     let network = TwoLayerNetwork(
///       weights1: [[0.5, -0.5], [0.25, 1]], bias1: [0.1, -0.1],
///       weights2: [[1, -1], [-0.5, 0.5]], bias2: [0, 0.2])
///     let step = try trainingStep(
///       network: network, adam: AdamState(startingFor: network),
///       inputs: [[1, 2], [-1, 0.5]], labels: [0, 1], learningRate: 0.01)
///     // step.loss ≈ 0.3624, the mean loss before the update
///     // step.network.weights1 ≈ [[0.51, -0.51], [0.26, 0.99]]
///     // step.network.bias1    ≈ [0.11, -0.11]
///     // step.network.weights2 ≈ [[1.01, -1.01], [-0.49, 0.49]]
///     // step.network.bias2    ≈ [0.01, 0.19]
///     // step.adam.m.bias2     ≈ [-0.00523, 0.00523]
///     // step.adam.v.bias2     ≈ [2.735e-06, 2.735e-06]
///     // step.adam.step == 1
///
/// On the first step every number moves by about the learning rate, whatever the size of
/// its gradient: with t = 1, α·m/√v is learningRate · g/|g|.
///
/// What the test checks (`swift test --disable-xctest --filter Lesson05`):
///   - 14 small networks, each trained for 3 or 4 steps (43 calls): square layers 3 → 3 → 3
///     (a transposed dW fails by its values), non-square 5 → 4 → 3 (by its shape), batch 1,
///     10 classes, then 10 seeded random ones up to 8 → 8 → 6 with batches up to 8;
///     non-zero biases throughout, learning rates 0.001 to 0.01. Every call starts from
///     NeuralKit's network and Adam state after the step before (m = v = 0, step 0 first).
///   - After each call, in this order: `loss` within 1e-5 + 1e-5 · |expected| of
///     NeuralKit's `Network.backpropagate` (the loss before the update); the four tensors
///     of `network`, each its shape, then every number within 1e-5 + 1e-5 · (largest
///     |expected| of that tensor) of NeuralKit's `Adam.update`; `adam.m` and `adam.v`
///     within 1e-4 · (largest |expected|) of Adam's formulas on NeuralKit's gradients
///     (relative only: v is about 1e-6); `adam.step` exactly the step you were given + 1.
func trainingStep(
  network: TwoLayerNetwork, adam: AdamState, inputs: [[Float]], labels: [Int],
  learningRate: Float
) throws -> (network: TwoLayerNetwork, adam: AdamState, loss: Float) {
  // TODO: replace the next line with the five steps above.
  throw NotWrittenYet()
}
