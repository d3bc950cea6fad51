import Dispatch
import Foundation

/// An estimate of how many floating-point operations per second this machine can do at
/// most, the roof lesson 08 measures every product rung against.
///
///     peak = cores × SIMD lanes × FMA units × 2 × clock
///            (2: one fused multiply-add counts as a multiply and an add)
///
///     AVX2 + FMA, 2 FMA units:  8 lanes × 2 × 2 = 32 operations per cycle per core
///
/// It is an estimate: the lanes come from the CPU flags, the number of FMA units is
/// assumed (2 on AMD Zen and on Intel since Haswell), and the clock is either what
/// `/proc/cpuinfo` reports (often the base clock, while a busy core boosts higher) or
/// measured with a chain of dependent additions (`measuredClockGHz`).
public struct MachinePeak: Sendable, Equatable {
  /// Cores the estimate counts.
  public var cores: Int
  /// `Float` lanes of one SIMD register: 8 for AVX2, 16 for AVX-512, 4 for NEON.
  public var simdLanes: Int
  /// Fused multiply-add instructions one core can start per cycle (assumed).
  public var fmaUnits: Int
  /// Cycles per second, in GHz.
  public var clockGHz: Double

  /// A peak from its four factors.
  public init(cores: Int, simdLanes: Int, fmaUnits: Int, clockGHz: Double) {
    self.cores = cores
    self.simdLanes = simdLanes
    self.fmaUnits = fmaUnits
    self.clockGHz = clockGHz
  }

  /// Floating-point operations per cycle of one core: lanes × FMA units × 2.
  public var operationsPerCycle: Int { simdLanes * fmaUnits * 2 }

  /// The estimate in GFLOP/s, all cores.
  public var gflops: Double { Double(cores * operationsPerCycle) * clockGHz }

  /// The estimate in GFLOP/s for one core.
  public var gflopsPerCore: Double { Double(operationsPerCycle) * clockGHz }

  /// Lanes from the CPU flags in `/proc/cpuinfo` (`avx512f` → 16, `avx2` → 8) on x86-64
  /// Linux, from the kernel's `hw.optional` flags on an Intel Mac (which has no
  /// `/proc`); 4 (128-bit NEON) on arm64; 4 when nothing is known.
  public static func simdLanesFromCPUFlags(cpuinfo: String? = readCPUInfo()) -> Int {
    #if arch(arm64)
      return 4
    #else
      #if canImport(Darwin)
        if cpuinfo == nil {
          if sysctlFlag("hw.optional.avx512f") { return 16 }
          if sysctlFlag("hw.optional.avx2_0") { return 8 }
          return 4
        }
      #endif
      let flags = cpuinfo?.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
      let words = Set(flags.split(separator: " ").map(String.init))
      if words.contains("avx512f") { return 16 }
      if words.contains("avx2") { return 8 }
      return 4
    #endif
  }

  #if canImport(Darwin)
    /// True when the sysctl `name` exists and is not 0 (`hw.optional.avx2_0` on macOS).
    static func sysctlFlag(_ name: String) -> Bool {
      var value: Int32 = 0
      var size = MemoryLayout<Int32>.size
      return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
    }
  #endif

  /// FMA units per core, assumed (no instruction reports it), and why: 4 on Apple
  /// silicon's performance cores, 2 elsewhere (AMD Zen; Intel since Haswell; Arm's
  /// Neoverse N1, though the V1 and V2 cores have 4).
  public static var assumedFMAUnits: (count: Int, source: String) {
    #if arch(arm64) && os(macOS)
      return (4, "assumed (Apple silicon, performance cores)")
    #else
      return (2, "assumed (AMD Zen; Intel since Haswell)")
    #endif
  }

  /// The instruction set behind a count of `simdLanesFromCPUFlags`: `AVX-512` (16),
  /// `AVX2` (8), `NEON` (4 on arm64) or `no AVX2` (4 elsewhere).
  public static func instructionSetName(lanes: Int) -> String {
    switch lanes {
    case 16: return "AVX-512"
    case 8: return "AVX2"
    default:
      #if arch(arm64)
        return "NEON"
      #else
        return "no AVX2"
      #endif
    }
  }

  /// The clock `/proc/cpuinfo` reports for the first core (`cpu MHz : 2445.402` →
  /// 2.445), or `nil` where there is no such file (macOS) or line.
  public static func reportedClockGHz(cpuinfo: String? = readCPUInfo()) -> Double? {
    guard let line = cpuinfo?.split(separator: "\n").first(where: { $0.hasPrefix("cpu MHz") }),
      let value = line.split(separator: ":").last,
      let megahertz = Double(value.trimmingCharacters(in: .whitespaces))
    else { return nil }
    return megahertz / 1000
  }

  /// The text of `/proc/cpuinfo`, or `nil` where it does not exist.
  public static func readCPUInfo() -> String? {
    try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
  }

  /// The clock, measured: a chain of additions where each waits for the one before.
  ///
  ///     x += step; x += step; …      one addition every `latency` cycles
  ///     clock = additions × latency / seconds
  ///
  /// The compiler may not reorder floating-point additions (that would change the
  /// rounding), so the chain stays a chain. `latency` is the CPU's: 3 cycles for a
  /// Double addition on AMD Zen 2–4 and Apple M1, 4 on Intel Skylake. The fastest of
  /// `runs`: another program taking the core only ever makes a run slower.
  public static func measuredClockGHz(
    additions: Int = 100_000_000, latency: Double = 3, runs: Int = 5
  ) -> Double {
    var rates: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      // A step the compiler cannot know (0.25 or 1.25): with a constant whole step it
      // would turn the chain into a counter and then into one multiplication.
      let step = Double(start % 2) + 0.25
      let result = dependentAdditions(additions, step: step)
      let nanoseconds = Double(DispatchTime.now().uptimeNanoseconds - start)
      precondition(result > 0, "the chain must run")
      rates.append(Double(additions) * latency / nanoseconds)
    }
    return rates.max()!
  }

  @inline(never)
  static func dependentAdditions(_ count: Int, step: Double) -> Double {
    var x = 0.0
    for _ in 0..<count { x += step }
    return x
  }

  /// What one core's fused multiply-adds reach with no memory in the way, in GFLOP/s:
  /// twelve independent 8-lane chains (six `SIMD16`), enough to keep two FMA units with
  /// a 4-cycle latency busy. The practical roof of the product's micro-kernel. The
  /// fastest of `runs`, as for the clock.
  public static func measuredFMAGFLOPs(iterations: Int = 20_000_000, runs: Int = 5) -> Double {
    var rates: [Double] = []
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let result = independentFMAs(iterations, SIMD16(repeating: 1e-3 * Float(1 + start % 2)))
      let nanoseconds = Double(DispatchTime.now().uptimeNanoseconds - start)
      precondition(result.sum() > 0, "the FMA chains must run")
      rates.append(Double(iterations * 6 * 16 * 2) / nanoseconds)
    }
    return rates.max()!
  }

  @inline(never)
  static func independentFMAs(_ count: Int, _ x: SIMD16<Float>) -> SIMD16<Float> {
    // Six different starting values, so the compiler cannot merge identical chains.
    var (s0, s1, s2, s3, s4, s5) = (x, 2 * x, 3 * x, 4 * x, 5 * x, 6 * x)
    for _ in 0..<count {
      s0.addProduct(x, x)
      s1.addProduct(x, x)
      s2.addProduct(x, x)
      s3.addProduct(x, x)
      s4.addProduct(x, x)
      s5.addProduct(x, x)
    }
    return s0 + s1 + s2 + s3 + s4 + s5
  }
}
