import Testing

/// Exercise 05, the learner's own network: `swift test --disable-xctest --filter Lesson05`.
/// Each function is checked on its own, in the order the lesson builds them.
@Suite("Lesson 05 — training (exercises/05-training)", .timeLimit(.minutes(1)))
struct Lesson05TrainingTests {
  @Test("glorotUniformLimit — exercises/05-training/WeightInitialization.swift")
  func glorotUniformLimit() async {
    await expectExercisePasses(.glorotUniformLimit)
  }

  @Test("heUniformLimit — exercises/05-training/WeightInitialization.swift")
  func heUniformLimit() async {
    await expectExercisePasses(.heUniformLimit)
  }

  @Test("initialNetwork — exercises/05-training/WeightInitialization.swift")
  func initialNetwork() async {
    await expectExercisePasses(.initialNetwork)
  }

  @Test("forward — exercises/05-training/NetworkForward.swift")
  func forward() async {
    await expectExercisePasses(.forward)
  }

  @Test("backward — exercises/05-training/NetworkBackward.swift")
  func backward() async {
    await expectExercisePasses(.backward)
  }

  @Test("sgdStep — exercises/05-training/OptimizerSteps.swift")
  func sgdStep() async {
    await expectExercisePasses(.sgdStep)
  }

  @Test("adamStep — exercises/05-training/OptimizerSteps.swift")
  func adamStep() async {
    await expectExercisePasses(.adamStep)
  }

  @Test("miniBatches — exercises/05-training/MiniBatches.swift")
  func miniBatches() async {
    await expectExercisePasses(.miniBatches)
  }

  @Test("trainEpoch — exercises/05-training/TrainingLoop.swift")
  func trainEpoch() async {
    await expectExercisePasses(.trainEpoch)
  }

  @Test("evaluate — exercises/05-training/TrainingLoop.swift")
  func evaluate() async {
    await expectExercisePasses(.evaluate)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
