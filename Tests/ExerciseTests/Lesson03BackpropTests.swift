import Testing

/// Exercise 03: `swift test --disable-xctest --filter Lesson03`.
@Suite("Lesson 03 — backprop (exercises/03-backprop)", .timeLimit(.minutes(1)))
struct Lesson03BackpropTests {
  @Test("denseForward — exercises/03-backprop/DenseForward.swift")
  func denseForward() async {
    await expectExercisePasses(.denseForward)
  }

  @Test("denseBackward — exercises/03-backprop/DenseBackward.swift")
  func denseBackward() async {
    await expectExercisePasses(.denseBackward)
  }

  @Test("gradientCheckFails — exercises/03-backprop/GradientChecker.swift")
  func gradientCheckFails() async {
    await expectExercisePasses(.gradientCheckFails)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
