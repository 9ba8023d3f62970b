import GRPCCore

/// One field that cannot be read from a request: its path in proto spelling
/// (`scores.common_criteria_hundredths`, relative to the entry being read) and what is wrong.
struct FieldProblem: Sendable, Hashable {
  /// The path, e.g. `discipline[2].level`.
  var field: String
  /// What is wrong, e.g. "required: REPRIMAND or above".
  var message: String
  /// The status the problem maps to when it stops a call.
  var code: RPCError.Code = .invalidArgument

  /// The problem as a status naming the field.
  var error: RPCError { RPCError(code: code, message: "\(field): \(message)") }
}

/// Collects the problems found while reading one message, each path under a common prefix.
struct FieldProblems: Sendable {
  private(set) var all: [FieldProblem] = []
  private let prefix: String

  /// Problems whose paths start with `prefix` (e.g. `discipline[2].`).
  init(prefix: String = "") {
    self.prefix = prefix
  }

  var isEmpty: Bool { all.isEmpty }

  /// Records that `field` is wrong.
  mutating func add(_ field: String, _ message: String, _ code: RPCError.Code = .invalidArgument) {
    all.append(FieldProblem(field: prefix + field, message: message, code: code))
  }

  /// Records the problems of a nested message.
  mutating func merge(_ nested: FieldProblems) { all.append(contentsOf: nested.all) }

  /// A collector for a nested message at `field`.
  func nested(_ field: String) -> FieldProblems { FieldProblems(prefix: prefix + field + ".") }

  /// Checks that `text` is at most `limit` bytes.
  mutating func checkLength(_ text: String, _ field: String, limit: Int) {
    let count = text.utf8.count
    if count > limit { add(field, "at most \(limit) bytes; got \(count)") }
  }

  /// Checks that a repeated field has at most `limit` entries.
  mutating func checkCount(_ count: Int, _ field: String, limit: Int) {
    if count > limit { add(field, "at most \(limit) entries; got \(count)") }
  }

  /// The first problem as a status; nothing when there is none.
  func throwFirst() throws(RPCError) {
    if let first = all.first { throw first.error }
  }
}
