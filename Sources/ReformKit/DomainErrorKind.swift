/// The class of a domain error, which the module layer maps to a gRPC status.
///
/// Every domain's error types carry one of these with the field at fault (see
/// ``DomainFailure``), so that the mapping to a status is mechanical and written once, in
/// `ReformModule`'s `FieldError`.
public enum DomainErrorKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// The input itself is wrong, whatever the stored state.
  case invalidArgument
  /// The input is well formed but the stored state does not allow it now.
  case failedPrecondition
  /// Something the input names does not exist.
  case notFound
  /// Something the input would create exists already.
  case alreadyExists
  /// The caller may not do this to this data.
  case permissionDenied
}
