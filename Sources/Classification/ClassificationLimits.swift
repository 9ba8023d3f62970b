/// The sizes the classification calls accept, checked before anything is read or written, so
/// that an absurd request is refused naming its field rather than filling the store.
enum ClassificationLimits {
  /// Evaluations in one SubmitEvaluations call (persons and collectives together); a larger
  /// population is sent in several calls. Above it: `RESOURCE_EXHAUSTED`.
  static let evaluationsPerCall = 50_000
  /// Codes and ids: person ids, unit codes, duty groups, rule and decision ids.
  static let codeLength = 128
  /// Names, titles, authorities, document numbers and articles.
  static let nameLength = 1_000
  /// Free text: notes, reasons, findings, violations, rule texts.
  static let textLength = 10_000
  /// Entries of a repeated field inside one evaluation (discipline records, positions…).
  static let entriesPerList = 1_000
  /// Entries of a collective's lists of units and leaders.
  static let unitsPerList = 100_000
  /// Rules in one rule set, and parameters of one rule.
  static let rulesPerSet = 1_000
  /// The first and last year anything is rated.
  static let years = 1900...9999
  /// Errors listed in one SubmitEvaluations response; beyond it one entry says how many more.
  static let errorsListed = 1_000
  /// Rows per CSV chunk.
  static let csvRowsPerChunk = 2_000
}
