import NeuralKit

@main
struct DatasetsCommand {
  static func main() throws {
    for kind in DatasetKind.allCases {
      let located = try DataLocator(allowDownload: false).locate(kind)
      for attempt in located.attempts { print(attempt) }
      print(located.summary)
    }
  }
}
