import GRPCCore
import ReformKit

/// A refusal that names the request field at fault: the one error type every module's
/// handlers throw for bad input, and the one place a domain's ``DomainFailure`` becomes a status.
///
/// The message reads `field: problem`, with the field spelled as the `.proto` spells it, so a
/// caller in any language can find what to correct.
public struct FieldError: Error, Sendable, Hashable, RPCErrorConvertible, CustomStringConvertible {
  /// The status the call ends with.
  public var code: RPCError.Code
  /// The request field at fault, as the `.proto` names it; empty when the whole request is.
  public var field: String
  /// What is wrong, in words the caller can act on.
  public var problem: String

  public init(_ code: RPCError.Code, _ field: String, _ problem: String) {
    self.code = code
    self.field = field
    self.problem = problem
  }

  /// A domain rule's failure, its field spelled in the caller's terms under `prefix` (the
  /// request field that holds what the domain checked, e.g. `person`).
  ///
  /// - Parameter renames: proto names for Swift property names that differ by more than case.
  public init(_ failure: some DomainFailure, under prefix: String = "", renames: [String: String] = [:]) {
    self.init(
      Self.code(of: failure.kind),
      FieldPath.joined(prefix, FieldPath.proto(failure.field, renames: renames)),
      failure.message)
  }

  /// `INVALID_ARGUMENT`: the field's value is wrong whatever is stored.
  public static func invalid(_ field: String, _ problem: String) -> FieldError { FieldError(.invalidArgument, field, problem) }
  /// `NOT_FOUND`: the field names something that does not exist.
  public static func notFound(_ field: String, _ problem: String) -> FieldError { FieldError(.notFound, field, problem) }
  /// `FAILED_PRECONDITION`: the stored state does not allow what the field asks now.
  public static func precondition(_ field: String, _ problem: String) -> FieldError { FieldError(.failedPrecondition, field, problem) }
  /// `ALREADY_EXISTS`: what the field would create exists.
  public static func alreadyExists(_ field: String, _ problem: String) -> FieldError { FieldError(.alreadyExists, field, problem) }
  /// `PERMISSION_DENIED`: the caller may not touch what the field names.
  public static func permissionDenied(_ field: String, _ problem: String) -> FieldError { FieldError(.permissionDenied, field, problem) }
  /// `RESOURCE_EXHAUSTED`: the field is over a request limit.
  public static func tooLarge(_ field: String, _ problem: String) -> FieldError { FieldError(.resourceExhausted, field, problem) }

  /// The status for a class of domain failure.
  public static func code(of kind: DomainErrorKind) -> RPCError.Code {
    switch kind {
    case .invalidArgument: .invalidArgument
    case .failedPrecondition: .failedPrecondition
    case .notFound: .notFound
    case .alreadyExists: .alreadyExists
    case .permissionDenied: .permissionDenied
    }
  }

  public var rpcErrorCode: RPCError.Code { code }
  public var rpcErrorMessage: String { field.isEmpty ? problem : "\(field): \(problem)" }
  public var description: String { rpcErrorMessage }
  /// The same refusal as an `RPCError`, for code that throws that type.
  public var rpcError: RPCError { RPCError(code: code, message: rpcErrorMessage) }
}
