import Dispatch
import Foundation
import Synchronization

/// Runs the units of a job on this thread and on worker threads that are kept ready,
/// for products too small for `DispatchQueue.concurrentPerform`.
///
///     WorkerPool.shared.run(units: 8) { unit in … }   // returns when all 8 are done
///
/// Why not Dispatch: handing work to another core through `concurrentPerform` costs
/// ~40–50 µs here, while the forward product of a batch of 32 takes ~90 µs in all. A
/// worker that keeps checking for work for a short while after each job picks the next
/// one up within a microsecond or two.
///
/// The trap of such pools is a busy machine: a worker that another program has pushed
/// off its core holds its unit, and the caller waits for it. OpenBLAS's NumPy went from
/// 0.22 s to 13.6 s per epoch here with one core kept busy. Three things keep that from
/// happening:
/// 1. The caller works too, taking units one at a time (from the front, workers from the
///    back), so a worker that never comes costs nothing: the caller simply does every
///    unit.
/// 2. When the caller finishes its share and still has to wait for a worker's unit for
///    longer than `patience`, the pool decides the machine is busy and runs the next
///    calls on the caller alone, doubling that pause each time it happens again and
///    halving it only after 1,000 calls in a row without a stall.
/// 3. Workers stop checking for work and sleep after `spinTime` without any, so an idle
///    pool costs no CPU.
public final class WorkerPool: @unchecked Sendable {
  /// The pool the matrix product uses: one worker per extra core.
  public static let shared = WorkerPool(workers: activeProcessorCount - 1)

  /// Number of worker threads besides the caller.
  public let workerCount: Int

  private let generation = Atomic<Int>(0)
  private let unclaimed = Atomic<Int>(0)
  private let nextFromFront = Atomic<Int>(0)
  private let nextFromBack = Atomic<Int>(0)
  private let finishedUnits = Atomic<Int>(0)
  private let holders = Atomic<Int>(0)
  private let sleepers = Atomic<Int>(0)
  private let wakeUp = DispatchSemaphore(value: 0)
  // The current job, read by workers and written by the caller under `jobLock`, with the
  // caller's subnormal flush mode (`withSubnormalsFlushed`), which workers take on.
  private let jobLock = NSLock()
  private var job: ((Int) -> Void)?
  private var jobFlushBits: UInt64 = 0
  private let callerLock = NSLock()
  // Contention back-off, touched only by the caller holding `callerLock`.
  private var callsToRunAlone = 0
  private var nextPause = 16
  private var callsSinceStall = 0

  /// How long a worker keeps checking for work before it sleeps.
  static let spinTime: UInt64 = 200_000  // ns
  /// How long the caller waits for workers, once its own share is done, before it
  /// decides the machine is busy.
  static let patience: UInt64 = 300_000  // ns

  /// A pool with `workers` threads besides the caller. The workers hold the pool for the
  /// life of the process (they sleep when idle): `shared` is the one the package uses;
  /// the tests make a few more.
  init(workers: Int) {
    workerCount = max(0, workers)
    for index in 0..<workerCount {
      // A strong reference: a pool released before a worker first ran (a short-lived
      // pool on a busy machine) must not leave that worker reading a freed object.
      let thread = Thread { [self] in self.workerLoop() }
      thread.name = "NeuralKit worker \(index + 1)"
      thread.start()
    }
  }

  /// Calls `body(unit)` for every unit in 0..<units, spread over the caller and the
  /// workers, and returns when all have finished. Units must be independent. Calls from
  /// several threads at once are taken one after another. A call from inside a unit (a
  /// unit that runs a product, say) runs its units on the spot, on that thread: waiting
  /// for the pool would mean waiting for the very call it is part of.
  ///
  /// `body` is escaping because workers hold it while they run; the pool lets go of it
  /// before returning and never calls it afterwards.
  public func run(units: Int, _ body: @escaping (Int) -> Void) {
    guard units > 0 else { return }
    if pthread_getspecific(insideCallKey) != nil {
      for unit in 0..<units { body(unit) }
      return
    }
    callerLock.lock()
    pthread_setspecific(insideCallKey, insideCallMark)
    defer {
      pthread_setspecific(insideCallKey, nil)
      callerLock.unlock()
    }
    if workerCount == 0 || units == 1 || callsToRunAlone > 0 {
      callsToRunAlone = max(0, callsToRunAlone - 1)
      for unit in 0..<units { body(unit) }
      return
    }
    runShared(units: units, body)
  }

