import Synchronization
import Testing

@testable import NeuralKit

@Suite struct WorkerPoolTests {
  /// Thousands of small jobs back to back, the pattern of training: every unit must run
  /// exactly once per job, whatever the workers are doing (spinning, asleep, waking).
  @Test("every unit runs exactly once, job after job")
  func exactlyOnce() {
    let pool = WorkerPool(workers: 2)
    let counts = Mutex([Int](repeating: 0, count: 64))
    var generator = SeededGenerator(seed: 1)
    for job in 0..<3_000 {
      let units = 1 + generator.nextInt(below: 64)
      pool.run(units: units) { unit in counts.withLock { $0[unit] += 1 } }
      let ran = counts.withLock { counts in
        defer { counts = [Int](repeating: 0, count: 64) }
        return counts
      }
      let expected = [Int](repeating: 1, count: units) + [Int](repeating: 0, count: 64 - units)
      #expect(ran == expected, "job \(job) with \(units) units")
      if ran != expected { return }
    }
  }

  /// After a pause longer than the workers' spin time they are asleep; the next job must
  /// wake them or run without them, never hang.
  @Test("jobs after the workers fell asleep still complete", .timeLimit(.minutes(1)))
  func afterSleep() async throws {
    let pool = WorkerPool(workers: 1)
    for _ in 0..<5 {
      try await Task.sleep(for: .milliseconds(5))
      let total = Atomic<Int>(0)
      pool.run(units: 10) { unit in total.add(unit, ordering: .relaxed) }
      #expect(total.load(ordering: .relaxed) == 45)
    }
  }
}
