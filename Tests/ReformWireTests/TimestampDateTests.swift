import Foundation
import ReformWire
import Testing

/// A timestamp a caller sent, turned into a `Date` and back, as stores and answers do: the
/// extremes of the wire come back at the bounds instead of trapping.
@Suite("Timestamp and Date")
struct TimestampDateTests {
  @Test(arguments: [Int64.max, Int64.min, 0, 1_733_300_000])
  func anyWireInstantSurvivesARoundTripThroughDate(seconds: Int64) {
    let back = Timestamp(Timestamp(seconds: seconds, nanos: 0).date)
    #expect(back.isValid)
    #expect(back.seconds == seconds || abs(Double(back.seconds) - Double(seconds)) <= 1e-15 * abs(Double(seconds)))
  }

  @Test func datesBeyondEveryInstantAreHeldAtTheBounds() {
    #expect(Timestamp(Date(timeIntervalSince1970: 1e30)).seconds == .max)
    #expect(Timestamp(Date(timeIntervalSince1970: -1e30)).seconds == .min)
    #expect(Timestamp(Date(timeIntervalSince1970: .infinity)).seconds == .max)
  }
}
