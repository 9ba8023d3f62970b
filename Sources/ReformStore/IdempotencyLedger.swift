import Foundation
import GRDB
import ReformKit

/// The first answers to writes that carried an idempotency key: what makes a write safe to
/// repeat, in every module.
///
/// A repeat of a request (same key, same fingerprint) gets the stored answer and writes
/// nothing; the same key with another request is refused with an ``IdempotencyRefusal`` naming
/// `idempotency_key`, so that a mistake cannot go unnoticed. The ledger works inside the
/// caller's write transaction: the entry commits with the write it answers, or neither does,
/// and two processes racing with one key cannot both write (the second waits for the first's
/// lock, then finds its entry). Entries are kept as long as the file.
///
/// A module's store keeps one ledger and runs each keyed write through ``once(_:at:in:_:)``:
///
/// ```swift
/// static let ledger = IdempotencyLedger(.exchange, conflict: .failedPrecondition)
///
/// let (bytes, replayed) = try await database.write { db in
///   try Self.ledger.once(claim, at: now, in: db) { try send(plan, in: db).wireBytes() }
/// }
/// ```
///
/// ## Topics
/// - ``init(_:conflict:)``, ``layout``, ``conflict``
/// - ``once(_:at:in:_:)``, ``answer(to:in:)``, ``record(_:for:at:in:)``
/// - ``IdempotencyClaim``, ``IdempotencyLayout``, ``IdempotencyRefusal``
public struct IdempotencyLedger: Sendable {
  /// Where the entries are kept.
  public let layout: IdempotencyLayout
  /// The class of the refusal of a key used for another request (its status).
  public let conflict: DomainErrorKind

  /// A ledger kept in `layout`'s table, refusing a reused key as `conflict`.
  public init(_ layout: IdempotencyLayout, conflict: DomainErrorKind = .alreadyExists) {
    self.layout = layout
    self.conflict = conflict
  }

  /// The stored answer to `claim`'s request, or nil when the key is new.
  ///
  /// - Throws: ``IdempotencyRefusal`` (``conflict``) when the key answered another request.
  public func answer(to claim: IdempotencyClaim, in db: Database) throws -> [UInt8]? {
    let (condition, arguments) = layout.identity(of: claim)
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT method, fingerprint, response FROM \(layout.table) WHERE \(condition)", arguments: arguments)
    else { return nil }
    let method: String = row[0]
    let fingerprint: DatabaseValue = row[1]
    guard method == claim.method, fingerprint == layout.stored(claim.fingerprint) else {
      throw IdempotencyRefusal.key(
        conflict,
        "\"\(claim.key)\" was already used for a different \(method) request; use a new key for a new request")
    }
    let response: Data = row[2]
    return Array(response)
  }

  /// Keeps `answer` as the answer to `claim`'s request.
  public func record(_ answer: [UInt8], for claim: IdempotencyClaim, at date: Date, in db: Database) throws {
    var columns = ["method", layout.keyColumn, "fingerprint", "response", layout.timeColumn]
    var values: [DatabaseValue] = [
      claim.method.databaseValue, claim.key.databaseValue, layout.stored(claim.fingerprint), Data(answer).databaseValue,
      layout.stored(date),
    ]
    if let scopeColumn = layout.scopeColumn {
      columns.insert(scopeColumn, at: 0)
      values.insert(claim.scope.databaseValue, at: 0)
    }
    try db.execute(
      sql: "INSERT INTO \(layout.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
      arguments: StatementArguments(values))
  }

  /// Runs `body` once for `claim`: the stored answer when the request was answered before
  /// (`replayed`, and `body` does not run), else `body`'s answer, kept in the same transaction.
  /// Without a claim, `body` simply runs.
  ///
  /// - Throws: ``IdempotencyRefusal`` when the key answered another request; what `body` throws.
  public func once(
    _ claim: IdempotencyClaim?, at date: Date, in db: Database, _ body: () throws -> [UInt8]
  ) throws -> (answer: [UInt8], replayed: Bool) {
    guard let claim else { return (try body(), false) }
    if let stored = try answer(to: claim, in: db) { return (stored, true) }
    let answer = try body()
    try record(answer, for: claim, at: date, in: db)
    return (answer, false)
  }
}
