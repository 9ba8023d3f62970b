import GRPCCore
import ReformModule

/// Collects the refusals found while reading one message from the wire, each path under a
/// common prefix, so that a SubmitEvaluations response can list every one of them and a
/// single-message call can refuse with the first.
struct FieldProblems: Sendable {
  /// Every refusal, in the order found.
  private(set) var all: [FieldError] = []
  private let prefix: String

  /// Problems whose paths start with `prefix` (e.g. `discipline[2].`).
  init(prefix: String = "") {
    self.prefix = prefix
  }

  var isEmpty: Bool { all.isEmpty }

  /// Records that `field` is wrong.
  mutating func add(_ field: String, _ message: String, _ code: RPCError.Code = .invalidArgument) {
    all.append(FieldError(code, prefix + field, message))
  }

  /// Records the problems of a nested message.
  mutating func merge(_ nested: FieldProblems) { all.append(contentsOf: nested.all) }

  /// A collector for a nested message at `field`.
  func nested(_ field: String) -> FieldProblems { FieldProblems(prefix: prefix + field + ".") }

  /// What `read` makes of the nested message at `field`, its problems recorded here after
  /// those found so far.
  mutating func reading<Value>(_ field: String, _ read: (inout FieldProblems) -> Value) -> Value {
    var inner = nested(field)
    defer { merge(inner) }
    return read(&inner)
  }

  /// Checks that `text` is at most `limit` bytes.
  mutating func checkLength(_ text: String, _ field: String, limit: Int) {
    let count = text.utf8.count
    if count > limit { add(field, "at most \(limit) bytes; got \(count)") }
  }

  /// Checks that `year`, a message's `year` field, is one rated (``ClassificationLimits/years``).
  mutating func checkYear(_ year: Int32) {
    let years = ClassificationLimits.years
    if !years.contains(Int(year)) { add("year", "\(year) is not a year rated (\(years.lowerBound)–\(years.upperBound))") }
  }

  /// Checks that a repeated field has at most `limit` entries.
  mutating func checkCount(_ count: Int, _ field: String, limit: Int) {
    if count > limit { add(field, "at most \(limit) entries; got \(count)") }
  }

  /// The first problem as a status; nothing when there is none.
  func throwFirst() throws(RPCError) {
    if let first = all.first { throw first.rpcError }
  }
}
