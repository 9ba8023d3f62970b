import Foundation
import RegistryDomain

/// One version of an indicator set as the registry holds it: the definition, and who defined
/// it and when (nothing for the built-in set of 01-NQ/ĐUK, which ships with the code).
struct StoredIndicatorSet: Sendable {
  var set: IndicatorSet
  var definedBy: ActorRef?
  var definedAt: Date?
}
