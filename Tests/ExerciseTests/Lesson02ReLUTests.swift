import Testing

/// Exercise 02: `swift test --disable-xctest --filter Lesson02`.
@Suite("Lesson 02 — ReLU (exercises/02-relu)", .timeLimit(.minutes(1)))
struct Lesson02ReLUTests {
  @Test("relu — exercises/02-relu/ReLU.swift")
  func relu() async {
    await expectExercisePasses(.relu)
  }

  @Test("reluDerivative — exercises/02-relu/ReLUDerivative.swift")
  func reluDerivative() async {
    await expectExercisePasses(.reluDerivative)
  }

  @Test("leakyReLU — exercises/02-relu/LeakyReLU.swift")
  func leakyReLU() async {
    await expectExercisePasses(.leakyReLU)
  }

  @Test("leakyReLUDerivative — exercises/02-relu/LeakyReLUDerivative.swift")
  func leakyReLUDerivative() async {
    await expectExercisePasses(.leakyReLUDerivative)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
