import LessonSupport
import Testing

@testable import course

@Suite("course: the map and the progress line")
struct CourseTextTests {
  static let results = [
    ExerciseResult(exercise: sampleCatalog.exercises[0], state: .done, message: ""),
    ExerciseResult(
      exercise: sampleCatalog.exercises[1], state: .failing,
      message: "sigmoidDerivative is not right yet"),
    ExerciseResult(
      exercise: sampleCatalog.exercises[2], state: .notWrittenYet,
      message: "relu: not written yet — open exercises/02-relu/ReLU.swift"),
  ]

  @Test("every exercise with its state, the count, what to read, open and run")
  func map() {
    let map = CourseText(style: TerminalStyle(usesColor: false)).map(Self.results)
    #expect(!map.contains("\u{1B}"))
    #expect(
      map == """
        01-sigmoid   Lessons/01-sigmoid.md
          ✓ done             sigmoid            exercises/01-sigmoid/Sigmoid.swift
          ✗ failing          sigmoidDerivative  exercises/01-sigmoid/SigmoidDerivative.swift
        02-relu   Lessons/02-relu.md
          · not written yet  relu               exercises/02-relu/ReLU.swift

        Exercises: 1 of 3 done — next: exercises/01-sigmoid/SigmoidDerivative.swift
          read   Lessons/01-sigmoid.md
          open   exercises/01-sigmoid/SigmoidDerivative.swift  (sigmoidDerivative, where it says // TODO:)
          check  swift run course watch   (or swift test --disable-xctest --filter 'Lesson01SigmoidTests/sigmoidDerivative\\(\\)')
          stuck  swift run course hint
        """)
  }

  @Test("the progress line is the tests' own")
  func progress() {
    #expect(
      CourseText.progressLine(Self.results)
        == "Exercises: 1 of 3 done — next: exercises/01-sigmoid/SigmoidDerivative.swift")
    let allDone = Self.results.map {
      ExerciseResult(exercise: $0.exercise, state: .done, message: "")
    }
    #expect(CourseText.progressLine(allDone).hasPrefix("Exercises: 3 of 3 done — compare"))
  }
}
