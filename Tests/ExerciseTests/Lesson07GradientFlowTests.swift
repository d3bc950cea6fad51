import Testing

/// Exercise 07: `swift test --disable-xctest --filter Lesson07`.
@Suite("Lesson 07 — gradient flow (exercises/07-gradient-flow)", .timeLimit(.minutes(1)))
struct Lesson07GradientFlowTests {
  @Test("gradientNorms — exercises/07-gradient-flow/GradientNorms.swift")
  func gradientNorms() async {
    await expectExercisePasses(.gradientNorms)
  }

  @Test("deadUnitFraction — exercises/07-gradient-flow/DeadUnits.swift")
  func deadUnitFraction() async {
    await expectExercisePasses(.deadUnitFraction)
  }

  @Test("growthIntervalWidth — exercises/07-gradient-flow/GrowthInterval.swift")
  func growthIntervalWidth() async {
    await expectExercisePasses(.growthIntervalWidth)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
