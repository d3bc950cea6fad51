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
    #expect(phases.stepTimes.allSatisfy { $0.count == 7 && $0.allSatisfy { $0 >= 0 } })
    #expect(timed == reference)
    #expect(timed != Network(layerSizes: [49, 12, 9, 4], hiddenActivation: hidden, seed: 82))
  }

  @Test("medians per phase; the shares of the median step add up to 1")
  func mediansAndShares() {
    var phases = TrainingPhases()
    // Phase k takes 2^k in the median step; the third step is interrupted in the
    // activation, which must move the activation's median by nothing.
    let typical: [Double] = [1, 2, 4, 8, 16, 32, 64]
    phases.record(typical.map { $0 * 0.5 })
    phases.record(typical)
    phases.record(typical.enumerated().map { $0.offset == 2 ? 1000 : $0.element * 2 })
    #expect(phases.steps == 3)
    #expect(phases.median(.activation) == 4)
    #expect(phases.median(.optimizer) == 64)
    #expect(phases.medianStep == 127)
    let total: Double = 63.5 + 127 + (254 - 8 + 1000)  // the three steps, the wait included
    #expect(phases.totalSeconds == total)
    let shares = TrainingPhases.Phase.allCases.map { phases.share(of: $0) }
    #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    let oneShare: Double = 1.0 / 127
    #expect(phases.share(of: .batchConversion) == oneShare)
    let activationShare: Double = 20.0 / 127  // 4 forward + 16 backward
    #expect(abs(phases.activationShare - activationShare) < 1e-15)
    phases.record(typical.map { $0 * 3 })  // four steps: the mean of the middle two
    #expect(phases.median(.forwardProducts) == 3)
    #expect(TrainingPhases().activationShare == 0)
    #expect(TrainingPhases().medianStep == 0)
  }
}
