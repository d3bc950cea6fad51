import Testing

/// Exercise 08: `swift test --disable-xctest --filter Lesson08`.
@Suite("Lesson 08 — fast matmul (exercises/08-fast-matmul)", .timeLimit(.minutes(1)))
struct Lesson08FastMatmulTests {
  @Test("ikjProduct — exercises/08-fast-matmul/IKJProduct.swift")
  func ikjProduct() async {
    await expectExercisePasses(.ikjProduct)
  }

  @Test("progress over all exercises")
  func progress() async {
    await reportProgress()
  }
}
