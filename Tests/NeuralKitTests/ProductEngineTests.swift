import Foundation
import MNISTData
import Testing

@testable import NeuralKit

/// `ProductEngine.plain` runs every product as the triple loop: the numbers it gives are
/// the textbook ones, and a network trained on it learns what the fast kernel's learns.
@Suite("Product engine: plain and packed")
struct ProductEngineTests {
  @Test("under .plain every product form equals the triple loop, bit for bit")
  func plainIsTheTripleLoop() {
    var generator = SeededGenerator(seed: 3)
    let a = Matrix(rows: 7, columns: 19, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: 19, columns: 5, uniformLimit: 1, generator: &generator)
    let naive = Matrix.naiveProduct(a, b)
    ProductEngine.$current.withValue(.plain) {
      #expect(a.multiplied(by: b) == naive)
      #expect(a.transposed().transposedMultiplied(by: b) == naive)
      #expect(a.multiplied(byTransposed: b.transposed()) == naive)
      var sum = naive
      Matrix.multiply(a, b, into: &sum, accumulating: true)
      #expect(sum == naive.combined(with: naive, +))
    }
  }

  @Test("the environment variable: unset is packed, plain is plain")
  func environment() {
    #expect(ProductEngine.fromEnvironment([:]) == .packed)
    #expect(ProductEngine.fromEnvironment(["NEURALKIT_PRODUCT": "plain"]) == .plain)
    #expect(ProductEngine.fromEnvironment(["NEURALKIT_PRODUCT": "packed"]) == .packed)
  }

  @Test("a bad NEURALKIT_PRODUCT stops the program with status 2")
  func badEnvironment() async {
    await #expect(processExitsWith: .exitCode(2)) {
      _ = ProductEngine.fromEnvironment(["NEURALKIT_PRODUCT": "fast"])
    }
  }

  /// How far apart the two engines' test accuracies may be: they add each dot product
  /// in another order, so weights differ in their last bits after the first step and a
  /// few borderline images of 2,000 may fall the other way. 1 point is 20 images.
  static let accuracyTolerance = 0.01

  @Test("a short MNIST run reaches the same accuracy on either engine")
  func sameAccuracy() throws {
    let mnist = try Dataset.load(.mnist, fromFolder: BundledSubsets.folder(for: .mnist))
    var options = TrainingOptions()
    options.hiddenLayers = [32]
    options.epochs = 1
    func run(_ engine: ProductEngine) -> (accuracy: Double, network: Network) {
      ProductEngine.$current.withValue(engine) {
        var network = Network(
          layerSizes: options.layerSizes(inputs: 784, classes: 10),
          hiddenActivation: .relu, seed: 1)
        _ = Trainer(options: options, batchSeed: 1).train(
          &network, on: mnist.train, validation: mnist.test)
        return (network.evaluate(mnist.test).accuracy, network)
      }
    }
    let packed = run(.packed)
    let plain = run(.plain)
    #expect(packed.accuracy > 0.85, "the run should learn: \(packed.accuracy)")
    #expect(
      abs(packed.accuracy - plain.accuracy) <= Self.accuracyTolerance,
      "packed \(packed.accuracy), plain \(plain.accuracy)")
    // Not the same numbers: the plain run really ran the other code.
    #expect(packed.network != plain.network)
  }
}
