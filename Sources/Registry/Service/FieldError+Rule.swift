import ReformKit
import ReformModule

extension FieldError {
  /// What a domain rule returns; what it refuses, as a ``FieldError`` on its field under `prefix`
  /// (the request field holding what the rule checked, e.g. `unit`).
  static func checking<Value, Failure: DomainFailure>(
    under prefix: String = "", _ rule: () throws(Failure) -> Value
  ) throws(FieldError) -> Value {
    do {
      return try rule()
    } catch {
      throw FieldError(error, under: prefix)
    }
  }
}
