/// A small seeded generator (SplitMix64), so every random choice is the same for the same
/// seed on every platform and Swift version.
struct SplitMix64: Sendable {
  private var state: UInt64

  /// A generator seeded with `seed`.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `range`, by reduction modulo its size (the tiny bias does not matter here).
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// `true` with probability `percent` / 100.
  mutating func chance(_ percent: Int) -> Bool {
    int(in: 0...99) < percent
  }

  /// A random element of `elements`, which must not be empty.
  mutating func element<T>(of elements: [T]) -> T {
    elements[int(in: 0...elements.count - 1)]
  }

  /// `elements` in a random order (Fisher–Yates).
  mutating func shuffled<T>(_ elements: [T]) -> [T] {
    var result = elements
    for i in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(i, int(in: 0...i))
    }
    return result
  }
}
