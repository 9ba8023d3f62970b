/// Which ratings a read covers: one run's, or the current final ratings of a year (locked and
/// not superseded).
enum ResultScope: Sendable, Equatable {
  case run(String)
  case current(year: Int)
}

/// What a list of ratings keeps of its scope.
struct ResultFilter: Sendable {
  /// Only subjects rated in these units; all when `nil`.
  var units: Set<String>?
  /// Only these kinds (proto numbers); all when empty.
  var kinds: [Int32] = []
  /// Only these levels (proto numbers); all when empty.
  var levels: [Int32] = []
  var quotaDemotedOnly = false
}
