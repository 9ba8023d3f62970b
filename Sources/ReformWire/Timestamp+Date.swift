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
    self.init(seconds: Int64(seconds), nanos: Int32(nanos))
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
