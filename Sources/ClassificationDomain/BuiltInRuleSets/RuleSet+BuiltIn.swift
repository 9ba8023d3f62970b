extension RuleSet {
  /// Quy định 124-QĐ/TW (2023): Party members and collectives, rated from the assessed level,
  /// for recomputing 2023 and 2024.
  public static let quyDinh124 = builtIn(quyDinh124JSON, "124-QD-TW-2023.json")

  /// Quy định 366-QĐ/TW (30/8/2025) with Hướng dẫn 43-HD/BTCTW: Party members and collectives
  /// on the 100-point scale, from 2025.
  public static let quyDinh366 = builtIn(quyDinh366JSON, "366-QD-TW-2025.json")

  /// Nghị định 335/2025/NĐ-CP: civil servants on the 100-point scale, from 2026.
  public static let nghiDinh335 = builtIn(nghiDinh335JSON, "335-ND-CP-2026.json")

  /// The sets shipped with the domain, oldest first.
  public static var builtIn: [RuleSet] { [quyDinh124, quyDinh366, nghiDinh335] }

  /// The shipped set that rates `subjectKind` in `year`: the one in force that year, the
  /// newest when two overlap; `nil` when none does.
  public static func builtIn(forYear year: Int, subjectKind: RatingSubjectKind) -> RuleSet? {
    builtIn
      .filter { $0.applies(toYear: year) && $0.appliesTo.contains(subjectKind) }
      .max { $0.validFromYear < $1.validFromYear }
  }

  /// The shipped text decoded. A test decodes every shipped set, so a failure here is a
  /// defect of the shipped file, not of anyone's input.
  private static func builtIn(_ json: String, _ file: String) -> RuleSet {
    do {
      return try decode(json: json)
    } catch {
      preconditionFailure("RuleSets/\(file) does not hold together: \(error)")
    }
  }
}
