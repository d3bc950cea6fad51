import Foundation
import Testing

@testable import course

/// The package's root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

@Suite("course: which exercises exist, read from the exercise tests")
struct CatalogTests {
  @Test("a suite's tests with a file in their name are exercises, in source order")
  func parsesSuite() {
    let source = """
      import Testing

      @Suite("Lesson 02 — relu (exercises/02-relu)", .timeLimit(.minutes(1)))
      struct Lesson02ReLUTests {
        @Test("relu — exercises/02-relu/ReLU.swift")
        func relu() async {
          await expectExercisePasses(.relu)
        }

        @Test("leakyReLU")
        func leakyReLU() async {}

        @Test("progress over all exercises")
        func progress() async {}
      }
      """
    let exercises = ExerciseCatalog.parseSuite(source) { lesson, function in
      lesson == "02" && function == "leakyReLU" ? "exercises/02-relu/LeakyReLU.swift" : nil
    }
    #expect(exercises.map(\.functionName) == ["relu", "leakyReLU"])
    #expect(
      exercises.map(\.path) == [
        "exercises/02-relu/ReLU.swift", "exercises/02-relu/LeakyReLU.swift",
      ])
    #expect(exercises.first?.suite == "Lesson02ReLUTests")
    #expect(exercises.first?.testFilter == #"Lesson02ReLUTests/relu\(\)"#)
    #expect(exercises.first?.lessonPath == "Lessons/02-relu.md")
  }

  @Test("the package's exercises: every learner file is one, lessons in order")
  func readsPackage() throws {
    let catalog = try ExerciseCatalog.read(packageRoot: packageRoot)
    let paths = catalog.exercises.map(\.path)
    #expect(paths.first == "exercises/01-sigmoid/Sigmoid.swift")
    #expect(catalog.exercises.map(\.lesson) == catalog.exercises.map(\.lesson).sorted())
    let names = catalog.exercises.map(\.functionName)
    #expect(Set(names).count == names.count, "one exercise per function (a file may hold two)")
    for exercise in catalog.exercises {
      #expect(
        FileManager.default.fileExists(
          atPath: packageRoot.appendingPathComponent(exercise.path).path),
        "\(exercise.path) exists")
    }
    #expect(catalog.exercise(named: "01-sigmoid")?.functionName == "sigmoid")
    #expect(catalog.exercise(named: "SigmoidDerivative.swift")?.functionName == "sigmoidDerivative")
  }
}

@Suite("course: compiler errors")
struct CompilerDiagnosticTests {
  @Test("errors with their excerpts, the learner's files first, paths relative")
  func parsesErrors() {
    let output = """
      [3/10] Compiling Exercises Sigmoid.swift
      /pkg/Sources/Other/A.swift:3:1: error: expected declaration
      /pkg/exercises/01-sigmoid/Sigmoid.swift:14:12: error: cannot find 'ex' in scope
      12 |   if x >= 0 { return 1 / (1 + exp(-x)) }
      14 |   return ex / (1 + ex)
         |          `- error: cannot find 'ex' in scope
      error: fatalError
      """
    let errors = CompilerDiagnostic.errors(inBuildOutput: output, packageRoot: "/pkg")
    #expect(errors.map(\.path) == ["exercises/01-sigmoid/Sigmoid.swift", "Sources/Other/A.swift"])
    #expect(errors.first?.line == 14)
    #expect(errors.first?.column == 12)
    #expect(errors.first?.message == "cannot find 'ex' in scope")
    #expect(errors.first?.excerpt.count == 3)
  }
}
