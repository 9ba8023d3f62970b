/// Lifecycle of an indicator set, as `IndicatorSetStatus` in `indicator.proto`.
public enum IndicatorSetStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// In force: values may be reported.
  case active = "ACTIVE"
  /// Term over or replaced: values are kept and reportable but no longer accepted.
  case retired = "RETIRED"
}
