import Foundation
import Synchronization
import Testing

@testable import Kernels
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

  /// A unit that itself uses the pool (a product inside a unit) must neither hang nor
  /// change the numbers: the inner call runs on the unit's own thread. The first check
  /// nests calls on a pool of its own, on a thread of its own, so that if it hangs the
  /// test fails after 30 s and leaves the shared pool alone; only then a product on the
  /// shared pool runs inside a unit.
  @Test("a unit that uses the pool completes with the same numbers")
  func nestedCalls() {
    let pool = WorkerPool(workers: 1)
    let counts = Mutex([Int](repeating: 0, count: 12))
    let finished = DispatchSemaphore(value: 0)
    Thread {
      pool.run(units: 4) { outer in
        pool.run(units: 3) { inner in counts.withLock { $0[outer * 3 + inner] += 1 } }
      }
      finished.signal()
    }.start()
    let completed = finished.wait(timeout: .now() + 30) == .success
    #expect(completed, "a call to the pool from inside one of its units never returned")
    guard completed else { return }
    #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 12))

    var generator = SeededGenerator(seed: 3)
    let a = Matrix(rows: 64, columns: 300, uniformLimit: 1, generator: &generator)
    let b = Matrix(rows: 300, columns: 128, uniformLimit: 1, generator: &generator)
    var alone = Matrix(rows: 64, columns: 128)
    Matrix.multiply(a, b, into: &alone, threads: 1)
    let results = Mutex([Matrix?](repeating: nil, count: 4))
    WorkerPool.shared.run(units: 4) { unit in
      var c = Matrix(rows: 64, columns: 128)
      Matrix.multiply(a, b, into: &c, threads: 2)  // the pool again, from inside a unit
      results.withLock { $0[unit] = c }
    }
    let products = results.withLock { $0 }
    #expect(products.allSatisfy { $0 == alone }, "every nested product equals the one-core one")
  }
}
