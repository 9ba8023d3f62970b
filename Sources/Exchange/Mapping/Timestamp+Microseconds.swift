import Foundation
import ReformWire

extension Timestamp {
  /// The instant `microseconds` after 1970 UTC, exactly.
  init(microseconds: Int64) {
    let (seconds, remainder) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
    if remainder < 0 {
      self.init(seconds: seconds - 1, nanos: Int32(remainder + 1_000_000) * 1000)
    } else {
      self.init(seconds: seconds, nanos: Int32(remainder) * 1000)
    }
  }
}
