import Foundation

/// A tally file that could not be opened, written or synced, with the system's reason.
struct TallyError: Error, CustomStringConvertible {
  var key: String
  var errno: Int32
  var description: String { "tally '\(key)': \(String(cString: strerror(errno)))" }
}
