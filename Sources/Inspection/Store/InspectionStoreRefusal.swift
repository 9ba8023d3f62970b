import ReformKit

/// A write the stored state refuses: a programme that is not there, a replan from a version
/// that is no longer the latest. It names the request field at fault, as the `.proto` spells
/// it; the handlers answer it like any other ``DomainFailure``.
typealias InspectionStoreRefusal = RuleError<InspectionStore>