  private func runShared(units: Int, _ body: @escaping (Int) -> Void) {
    unclaimed.store(units, ordering: .relaxed)
    nextFromFront.store(0, ordering: .relaxed)
    nextFromBack.store(units - 1, ordering: .relaxed)
    finishedUnits.store(0, ordering: .relaxed)
    jobLock.lock()
    job = body
    jobFlushBits = subnormalFlushBits
    jobLock.unlock()
    generation.add(1, ordering: .releasing)
    let sleeping = sleepers.exchange(0, ordering: .acquiringAndReleasing)
    for _ in 0..<sleeping { wakeUp.signal() }
    let done = runUnits(body, fromFront: true)
    let start = DispatchTime.now().uptimeNanoseconds
    if finishedUnits.add(done, ordering: .acquiringAndReleasing).newValue < units {
      waitUntil { self.finishedUnits.load(ordering: .acquiring) >= units }
    }
    // No worker may take the job from now on; wait for those that took it to finish
    // with it, so none is still inside `body` when this call returns.
    jobLock.lock()
    job = nil
    jobLock.unlock()
    waitUntil { self.holders.load(ordering: .acquiring) == 0 }
    let waited = DispatchTime.now().uptimeNanoseconds - start
    if waited > Self.patience {
      callsToRunAlone = nextPause
      nextPause = min(nextPause * 2, 1 << 16)
      callsSinceStall = 0
    } else {
      // Trust comes back slowly: a busy machine lets many calls through between stalls,
      // and halving the pause after each of them would invite the next stall at once.
      callsSinceStall += 1
      if callsSinceStall >= 1_000 && nextPause > 16 {
        nextPause /= 2
        callsSinceStall = 0
      }
    }
  }

  /// Takes units until none are left, the caller from the front (0, 1, 2, …), workers
  /// from the back; returns how many it ran. Each side tends to get the same units call
  /// after call, so the rows of W, of its gradient and of Adam's moments that a core
  /// wrote in one step are still in its cache in the next.
  private func runUnits(_ body: (Int) -> Void, fromFront: Bool) -> Int {
    var done = 0
    // A unit is claimed by counting down `unclaimed`; the two ends hand out indices
    // that cannot meet, since no more than `units` claims ever succeed.
    while unclaimed.subtract(1, ordering: .relaxed).oldValue > 0 {
      let unit =
        fromFront
        ? nextFromFront.add(1, ordering: .relaxed).oldValue
        : nextFromBack.subtract(1, ordering: .relaxed).oldValue
      body(unit)
      done += 1
    }
    return done
  }

  private func waitUntil(_ condition: () -> Bool) {
    var spins = 0
    while !condition() {
      spins += 1
      if spins > 2_000 { sched_yield() }  // let a descheduled worker have this core
    }
  }

  private func workerLoop() {
    pthread_setspecific(insideCallKey, insideCallMark)  // a worker only ever runs units
    var seen = 0
    while true {
      seen = waitForNewGeneration(after: seen)
      jobLock.lock()
      let body = job
      let flushBits = jobFlushBits
      if body != nil { holders.add(1, ordering: .acquiringAndReleasing) }
      jobLock.unlock()
      guard let body else { continue }
      // The caller's units run in its mode; a unit here must give the same numbers.
      setSubnormalFlushBits(flushBits)
      let done = runUnits(body, fromFront: false)
      if done > 0 { finishedUnits.add(done, ordering: .releasing) }
      holders.subtract(1, ordering: .releasing)
    }
  }

  /// Returns the first generation other than `seen`: checks for `spinTime`, then sleeps
  /// until a caller signals.
  private func waitForNewGeneration(after seen: Int) -> Int {
    let spinStart = DispatchTime.now().uptimeNanoseconds
    while true {
      let current = generation.load(ordering: .acquiring)
      if current != seen { return current }
      if DispatchTime.now().uptimeNanoseconds - spinStart > Self.spinTime {
        sleepers.add(1, ordering: .acquiringAndReleasing)
        // A job published between the check above and this point must not be missed:
        // if one was, and no caller has counted this sleeper yet, take the count back.
        let latest = generation.load(ordering: .acquiring)
        if latest != seen && takeBackSleep() { return latest }
        wakeUp.wait()
        return waitForNewGeneration(after: seen)
      }
    }
  }

  /// Undoes this worker's "I am asleep" if no caller has counted it yet. False when a
  /// caller already did and will signal (or has signalled) the semaphore.
  private func takeBackSleep() -> Bool {
    var count = sleepers.load(ordering: .acquiring)
    while count > 0 {
      let (exchanged, original) = sleepers.compareExchange(
        expected: count, desired: count - 1, ordering: .acquiringAndReleasing)
      if exchanged { return true }
      count = original
    }
    return false
  }
}

/// Marks, per thread, "running inside a `WorkerPool` call": set on every worker and on a
/// caller for the length of its call.
private let insideCallKey: pthread_key_t = {
  var key = pthread_key_t()
  pthread_key_create(&key, nil)
  return key
}()
private var insideCallMark: UnsafeRawPointer? { UnsafeRawPointer(bitPattern: 1) }
