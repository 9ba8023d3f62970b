import ReformKit

/// Why a status notice cannot be recorded on a receiver's copy: the wrong party
/// (`permissionDenied`), a state that does not take it (`failedPrecondition`, naming the current
/// state in Vietnamese and by code), or a missing reason (`invalidArgument` on `detail`).
public struct TransitionError: DomainFailure, Equatable {
  /// The class of failure.
  public var kind: DomainErrorKind
  /// `code` or `detail`.
  public var field: String
  /// The notice that was refused.
  public var code: NoticeCode
  /// The copy's state when it was refused.
  public var state: DeliveryState
  /// What is wrong.
  public var message: String

  /// A refusal of `code` in `state`.
  public init(
    _ kind: DomainErrorKind, field: String, code: NoticeCode, state: DeliveryState, _ message: String
  ) {
    self.kind = kind
    self.field = field
    self.code = code
    self.state = state
    self.message = message
  }
}
