/// The class of a domain error, which the handler layer maps to a gRPC status.
///
/// Every error type of ``RegistryDomain`` carries one of these with the field at fault, so that
/// the mapping is mechanical: see ``RegistryDomainError``.
public enum DomainErrorKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A field is missing, malformed or out of range (`INVALID_ARGUMENT`).
  case invalidArgument
  /// The request is well formed but the current state refuses it, e.g. a locked period
  /// (`FAILED_PRECONDITION`).
  case failedPrecondition
  /// Something the request names does not exist (`NOT_FOUND`).
  case notFound
  /// Something the request would create exists already (`ALREADY_EXISTS`).
  case alreadyExists
  /// The acting principal may not do this (`PERMISSION_DENIED`).
  case permissionDenied
}
