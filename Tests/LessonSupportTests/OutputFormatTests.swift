import Foundation
import Testing

@testable import LessonSupport
@testable import MNISTData
@testable import NeuralKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct OutputFormatTests {
  @Test("the SVG chart is well-formed XML with one line per series")
  func svgParses() {
    let chart = SVGLineChart(
      title: "A & B <test>", xLabel: "epoch", yLabel: "accuracy (%)",
      series: [
        .init(name: "ReLU", points: [(0.5, 90), (1, 95), (2, 97.5)]),
        .init(name: "Sigmoid", points: [(0.5, 85), (1, 93), (2, .nan)]),
      ])
    let svg = chart.svg
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(svg.contains("A &amp; B &lt;test&gt;"))
    #expect(!svg.contains("nan"), "non-finite points are left out")
  }

  @Test("CSV quotes only cells that need it")
  func csv() {
    let table = CSVTable(header: ["a", "b"], rows: [["1", "x,y"], ["say \"hi\"", "2"]])
    #expect(table.text == "a,b\n1,\"x,y\"\n\"say \"\"hi\"\"\",2\n")
  }

  @Test("wrapping keeps lines within the width and words whole")
  func wrapping() {
    let text = wrapped("the quick brown fox jumps over the lazy dog", width: 12, indent: "  ")
    #expect(text == "the quick\n  brown fox\n  jumps over\n  the lazy\n  dog")
    #expect(wrapped("supercalifragilistic word", width: 5) == "supercalifragilistic\nword")
  }

  @Test("the progress line shows the epoch, steps, speed and metrics")
  func progressLine() {
    let line = ProgressBar.line(
      StepProgress(
        epoch: 2, epochs: 10, stepInEpoch: 938, stepsPerEpoch: 1875, runningLoss: 0.2412,
        runningAccuracy: 0.931, secondsInEpoch: 1, imagesInEpoch: 30_016))
    #expect(line.hasPrefix("epoch 2/10 [##########----------]  938/1875  30k img/s"))
    #expect(line.hasSuffix("loss 0.2412  acc 93.1%"))
  }
}
