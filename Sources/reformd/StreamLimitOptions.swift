import ArgumentParser
import ReformHub

/// The ranges `reformd coordinator` accepts for its stream limits, and their check: a window
/// too small to carry an item at a time, or a budget of zero streams, is an operator's slip.
enum StreamLimitOptions {
  static let windowBytes = 1024...(64 * 1024 * 1024)
  static let windowItems = 1...65_536
  static let streams = 1...1_000_000

  static func checked(windowBytes: Int, windowItems: Int, perPrincipal: Int, perModule: Int) throws -> StreamLimits {
    for (option, value, range) in [
      ("--stream-window-bytes", windowBytes, Self.windowBytes), ("--stream-window-items", windowItems, Self.windowItems),
      ("--max-streams-per-principal", perPrincipal, streams), ("--max-streams-per-module", perModule, streams),
    ] where !range.contains(value) {
      throw ValidationError("\(option) \(value): give a number from \(range.lowerBound) to \(range.upperBound)")
    }
    return StreamLimits(windowBytes: windowBytes, windowItems: windowItems, perPrincipal: perPrincipal, perModule: perModule)
  }
}
