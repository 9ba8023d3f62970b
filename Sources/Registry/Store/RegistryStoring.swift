import Foundation

/// What the registry's handlers need of its store: the registry as it stands, and writes that
/// each run in one transaction. Everything that crosses is a domain value (``RegistrySnapshot``)
/// or an operation in the registry's terms (``RegistryTransaction``); no engine type, no
/// status: a store throws `StoreFailure` for its own failures and passes a body's refusals on.
///
/// ``RegistryStore`` keeps it in one SQLite file shared by every worker process. The handlers
/// are generic over this protocol, so the calls are resolved at compile time, hot loops
/// included.
///
/// ## Topics
/// - ``read()``, ``write(_:)``, ``now``
protocol RegistryStoring: Sendable {
  /// The transaction a write's body is handed.
  associatedtype Transaction: RegistryTransaction

  /// The instant of a call, for record times and "today".
  var now: Date { get }

  /// The registry as stored now.
  func read() async throws -> RegistrySnapshot

  /// Runs `body` in one write transaction over the registry as it stands; whatever `body`
  /// throws rolls everything back and is thrown as it is.
  func write<T: Sendable>(_ body: @escaping @Sendable (inout Transaction) throws -> T) async throws -> T
}
