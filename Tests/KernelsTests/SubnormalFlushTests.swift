import CFloatMode
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Kernels
@testable import NeuralKit

/// The engine's flush-to-zero mode (Sources/Kernels/SubnormalFlush.swift): on inside the product
/// and the optimizers, on every thread that runs their work, and off again outside.
@Suite(
  "Engine: subnormal numbers flushed to zero inside the engine only",
  .enabled(if: neuralkit_flush_bits != 0, "this processor has no flush-to-zero mode"))
struct SubnormalFlushTests {
  /// The smallest normal Float, 2⁻¹²⁶; half of it is subnormal.
  static let smallestNormal = Float.leastNormalMagnitude

  /// `x · y` computed at run time, where the compiler cannot fold it into a constant.
  @inline(never)
  func multiplied(_ x: Float, _ y: Float) -> Float { x * y }

  @Test("inside withSubnormalsFlushed a subnormal result is 0; before and after it is not")
  func scopedMode() {
    let half = Self.smallestNormal / 2
    #expect(multiplied(Self.smallestNormal, 0.5) == half, "IEEE keeps subnormals")
    #expect(withSubnormalsFlushed { multiplied(Self.smallestNormal, 0.5) } == 0)
    #expect(multiplied(Self.smallestNormal, 0.5) == half, "the mode must be put back")
    #expect(subnormalFlushBits == 0)
  }

  /// Every product a · b = 10⁻⁴⁰ is subnormal, so with the mode on every sum stays 0 —
  /// also in the units the worker computes: without the caller's mode, they would hold
  /// 64 · 10⁻⁴⁰ ≈ 6.4e-39 (subnormal) and differ from the caller's.
  @Test("a product flushes on one core and on two, and leaves the caller's mode alone")
  func productOnAllThreads() {
    let a = Matrix(rows: 64, columns: 64, repeating: 1e-20)
    let b = Matrix(rows: 64, columns: 64, repeating: 1e-20)
    #expect(64 * 64 * 64 >= parallelProductThreshold, "large enough to use the pool")
    for threads in [1, 2] {
      var c = Matrix(rows: 64, columns: 64, repeating: .nan)
      Matrix.multiply(a, b, into: &c, threads: threads)
      let nonZero = c.values.filter { $0 != 0 }.count
      #expect(nonZero == 0, "\(threads) thread(s): \(nonZero) sums kept a subnormal value")
    }
    #expect(subnormalFlushBits == 0)
    #expect(multiplied(Self.smallestNormal, 0.5) != 0)
  }

  /// w = 1.5 · 2⁻¹²⁶ minus lr · g = 1 · 2⁻¹²⁶ is 2⁻¹²⁷, subnormal: the optimizer sets 0.
  @Test("an optimizer step that would leave a subnormal weight leaves 0")
  func optimizerStep() {
    let weight = 1.5 * Self.smallestNormal
    var layers = [Dense(weights: Matrix([[weight]]), bias: [0], activation: .identity)]
    var sgd = SGD(learningRate: 1)
    sgd.update(
      &layers, with: [DenseGradients(dW: Matrix([[Self.smallestNormal]]), db: [0], dX: nil)])
    #expect(layers[0].weights[0, 0] == 0)
    #expect(multiplied(Self.smallestNormal, 0.5) != 0, "outside the optimizer: IEEE")
  }

  /// Two units, and the first waits until the second has been taken: the caller cannot
  /// take it while it waits, so the worker runs it, whichever starts first.
  @Test("a worker runs its unit in the mode of the caller, on or off")
  func workerTakesCallersMode() {
    let pool = WorkerPool(workers: 1)
    for flushing in [true, false] {
      let taken = Atomic<Int>(0)
      let results = ResultBox()
      let run = {
        pool.run(units: 2) { unit in
          taken.add(1, ordering: .acquiringAndReleasing)
          let start = DispatchTime.now().uptimeNanoseconds
          while taken.load(ordering: .acquiring) < 2
            && DispatchTime.now().uptimeNanoseconds - start < 5_000_000_000
          {}
          results.store(self.multiplied(Self.smallestNormal, 0.5), at: unit)
        }
      }
      if flushing { withSubnormalsFlushed(run) } else { run() }
      #expect(taken.load(ordering: .acquiring) == 2)
      let expected = flushing ? 0 : Self.smallestNormal / 2
      #expect(results.values == [expected, expected], "flushing \(flushing)")
    }
  }
}

/// Two Floats written by two threads, each into its own slot.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Float] = [.nan, .nan]
  func store(_ value: Float, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }
  var values: [Float] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
