import GRPCCore
import InspectionDomain

extension InspectionErrorKind {
  /// The gRPC status code of the kind.
  var rpcCode: RPCError.Code {
    switch self {
    case .notFound: .notFound
    case .alreadyExists: .alreadyExists
    case .failedPrecondition: .failedPrecondition
    case .permissionDenied: .permissionDenied
    default: .invalidArgument
    }
  }
}

extension PlanningError {
  /// The error as a gRPC status whose message names the request's field: the domain's path
  /// (`visitsDue[3].dueID`) in the proto's spelling (`visits_due[3].due_id`) after `prefix`,
  /// e.g. `input.`.
  func rpcError(fieldPrefix prefix: String = "") -> RPCError {
    RPCError(code: kind.rpcCode, message: "\(prefix)\(ProtoFieldPath.snakeCased(field)): \(message)")
  }
}

extension CalendarError: RPCErrorConvertible {
  /// The status of ``kind``.
  public var rpcErrorCode: RPCError.Code { kind.rpcCode }
  /// `field: message`, the field in the proto's spelling.
  public var rpcErrorMessage: String { "\(ProtoFieldPath.snakeCased(field)): \(message)" }
}

/// Field paths as the proto spells them.
enum ProtoFieldPath {
  /// `path` with each camel-cased name in snake case, indices and dots untouched:
  /// `teams[2].inspectors[0].homeUnitCode` → `teams[2].inspectors[0].home_unit_code`,
  /// `risks[1].scoreBP` → `risks[1].score_bp`.
  static func snakeCased(_ path: String) -> String {
    var result = ""
    var previous: Character?
    for character in path {
      if character.isUppercase {
        if let previous, previous.isLowercase || previous.isNumber { result.append("_") }
        result += character.lowercased()
      } else {
        result.append(character)
      }
      previous = character
    }
    return result
  }
}
