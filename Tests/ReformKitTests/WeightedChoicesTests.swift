import ReformKit
import Testing

/// Drawing from ``WeightedChoices`` gives, draw for draw, what the scan of
/// `pick(weighted:)` gives from the same state — zero weights and a single choice included —
/// so generated data stays the same when a generator moves to it.
@Suite("Weighted choices")
struct WeightedChoicesTests {
  @Test(arguments: [1, 2, 7, 1_000])
  func aDrawPicksWhatTheScanPicks(count: Int) {
    var weights = SplitMix64(seed: UInt64(count))
    let choices = (0..<count).map { ($0, weights.chance(percent: 20) ? 0 : weights.int(in: 1...50)) }
    let usable = choices.contains { $0.1 > 0 } ? choices : choices.map { ($0.0, 1) }
    var scan = SplitMix64(seed: 99)
    var search = SplitMix64(seed: 99)
    let table = WeightedChoices(usable)
    for _ in 0..<5_000 {
      #expect(scan.pick(weighted: usable) == search.pick(table))
    }
  }
}
