import ReformKit

/// One disciplinary decision against a person or a collective (quyết định kỷ luật).
///
/// A decision counts in the year its ``decided`` date falls in. One violation counts once
/// ("một vi phạm chỉ tính một lần"): a Party and an administrative discipline for the same
/// violation carry the same ``violationId``, and once any of them was counted in an earlier
/// year none of them counts again.
public struct DisciplineRecord: Sendable, Hashable, Codable {
  /// Unique within the subject's records, e.g. the decision number.
  public var id: String
  /// The system that imposed it.
  public var system: DisciplineSystem
  /// The measure.
  public var level: DisciplineLevel
  /// Ngày quyết định: the decision's date.
  public var decided: CivilDate
  /// The decision: number, issuing body, article.
  public var decision: SourceRef?
  /// The violation it punishes (hành vi vi phạm), in words.
  public var violation: String?
  /// Identifies the violation; ``id`` stands in when empty.
  public var violationId: String
  /// The violation was already counted when rating an earlier year.
  public var countedInEarlierYear: Bool
  /// That earlier year, when ``countedInEarlierYear``.
  public var countedYear: Int?
  /// The subject's own unit found and dealt with the violation itself (tự phát hiện, xử lý).
  public var selfDetected: Bool

  /// A decision `id` of `level` dated `decided`.
  public init(
    id: String, system: DisciplineSystem = .party, level: DisciplineLevel, decided: CivilDate,
    decision: SourceRef? = nil, violation: String? = nil, violationId: String = "",
    countedInEarlierYear: Bool = false, countedYear: Int? = nil, selfDetected: Bool = false
  ) {
    self.id = id
    self.system = system
    self.level = level
    self.decided = decided
    self.decision = decision
    self.violation = violation
    self.violationId = violationId
    self.countedInEarlierYear = countedInEarlierYear
    self.countedYear = countedYear
    self.selfDetected = selfDetected
  }

  /// The violation's identity for counting once: ``violationId``, or ``id`` when that is empty.
  public var violationKey: String { violationId.isEmpty ? id : violationId }
}
