/// The language an explanation is written in.
public enum ExplanationLanguage: Sendable, Hashable, CaseIterable {
  /// Tiếng Việt, with diacritics: what a rated person reads.
  case vietnamese
  /// English, for reviewers and logs.
  case english
}
