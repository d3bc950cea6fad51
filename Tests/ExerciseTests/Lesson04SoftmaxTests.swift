import Testing

/// Exercise 04: `swift test --disable-xctest --filter Lesson04`.
@Suite("Lesson 04 — softmax (exercises/04-softmax)", .timeLimit(.minutes(1)))
struct Lesson04SoftmaxTests {
  @Test("softmax — exercises/04-softmax/Softmax.swift")
  func softmax() async {
    await expectExercisePasses(.softmax)
  }

  @Test("crossEntropy — exercises/04-softmax/CrossEntropy.swift")
  func crossEntropy() async {
    await expectExercisePasses(.crossEntropy)
  }

  @Test("lossGradientForLogit — exercises/04-softmax/LossGradientForLogit.swift")
  func lossGradientForLogit() async {
    await expectExercisePasses(.lossGradientForLogit)
  }

  @Test("softmaxCrossEntropyGradient — exercises/04-softmax/SoftmaxCrossEntropyGradient.swift")
  func softmaxCrossEntropyGradient() async {
    await expectExercisePasses(.softmaxCrossEntropyGradient)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
