import ReformKit
import GRPCCore
import RegistryDomain

extension RPCError {
  /// `INVALID_ARGUMENT` naming the field: "field: problem".
  static func invalid(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .invalidArgument, message: "\(field): \(problem)")
  }

  /// `NOT_FOUND` naming the field.
  static func notFound(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .notFound, message: "\(field): \(problem)")
  }

  /// `FAILED_PRECONDITION` naming the field.
  static func precondition(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .failedPrecondition, message: "\(field): \(problem)")
  }

  /// `RESOURCE_EXHAUSTED` naming the field whose size is over a limit.
  static func tooLarge(_ field: String, _ problem: String) -> RPCError {
    RPCError(code: .resourceExhausted, message: "\(field): \(problem)")
  }

  /// A domain error as a status, its field placed under `prefix` (e.g. `unit` makes
  /// `parent_code` read `unit.parent_code`).
  init(_ error: some DomainFailure, under prefix: String = "") {
    let field = prefix.isEmpty ? error.field : (error.field.isEmpty ? prefix : "\(prefix).\(error.field)")
    self.init(code: error.kind.rpcCode, message: field.isEmpty ? error.message : "\(field): \(error.message)")
  }
}

extension DomainErrorKind {
  /// The gRPC status of each class of domain error.
  var rpcCode: RPCError.Code {
    switch self {
    case .invalidArgument: .invalidArgument
    case .failedPrecondition: .failedPrecondition
    case .notFound: .notFound
    case .alreadyExists: .alreadyExists
    case .permissionDenied: .permissionDenied
    }
  }
}
