import InspectionDomain
import ReformKit
import ReformModule

extension CalendarError {
  /// The refusal the caller gets: the status of ``kind``, the field in the proto's spelling.
  var fieldError: FieldError {
    FieldError(
      FieldError.code(of: DomainErrorKind(rawValue: "\(kind)") ?? .invalidArgument), FieldPath.proto(field), message)
  }
}
