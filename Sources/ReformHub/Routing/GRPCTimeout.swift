import GRPCCore

/// Reads the caller's deadline from the `grpc-timeout` request header ("100m", "5S", …),
/// so the coordinator can hand it to the worker with the job.
enum GRPCTimeout {
  static func parse(_ metadata: Metadata) -> Duration? {
    guard let value = metadata[stringValues: "grpc-timeout"].first(where: { _ in true }), let unit = value.last,
      let amount = Int64(value.dropLast()), amount >= 0
    else { return nil }
    switch unit {
    case "H": return .seconds(amount * 3600)
    case "M": return .seconds(amount * 60)
    case "S": return .seconds(amount)
    case "m": return .milliseconds(amount)
    case "u": return .microseconds(amount)
    case "n": return .nanoseconds(amount)
    default: return nil
    }
  }
}
