import Testing

/// Exercise 01: `swift test --disable-xctest --filter Lesson01`.
@Suite("Lesson 01 — sigmoid (exercises/01-sigmoid)", .timeLimit(.minutes(1)))
struct Lesson01SigmoidTests {
  @Test("sigmoid — exercises/01-sigmoid/Sigmoid.swift")
  func sigmoid() async {
    await expectExercisePasses(.sigmoid)
  }

  @Test("sigmoidSlopeFromOutput — exercises/01-sigmoid/SigmoidSlopeFromOutput.swift")
  func sigmoidSlopeFromOutput() async {
    await expectExercisePasses(.sigmoidSlopeFromOutput)
  }

  @Test("sigmoidDerivative — exercises/01-sigmoid/SigmoidDerivative.swift")
  func sigmoidDerivative() async {
    await expectExercisePasses(.sigmoidDerivative)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
