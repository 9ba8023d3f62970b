/// The live update streams open at once, bounded per session and in all: each holds a health
/// stream to the coordinator and asks it for the hub's state every two seconds, so a page
/// opened in many tabs, or a script opening streams, cannot turn the console into a load on
/// the coordinator.
///
/// A session at its bound gives its oldest stream's place to the new one: a person clicking
/// from page to page leaves streams behind that end only at their next write, and the page in
/// front of them is the one that should stay live. The stream that lost its place ends at its
/// next tick (``holds(_:)``).
actor LiveStreams {
  static let perSession = 4
  static let maximum = 200

  /// Each session's streams, oldest first.
  private var open: [String: [Int]] = [:]
  private var total = 0
  private var next = 0

  /// A place for a new stream of session `id`, nil when the console is at its bound.
  func acquire(_ id: String) -> Int? {
    var streams = open[id, default: []]
    if streams.count >= Self.perSession {
      streams.removeFirst()
      total -= 1
    }
    guard total < Self.maximum else {
      open[id] = streams.isEmpty ? nil : streams
      return nil
    }
    next += 1
    streams.append(next)
    open[id] = streams
    total += 1
    return next
  }

  /// Whether stream `stream` of session `id` still has its place.
  func holds(_ stream: Int, of id: String) -> Bool {
    open[id]?.contains(stream) ?? false
  }

  func release(_ stream: Int, of id: String) {
    guard var streams = open[id], let index = streams.firstIndex(of: stream) else { return }
    streams.remove(at: index)
    open[id] = streams.isEmpty ? nil : streams
    total -= 1
  }

  var count: Int { total }
}
