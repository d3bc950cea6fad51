import Kernels

/// A small, fast, seedable random number generator: xoshiro256** (Blackman and Vigna,
/// 2018), its 256-bit state filled from the seed by SplitMix64, as its authors advise.
///
///     var generator = SeededGenerator(seed: 42)
///     generator.nextFloat()        // a Float in [0, 1), the same on every run
///     generator.nextInt(below: 6)  // 0…5
///
/// Same seed, same sequence, on every run, machine and toolchain: that is what makes every
/// printed number in this tutorial reproducible. Floats are made from the raw bits here
/// rather than by `Float.random(in:using:)`, whose algorithm the standard library may
/// change between versions.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator whose whole sequence is fixed by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// A float in [0, 1): the top 24 bits of `next()` times 2⁻²⁴, so every value is
  /// exactly representable and 1 is never returned.
  public mutating func nextFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A float in [low, high).
  public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
    low + (high - low) * nextFloat()
  }

  /// An integer in 0..<bound, without bias (Lemire's multiply-and-reject method).
  public mutating func nextInt(below bound: Int) -> Int {
    require(bound > 0, "SeededGenerator.nextInt(below:): bound must be positive, got \(bound)")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// Shuffles `array` in place (Fisher–Yates), the same way for the same generator state.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, nextInt(below: i + 1))
    }
  }

  /// 0..<count in a random order.
  public mutating func permutation(of count: Int) -> [Int] {
    var indices = Array(0..<count)
    shuffle(&indices)
    return indices
  }
}

@inline(__always)
private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
  (value << amount) | (value >> (64 - amount))
}
