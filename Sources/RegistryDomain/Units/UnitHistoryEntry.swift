import Foundation
import ReformKit

/// One recorded change of a unit (lịch sử tổ chức): who changed what, effective when, as
/// `UnitHistoryEntry` in `unit.proto`. ``UnitTree`` writes these and never edits them.
public struct UnitHistoryEntry: Sendable, Hashable, Codable {
  /// Per unit, 1 for the first entry, then increasing by one.
  public var sequence: Int
  /// The unit changed.
  public var unitCode: String
  /// What changed.
  public var change: UnitChangeKind
  /// Date the change takes effect in the organisation (not the date it was recorded).
  public var effective: CivilDate
  /// For ``UnitChangeKind/moved``: the parent before.
  public var fromParentCode: String?
  /// For ``UnitChangeKind/moved``: the parent after (for ``UnitChangeKind/created``, the first).
  public var toParentCode: String?
  /// For ``UnitChangeKind/renamed``: the name before.
  public var fromName: String?
  /// For ``UnitChangeKind/renamed``: the name after.
  public var toName: String?
  /// For ``UnitChangeKind/closed`` by merger: the unit that took over.
  public var successorCode: String?
  /// For ``UnitChangeKind/updated``: the `.proto` names of the fields that changed.
  public var changedFields: [String]
  /// The decision the change rests on (quyết định thành lập, giải thể, sáp nhập…).
  public var decision: SourceRef?
  /// Why, in words.
  public var reason: String
  /// Who recorded the change.
  public var recordedBy: ActorRef
  /// When it was recorded (UTC).
  public var recordedAt: Date

  /// Makes an entry; ``UnitTree`` assigns the sequence.
  public init(
    sequence: Int, unitCode: String, change: UnitChangeKind, effective: CivilDate,
    fromParentCode: String? = nil, toParentCode: String? = nil, fromName: String? = nil,
    toName: String? = nil, successorCode: String? = nil, changedFields: [String] = [],
    decision: SourceRef? = nil, reason: String = "", recordedBy: ActorRef, recordedAt: Date
  ) {
    self.sequence = sequence
    self.unitCode = unitCode
    self.change = change
    self.effective = effective
    self.fromParentCode = fromParentCode
    self.toParentCode = toParentCode
    self.fromName = fromName
    self.toName = toName
    self.successorCode = successorCode
    self.changedFields = changedFields
    self.decision = decision
    self.reason = reason
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}
