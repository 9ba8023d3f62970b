import GRPCCore

/// Reads the caller's deadline from the `grpc-timeout` request header ("100m", "5S", …),
/// so the coordinator can hand it to the worker with the job, never past the operator's
/// `--max-deadline`.
///
/// The header is the caller's to write, so every value is bounded before any arithmetic:
/// gRPC allows at most 8 ASCII digits and one unit letter (`H`, `M`, `S`, `m`, `u`, `n`), and
/// anything else is ignored — as gRPC's own servers (grpc-swift's `Timeout(decoding:)`,
/// gRPC core) ignore it — so the call runs as if it had sent no deadline. Ignoring rather
/// than refusing keeps the coordinator consistent with the transport in front of it, which
/// serves the call without a timeout when it cannot read one; ``GRPCTimeoutFilter`` drops
/// such values before grpc-swift sees them, since it traps on a negative amount.
///
/// A call with no usable deadline gets the maximum one: nothing a caller sends holds a worker
/// longer than the operator allows. Long-lived streams (`Watch`) resume from their cursor.
///
/// ## Topics
/// - ``parse(_:)``: one header value, or `nil` when it is not a legal timeout.
/// - ``deadline(of:maximum:)``: a call's deadline, clamped.
/// - ``defaultMaximum``
public enum GRPCTimeout {
  /// The longest deadline a call gets when the operator sets none: a day. Longer work is a
  /// stream that resumes from a cursor, not one call.
  public static let defaultMaximum: Duration = .seconds(86_400)

  /// The most digits gRPC allows in a timeout's amount.
  static let maximumDigits = 8

  /// The duration a `grpc-timeout` value names, or `nil` when the value is not one gRPC
  /// allows: empty, more than 8 digits, a sign, spaces, or a unit other than `H`, `M`, `S`,
  /// `m`, `u`, `n`. Eight digits of hours fit in a `Duration` with room to spare, so no value
  /// can overflow here.
  public static func parse(_ value: String) -> Duration? {
    let digits = value.utf8.dropLast()
    guard let unit = value.utf8.last, (1...maximumDigits).contains(digits.count),
      digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let amount = Int64(String(decoding: digits, as: UTF8.self))
    else { return nil }
    switch unit {
    case UInt8(ascii: "H"): return .seconds(amount * 3600)
    case UInt8(ascii: "M"): return .seconds(amount * 60)
    case UInt8(ascii: "S"): return .seconds(amount)
    case UInt8(ascii: "m"): return .milliseconds(amount)
    case UInt8(ascii: "u"): return .microseconds(amount)
    case UInt8(ascii: "n"): return .nanoseconds(amount)
    default: return nil
    }
  }

  /// The deadline a call runs under: its first `grpc-timeout` when legal, at most `maximum`;
  /// `maximum` when the header is absent or not legal.
  public static func deadline(of metadata: Metadata, maximum: Duration) -> Duration {
    guard let value = metadata[stringValues: "grpc-timeout"].first(where: { _ in true }), let timeout = parse(value)
    else { return maximum }
    return min(timeout, maximum)
  }
}
