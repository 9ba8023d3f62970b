/// A small seeded pseudo-random generator (SplitMix64, S. Vigna): the same seed gives the same
/// numbers on every platform and Swift version, which the standard library's generators do not
/// promise. Demo data, generated populations and plan inputs, fuzz runs and the tests' random
/// instances all draw from it, so that a seed names one outcome for good.
///
/// Its helpers draw with their own arithmetic rather than the standard library's
/// `random(in:using:)`, whose algorithm may change between releases. Two reductions to a range
/// are kept, because data pinned by tests was drawn with each: ``int(in:)`` takes the
/// remainder (the registry's demo bloc, inspection plan inputs, fuzzing), ``scaledInt(in:)``
/// takes the high half of a 128-bit product (classification populations, the load mix of
/// `reform-bench`). Neither may change without changing what every seed means.
///
/// ## Topics
/// - ``init(seed:)``, ``next()``
/// - Remainder: ``int(in:)``, ``index(_:)``, ``chance(percent:)``, ``pick(_:)``,
///   ``pick(weighted:)``, ``shuffled(_:)``
/// - Scaled: ``scaledInt(in:)``, ``scaledIndex(_:)``, ``chance(basisPoints:)``
/// - Fractions: ``unit()``, ``chance(_:)``
public struct SplitMix64: RandomNumberGenerator, Sendable {
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

  /// A whole number in `range`, by the remainder of ``next()`` (the tiny modulo bias does not
  /// matter for generated data).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// A whole number in 0..<`count` by ``int(in:)``, or 0 when `count` is not positive.
  public mutating func index(_ count: Int) -> Int { count > 0 ? int(in: 0...(count - 1)) : 0 }

  /// A whole number in `range`, by the high half of a 128-bit product (bias below 2⁻³² for
  /// small ranges).
  public mutating func scaledInt(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
  }

  /// A whole number in 0..<`count` by ``scaledInt(in:)``, or 0 when `count` is not positive.
  public mutating func scaledIndex(_ count: Int) -> Int { count > 0 ? scaledInt(in: 0...(count - 1)) : 0 }

  /// A number in [0, 1), from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// `true` with probability `probability`, by ``unit()``.
  public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

  /// `true` with probability `percent` ÷ 100, by ``int(in:)``.
  public mutating func chance(percent: Int) -> Bool { int(in: 0...99) < percent }

  /// `true` with probability `basisPoints` ÷ 10000, by ``scaledInt(in:)``.
  public mutating func chance(basisPoints: Int) -> Bool { scaledInt(in: 0...9_999) < basisPoints }

  /// One element of a non-empty array, by ``int(in:)``.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[int(in: 0...(elements.count - 1))]
  }

  /// One element, each with its weight, by ``int(in:)``.
  public mutating func pick<Element>(weighted choices: [(Element, Int)]) -> Element {
    let total = choices.reduce(0) { $0 + $1.1 }
    var draw = int(in: 0...(total - 1))
    for (element, weight) in choices {
      if draw < weight { return element }
      draw -= weight
    }
    return choices[choices.count - 1].0
  }

  /// One element of `choices`, by ``int(in:)``: the element ``pick(weighted:)`` would give
  /// for the same state, found by binary search over the running totals rather than a scan.
  public mutating func pick<Element>(_ choices: WeightedChoices<Element>) -> Element {
    let draw = int(in: 0...(choices.total - 1))
    var low = 0
    var high = choices.totals.count - 1
    while low < high {
      let middle = (low + high) / 2
      if choices.totals[middle] > draw { high = middle } else { low = middle + 1 }
    }
    return choices.elements[low]
  }

  /// `elements` in a random order (Fisher–Yates, by ``int(in:)``).
  public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
    var result = elements
    for index in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(index, int(in: 0...index))
    }
    return result
  }
}

/// Elements with weights, their running totals kept, for drawing one of many often
/// (``SplitMix64/pick(_:)``): a unit for each of a million people.
public struct WeightedChoices<Element> {
  let elements: [Element]
  /// The sum of the weights up to and including each element.
  let totals: [Int]

  /// The choices; a non-empty list whose weights sum to more than 0.
  public init(_ choices: [(Element, Int)]) {
    elements = choices.map(\.0)
    var sum = 0
    totals = choices.map { choice in
      sum += choice.1
      return sum
    }
  }

  var total: Int { totals.last ?? 0 }
}
