import Foundation
import Testing

@testable import course

@Suite("course: HINTS.md")
struct HintsFileTests {
  static let sample = """
    # Hints — exercises/01-sigmoid

    ## sigmoid

    1. Which half of the number line makes e^(−x) overflow?
    2. For x < 0, multiply top and bottom by e^x.
       Then nothing you compute exceeds 1.
    3. `x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))`

    ## sigmoidDerivative

    1. You already wrote σ.
    """

  @Test("sections, numbered items and continued lines")
  func parses() {
    let hints = HintsFile(parsing: Self.sample)
    #expect(hints.sections["sigmoid"]?.count == 3)
    #expect(
      hints.sections["sigmoid"]?[1]
        == "For x < 0, multiply top and bottom by e^x.\nThen nothing you compute exceeds 1.")
    #expect(hints.sections["sigmoidDerivative"] == ["You already wrote σ."])
    #expect(hints.sections["relu"] == nil)
  }

  @Test("every HINTS.md in the package: numbered hints for exercises that exist")
  func packageHints() throws {
    let catalog = try ExerciseCatalog.read(packageRoot: packageRoot)
    for folder in catalog.folders {
      let url = packageRoot.appendingPathComponent("exercises/\(folder)/HINTS.md")
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      #expect(text.hasPrefix("# Hints — exercises/\(folder)\n"), "\(folder)/HINTS.md: its title")
      for (name, hints) in HintsFile(parsing: text).sections {
        #expect(catalog.exercise(named: name)?.folder == folder, "\(folder)/HINTS.md: ## \(name)")
        #expect(!hints.isEmpty, "\(folder)/HINTS.md: ## \(name) has numbered hints")
      }
    }
  }
}

@Suite("course hint: levels advance and are remembered")
struct HintLookupTests {
  /// A package folder with `exercises/01-sigmoid/HINTS.md` (the sample) in it.
  static func folderWithHints() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-hints-\(UUID().uuidString)")
    let exercises = folder.appendingPathComponent("exercises/01-sigmoid")
    try FileManager.default.createDirectory(at: exercises, withIntermediateDirectories: true)
    try HintsFileTests.sample.write(
      to: exercises.appendingPathComponent("HINTS.md"), atomically: true, encoding: .utf8)
    return folder
  }

  @Test("one level more each time, saved between runs, stopping at the last")
  func advancesAndPersists() throws {
    let folder = try Self.folderWithHints()
    defer { try? FileManager.default.removeItem(at: folder) }
    let state = HintProgress.defaultLocation(packageRoot: folder)
    #expect(state.path.hasPrefix(folder.appendingPathComponent(".build").path))
    let sigmoid = sampleCatalog.exercises[0]
    var shown: [String] = []
    for _ in 0..<4 {
      // A new run each time: the level comes from the file only.
      var progress = HintProgress.load(from: state)
      shown.append(HintLookup.nextHint(for: sigmoid, packageRoot: folder, progress: &progress))
      try progress.save(to: state)
    }
    #expect(
      shown[0].hasPrefix("hint 1 of 3 for sigmoid (exercises/01-sigmoid/HINTS.md)\n  Which half"))
    #expect(shown[1].contains("hint 2 of 3"))
    #expect(shown[1].contains("  For x < 0, multiply top and bottom by e^x.\n  Then nothing"))
    #expect(shown[2].contains("hint 3 of 3"))
    #expect(shown[2].contains("That was the last hint"))
    #expect(shown[3].contains("hint 3 of 3"))
    #expect(HintProgress.load(from: state).shown == ["sigmoid": 3])
  }

  @Test("a missing file or section is said plainly")
  func missing() throws {
    let folder = try Self.folderWithHints()
    defer { try? FileManager.default.removeItem(at: folder) }
    var progress = HintProgress()
    let relu = HintLookup.nextHint(
      for: sampleCatalog.exercises[2], packageRoot: folder, progress: &progress)
    #expect(relu.hasPrefix("No hints for relu yet: exercises/02-relu/HINTS.md does not exist."))
    let other = CourseExercise(
      functionName: "tanh", path: "exercises/01-sigmoid/Tanh.swift", suite: "Lesson01SigmoidTests")
    let tanh = HintLookup.nextHint(for: other, packageRoot: folder, progress: &progress)
    #expect(tanh.contains("has no section \"## tanh\""))
    #expect(progress.shown.isEmpty)
  }
}
