import ReformKit

/// A stored row that does not read back as the domain value it was written from: the file was
/// changed by something other than the registry. Reported as `INTERNAL`, naming the row.
struct StoreCorruption: Error, CustomStringConvertible {
  var table: String
  var key: String
  var problem: String

  var description: String { "the registry's store is damaged: \(table) \(key): \(problem)" }
}

extension StoreCorruption {
  /// Runs a store operation, a row that does not read back as the value it was written from
  /// reported as `StoreFailure.corrupt`. The engine's own failures are already `StoreFailure`s;
  /// what a write's body throws for a rule (a refusal naming a field) passes as it is.
  static func reported<T>(_ operation: () async throws -> T) async throws -> T {
    do {
      return try await operation()
    } catch let error as StoreCorruption {
      throw StoreFailure.corrupt(store: "registry", detail: "\(error.table) \(error.key): \(error.problem)")
    }
  }
}
