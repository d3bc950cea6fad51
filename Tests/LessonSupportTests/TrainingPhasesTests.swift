import LessonSupport
import MNISTData
import NeuralKit
import Testing

/// Lesson 08's timed training step: it must train exactly as `Network.trainStep` does, or
/// its phase table would time some other computation; and its shares must add up.
@Suite struct TrainingPhasesTests {
  /// 64 random 7 × 7 images with random labels: small, and enough for several batches.
  static func images(seed: UInt64) -> LabeledImages {
    var generator = SeededGenerator(seed: seed)
    return LabeledImages(
      pixels: (0..<64 * 49).map { _ in UInt8(truncatingIfNeeded: generator.next()) },
      labels: (0..<64).map { _ in UInt8(generator.nextInt(below: 4)) },
      imageRows: 7, imageColumns: 7)
  }

  @Test(
    "the timed step leaves the weights bit for bit as trainStep does",
    arguments: [Activation.relu, .sigmoid])
  func sameWeightsAsTrainStep(_ hidden: Activation) throws {
    let images = Self.images(seed: 81)
    var timed = Network(layerSizes: [49, 12, 9, 4], hiddenActivation: hidden, seed: 82)
    var reference = timed
    var (timedAdam, referenceAdam) = (Adam(), Adam())
    var phases = TrainingPhases()
    var generator = SeededGenerator(seed: 83)
    var (inputs, labels) = (Matrix(rows: 5, columns: 49), [Int]())
    var (referenceInputs, referenceLabels) = (Matrix(rows: 5, columns: 49), [Int]())
    for indices in images.miniBatches(size: 5, generator: &generator, dropLast: true) {
      phases.step(
        &timed, on: images, indices: indices, inputs: &inputs, labels: &labels,
        optimizer: &timedAdam)
      images.fillBatch(indices, into: &referenceInputs, labels: &referenceLabels)
      try reference.trainStep(
        inputs: referenceInputs, labels: referenceLabels, optimizer: &referenceAdam)
    }
    #expect(phases.steps == 12)
    #expect(timed == reference)
    #expect(timed != Network(layerSizes: [49, 12, 9, 4], hiddenActivation: hidden, seed: 82))
  }

  @Test("the total adds every phase; the activation's share counts both directions")
  func sharesAddUp() {
    var phases = TrainingPhases()
    // Powers of two: a phase left out of the total, or counted twice, changes the sum.
    phases.batchConversion = 1
    phases.forwardProducts = 2
    phases.activation = 4
    phases.softmaxAndLoss = 8
    phases.activationBackward = 16
    phases.backwardProducts = 32
    phases.optimizer = 64
    phases.steps = 4
    #expect(phases.total == 127)
    #expect(TrainingPhases.phases.map(\.name).count == 7)
    let shares = TrainingPhases.phases.map { phases.fraction(of: $0.seconds) }
    #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    #expect(phases.activationFraction == 20.0 / 127)
    #expect(phases.perStep(\.optimizer) == 16)
    #expect(phases.perStep(\.total) == 31.75)
    #expect(TrainingPhases().activationFraction == 0)
    #expect(TrainingPhases().perStep(\.total) == 0)
  }
}
