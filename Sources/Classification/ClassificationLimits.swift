import GRPCCore

/// The sizes the classification calls accept, checked before anything is read or written, so
/// that an absurd request is refused naming its field rather than filling the store.
///
/// Every number a request carries has its range here or in the domain's validation
/// (``ClassificationDomain/ClassificationInput``: scores 0…the scale, task and target counts
/// 0…`maximumCount`, quota shares 1…10000 basis points): years ``years`` (0, where a filter
/// allows it, for every year), versions 0 (the latest) or more, page sizes 0…1000, lists and
/// texts as below. Counts stay far inside `Int`: a call holds at most ``evaluationsPerCall``
/// subjects, so a quota's share of them (× 10000 basis points) cannot overflow.
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

  /// Refuses a year filter outside ``years``, naming `field`; 0 (every year) passes.
  static func checkYearFilter(_ year: Int32, field: String = "year") throws(RPCError) {
    guard year == 0 || years.contains(Int(year)) else {
      throw RPCError(
        code: .invalidArgument, message: "\(field): \(year) is not a year rated (\(years.lowerBound)…\(years.upperBound)); 0 for every year")
    }
  }
}
