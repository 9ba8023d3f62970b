import ReformKit

/// A request the module refuses with a reason a caller can act on: a write that reaches
/// outside the caller's unit, a person the registry does not have, or what the stored state
/// does not allow (a quota exception granted twice, a final run over locked ratings without a
/// reason, an idempotency key reused for another request). It names the request field at
/// fault as the request spells it; the handlers answer it like any other ``DomainFailure``.
public typealias ClassificationRefusal = RuleError<ClassificationRequest>

/// The rules a classification request must meet beyond its own fields: the caller's scope,
/// the registry's people and the stored state. Their refusals are ``ClassificationRefusal``.
public enum ClassificationRequest {}
