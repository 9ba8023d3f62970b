import ReformWire

/// The changes `reformctl inspection replan` takes on its command line, each read into the
/// `InspectionChange` it stands for.
///
/// - `--leave INSPECTOR:FIRST:LAST[:REASON]`, e.g. `KTV-02:2027-03-01:2027-03-12:Nghỉ phép`
/// - `--cancel VISIT[:REASON]`, e.g. `DBCS-05-1:Đơn vị sáp nhập`
/// - `--add-visit UNIT:KIND:DAYS[:KEY=VALUE…]`, e.g.
///   `DBCS-61:programmed:5:window=2027-09-01..2027-11-30:risk=7000:name=Chi bộ Sở Y tế`
///   (keys: `due`, `name`, `window`, `team`, `topic`, `members`, `risk`; DAYS 0 takes the
///   length from the programme's rules)
enum ReplanChange {
  /// A change written wrongly, with what is wrong.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The help of the three forms, for the command's discussion.
  static let help = """
    Changes (each may be repeated, and mixed): \
    --leave INSPECTOR:FIRST:LAST[:REASON] gives an inspector leave, e.g. \
    KTV-02:2027-03-01:2027-03-12:Nghỉ phép; \
    --cancel VISIT[:REASON] takes a visit out, e.g. DBCS-05-1:Đơn vị sáp nhập; \
    --add-visit UNIT:KIND:DAYS[:KEY=VALUE…] adds a unit's visit, e.g. \
    'DBCS-61:programmed:5:window=2027-09-01..2027-11-30:risk=7000:name=Chi bộ Sở Y tế', with \
    KIND one of \(InspectionText.kinds.map(\.name).joined(separator: ", ")), DAYS 0 for the \
    rules' length table, and the optional keys due (its id; UNIT-n when omitted), name, \
    window (FIRST..LAST), team, topic, members and risk (0–10000 bp). A value may not hold ':'.
    """

  /// `--leave INSPECTOR:FIRST:LAST[:REASON]`.
  static func leave(_ text: String) throws(Problem) -> InspectionChange {
    let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 3, !parts[0].isEmpty else {
      throw Problem(description: "--leave \(text): expected INSPECTOR:FIRST:LAST[:REASON]")
    }
    guard let range = InspectionText.parseRange("\(parts[1])..\(parts[2])") else {
      throw Problem(
        description: "--leave \(text): \(parts[1])..\(parts[2]) is not a span of dates (2027-03-01:2027-03-12)")
    }
    let reason = parts.count > 3 ? parts[3] : "Nghỉ phép"
    return InspectionChange(
      change: .leave(
        InspectionLeaveChange(
          inspectorId: parts[0], unavailable: InspectionUnavailability(dates: range, reason: reason))))
  }

  /// `--cancel VISIT[:REASON]`.
  static func cancel(_ text: String) throws(Problem) -> InspectionChange {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard !parts[0].isEmpty else { throw Problem(description: "--cancel \(text): expected VISIT[:REASON]") }
    return InspectionChange(
      change: .visitCancelled(InspectionVisitCancelled(visitId: parts[0], reason: parts.count > 1 ? parts[1] : "")))
  }

  /// `--add-visit UNIT:KIND:DAYS[:KEY=VALUE…]`; `takenDueIDs` are the due ids already in the
  /// programme, so that a default id is free.
  static func addVisit(_ text: String, takenDueIDs: inout Set<String>) throws(Problem) -> InspectionChange {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 3, !parts[0].isEmpty else {
      throw Problem(description: "--add-visit \(text): expected UNIT:KIND:DAYS[:KEY=VALUE…]")
    }
    guard let kind = InspectionText.parseKind(parts[1]) else {
      throw Problem(
        description:
          "--add-visit \(text): kind \(parts[1]) is not one of \(InspectionText.kinds.map(\.name).joined(separator: ", "))"
      )
    }
    guard let days = Int32(parts[2]), days >= 0 else {
      throw Problem(description: "--add-visit \(text): days \(parts[2]) is not a number of working days")
    }
    var due = InspectionVisitDue(unitCode: parts[0], kind: kind, lengthDays: days)
    var risk: InspectionUnitRisk?
    for pair in parts.dropFirst(3) {
      guard let equals = pair.firstIndex(of: "=") else {
        throw Problem(description: "--add-visit \(text): \(pair) is not KEY=VALUE")
      }
      let key = String(pair[..<equals])
      let value = String(pair[pair.index(after: equals)...])
      switch key {
      case "due": due.dueId = value
      case "name": due.unitName = value
      case "team": due.teamId = value
      case "topic": due.topic = value
      case "window":
        guard let window = InspectionText.parseRange(value) else {
          throw Problem(description: "--add-visit \(text): window \(value) is not FIRST..LAST (2027-09-01..2027-11-30)")
        }
        due.window = window
      case "members":
        guard let members = Int32(value), members >= 0 else {
          throw Problem(description: "--add-visit \(text): members \(value) is not a number")
        }
        due.unitMemberCount = members
      case "risk":
        guard let score = Int32(value), (0...10_000).contains(score) else {
          throw Problem(description: "--add-visit \(text): risk \(value) is not 0–10000 basis points")
        }
        risk = InspectionUnitRisk(unitCode: due.unitCode, scoreBp: score, source: .given)
      default:
        throw Problem(
          description:
            "--add-visit \(text): unknown key \(key); expected due, name, window, team, topic, members or risk")
      }
    }
    if due.dueId.isEmpty {
      var number = 1
      while takenDueIDs.contains("\(due.unitCode)-\(number)") { number += 1 }
      due.dueId = "\(due.unitCode)-\(number)"
    }
    takenDueIDs.insert(due.dueId)
    return InspectionChange(change: .unitAdded(InspectionUnitAdded(due: due, risk: risk)))
  }
}
