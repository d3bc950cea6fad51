import Testing

/// Exercise 05: `swift test --disable-xctest --filter Lesson05`.
@Suite("Lesson 05 — training (exercises/05-training)", .timeLimit(.minutes(1)))
struct Lesson05TrainingTests {
  @Test("trainingStep — exercises/05-training/TrainingStep.swift")
  func trainingStep() async {
    await expectExercisePasses(.trainingStep)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
