/// An error of a domain rule: its class, the field at fault and what is wrong with it.
///
/// Domain targets stay free of any transport: they name the field in their own terms (a Swift
/// property path such as `members[2].birthDate`) and the module layer turns that into the
/// caller's terms (`members[2].birth_date`) and a status, in one place for every module.
public protocol DomainFailure: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is, which decides the status.
  var kind: DomainErrorKind { get }
  /// The property path of the field at fault, or empty when the failure concerns the whole input.
  var field: String { get }
  /// What is wrong, in words the caller can act on.
  var message: String { get }
}

extension DomainFailure {
  public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}
