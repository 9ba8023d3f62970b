import InspectionDomain
import ReformKit
import ReformModule

extension PlanningError {
  /// The refusal the caller gets: the status of ``kind`` and the domain's path
  /// (`visitsDue[3].dueID`) in the proto's spelling (`visits_due[3].due_id`) under `prefix`,
  /// the request field that held the input (e.g. `input`).
  func fieldError(under prefix: String = "") -> FieldError {
    FieldError(
      FieldError.code(of: DomainErrorKind(rawValue: "\(kind)") ?? .invalidArgument),
      FieldPath.joined(prefix, FieldPath.proto(field)), message)
  }
}
