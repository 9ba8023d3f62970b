/// A small seeded pseudo-random generator (SplitMix64, S. Vigna), so that generated data is
/// the same on every platform and Swift version for the same seed.
///
/// Its helpers draw with their own arithmetic rather than the standard library's
/// `random(in:using:)`, whose algorithm is not promised to stay the same.
public struct SplitMix64: Sendable {
  private var state: UInt64

  /// A generator started from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range` (the tiny modulo bias does not matter for demo data).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// A number in [0, 1), from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// `true` with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  /// One element of a non-empty array.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[int(in: 0...(elements.count - 1))]
  }

  /// One element, each with its weight.
  public mutating func pick<Element>(weighted choices: [(Element, Int)]) -> Element {
    let total = choices.reduce(0) { $0 + $1.1 }
    var draw = int(in: 0...(total - 1))
    for (element, weight) in choices {
      if draw < weight { return element }
      draw -= weight
    }
    return choices[choices.count - 1].0
  }

  /// A date in a year, any day.
  public mutating func date(in year: Int, months: ClosedRange<Int> = 1...12) -> CivilDate {
    let month = int(in: months)
    return CivilDate(year, month, int(in: 1...CivilDate.daysIn(month: month, year: year)))
  }
}
