import Foundation
import ReformStore

/// What the registry's handlers need of its store: the registry as it stands, and writes that
/// each run in one transaction. Everything that crosses is a domain value (``RegistrySnapshot``)
/// or an operation in the registry's terms (``RegistryTransaction``); no engine type, no
/// status: a store throws `StoreFailure` for its own failures and passes a body's refusals on.
///
/// ``RegistryStore`` keeps it in one SQLite file shared by every worker process of one host;
/// ``RegistryPostgresStore`` in a PostgreSQL database shared by workers on several hosts. The
/// handlers are generic over this protocol, so the calls are resolved at compile time, hot
/// loops included.
///
/// ## Topics
/// - ``read()``, ``write(answering:_:)``, ``now``
protocol RegistryStoring: Sendable {
  /// The transaction a write's body is handed.
  associatedtype Transaction: RegistryTransaction

  /// The instant of a call, for record times and "today".
  var now: Date { get }

  /// The registry as stored now.
  func read() async throws -> RegistrySnapshot

  /// Runs `body` in one write transaction over the registry as it stands; whatever `body`
  /// throws rolls everything back and is thrown as it is.
  ///
  /// `claim` names the one idempotency claim whose stored answer `body` may ask for
  /// (``RegistryTransaction/storedAnswer(for:)``): a store that cannot read inside `body`
  /// reads it, under the claim's lock, before `body` runs.
  func write<T: Sendable>(answering claim: IdempotencyClaim?, _ body: @escaping @Sendable (inout Transaction) throws -> T)
    async throws -> T
}

extension RegistryStoring {
  /// Runs `body`, which keeps no idempotent answer, in one write transaction.
  func write<T: Sendable>(_ body: @escaping @Sendable (inout Transaction) throws -> T) async throws -> T {
    try await write(answering: nil, body)
  }
}
