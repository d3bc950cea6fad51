import CFloatMode

// Subnormal numbers are the Floats below 2⁻¹²⁶ ≈ 1.2e-38, down to 1.4e-45: IEEE keeps
// them so that x − y is 0 only when x = y. Processors handle them slowly: on the Zen 3
// machine of BENCHMARKS.md, Adam's loop took 1.4–1.75× as long with its running means
// subnormal. Training produces them all the time: a weight whose gradient stays 0 (a
// ReLU unit dead for a stretch of batches) has its mean m shrink by 0.9 per step,
// through the subnormal range, to 0. In the benchmark's synthetic training, 87–99 % of
// the first layer's m were subnormal after one epoch; in MNIST and Fashion-MNIST, 3–8 %.
//
// So the product and the optimizers run with the processor's flush-to-zero mode on, as
// TensorFlow (under Keras) runs every kernel: a subnormal result becomes 0, and a
// subnormal input counts as 0. Nothing a network learns can tell: such a number changes
// a weight of size 0.01 by less than 10⁻³⁰ of its last bit. Measured in BENCHMARKS.md,
// the weights after two epochs on synthetic data and on MNIST were bit for bit the
// same with and without the mode. Code outside the engine (a lesson computing
// `sigmoid(-100)`, a learner's exercise) keeps the IEEE default.

/// Runs `body` with subnormal numbers flushed to zero on this thread, then puts the
/// previous mode back. `WorkerPool` runs each unit in the mode of the thread that called
/// it, so a product's units agree wherever they run.
@inline(__always)
func withSubnormalsFlushed<Result>(_ body: () throws -> Result) rethrows -> Result {
  let previous = neuralkit_float_control()
  let flushing = previous | neuralkit_flush_bits
  if flushing != previous { neuralkit_set_float_control(flushing) }
  defer { if flushing != previous { neuralkit_set_float_control(previous) } }
  return try body()
}

/// This thread's flush mode: the bits of the processor's control register that
/// `withSubnormalsFlushed` sets (0 when off). `WorkerPool` copies them from a caller to
/// its workers.
var subnormalFlushBits: UInt64 { neuralkit_float_control() & neuralkit_flush_bits }

/// Sets this thread's flush mode to `bits` (from `subnormalFlushBits`), leaving the rest
/// of the control register as it is.
func setSubnormalFlushBits(_ bits: UInt64) {
  let control = neuralkit_float_control()
  let wanted = control & ~neuralkit_flush_bits | bits
  if wanted != control { neuralkit_set_float_control(wanted) }
}
