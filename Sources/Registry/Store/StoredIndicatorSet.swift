import Foundation
import RegistryDomain

/// One version of an indicator set as the registry holds it: the definition, and who defined
/// it and when (nothing for the built-in set of 01-NQ/ĐUK, which ships with the code).
struct StoredIndicatorSet: Sendable {
  var set: IndicatorSet
  var definedBy: ActorRef?
  var definedAt: Date?
}

extension StoredIndicatorSet {
  /// `stored` with the built-in set of 01-NQ/ĐUK (version 1) unless a stored row takes its
  /// place, by id then version.
  static func withBuiltIn(_ stored: [StoredIndicatorSet]) -> [StoredIndicatorSet] {
    var sets = stored
    let builtIn = IndicatorSet.resolution01
    if !sets.contains(where: { $0.set.id == builtIn.id && $0.set.version == builtIn.version }) {
      sets.append(StoredIndicatorSet(set: builtIn, definedBy: nil, definedAt: nil))
    }
    return sets.sorted { ($0.set.id, $0.set.version) < ($1.set.id, $1.set.version) }
  }
}
