import MNISTData
import NeuralKit

/// A small learnable data set: 4 × 4 images whose label is the brightest quadrant
/// (0…3), with noise; classes 4…9 never occur, like a data set with unused labels. A
/// pixel is `bright` (in its label's quadrant) or 40, plus noise in 0..<`noise`.
public func quadrantImages(count: Int, seed: UInt64, bright: Int = 180, noise: Int = 60)
  -> LabeledImages
{
  var generator = SeededGenerator(seed: seed)
  var pixels: [UInt8] = []
  var labels: [UInt8] = []
  for _ in 0..<count {
    let label = generator.nextInt(below: 4)
    for row in 0..<4 {
      for column in 0..<4 {
        let quadrant = (row / 2) * 2 + column / 2
        let base = quadrant == label ? bright : 40
        pixels.append(UInt8(base + generator.nextInt(below: noise)))
      }
    }
    labels.append(UInt8(label))
  }
  return LabeledImages(pixels: pixels, labels: labels, imageRows: 4, imageColumns: 4)
}

public func quadrantDataset() -> Dataset {
  Dataset(
    kind: .mnist, train: quadrantImages(count: 300, seed: 1),
    test: quadrantImages(count: 100, seed: 2))
}
