import Foundation

extension Timestamp {
  /// The instant `date`, in whole seconds and nanoseconds since 1970 UTC. Timestamps are
  /// stored in UTC and shown in Asia/Ho_Chi_Minh.
  public init(_ date: Date) {
    let interval = date.timeIntervalSince1970
    var seconds = interval.rounded(.down)
    var nanos = ((interval - seconds) * 1_000_000_000).rounded()
    // Rounding can carry a whole second; the wire requires nanos below one second.
    if nanos >= 1_000_000_000 {
      seconds += 1
      nanos -= 1_000_000_000
    }
    self.init(seconds: Self.saturating(seconds), nanos: nanos.isFinite ? Int32(nanos) : 0)
  }

  /// Whole seconds as an `Int64`, held at its bounds: a `Date` made from the largest
  /// timestamp a caller may send rounds past `Int64.max` as a `Double`, and must come back as a
  /// timestamp rather than trap.
  private static func saturating(_ seconds: Double) -> Int64 {
    guard seconds.isFinite else { return seconds > 0 ? .max : seconds < 0 ? .min : 0 }
    if seconds >= 9_223_372_036_854_775_807 { return .max }
    if seconds <= -9_223_372_036_854_775_808 { return .min }
    return Int64(seconds)
  }

  /// The instant as a `Date`.
  public var date: Date {
    Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanos) / 1_000_000_000)
  }

  /// The current instant.
  public static var now: Timestamp { Timestamp(Date()) }

  /// Whether `nanos` is within a second, as google.protobuf.Timestamp requires.
  public var isValid: Bool { (0..<1_000_000_000).contains(nanos) }
}
