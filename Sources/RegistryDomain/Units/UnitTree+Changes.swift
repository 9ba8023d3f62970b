import ReformKit

extension UnitTree {
  /// Adds a unit and records its creation, effective on its opening date.
  ///
  /// - Throws: the first of ``problems(adding:)``.
  @discardableResult
  public mutating func add(_ unit: OrgUnit, stamp: ChangeStamp) throws(UnitTreeError) -> UnitHistoryEntry {
    let unit = unit.normalized
    if let problem = problems(adding: unit).first { throw problem }
    unitsByCode[unit.code] = unit
    if let parent = unit.parentCode {
      insertChild(unit.code, under: parent)
    } else {
      rootCode = unit.code
    }
    return record(
      unit.code, .created, effective: unit.opened, stamp: stamp, toParentCode: unit.parentCode,
      toName: unit.name)
  }

  /// Moves a unit, with its subtree, under another parent, and records the move (from, to,
  /// effective date, who).
  ///
  /// - Throws: the first of ``problems(moving:under:effective:)``.
  @discardableResult
  public mutating func move(
    _ code: String, under newParentCode: String, effective: CivilDate, stamp: ChangeStamp
  ) throws(UnitTreeError) -> UnitHistoryEntry {
    if let problem = problems(moving: code, under: newParentCode, effective: effective).first { throw problem }
    guard var unit = unitsByCode[code], let oldParent = unit.parentCode else { throw .notFound("code", code: code) }
    removeChild(code, from: oldParent)
    insertChild(code, under: newParentCode)
    unit.parentCode = newParentCode
    unitsByCode[code] = unit
    return record(
      code, .moved, effective: effective, stamp: stamp, fromParentCode: oldParent, toParentCode: newParentCode)
  }

  /// Closes a unit on `date` (giải thể, sáp nhập), naming the unit that took it over after a
  /// merger, and records the closure.
  ///
  /// - Throws: the first of ``problems(closing:on:successorCode:)``.
  @discardableResult
  public mutating func close(
    _ code: String, on date: CivilDate, successorCode: String? = nil, stamp: ChangeStamp
  ) throws(UnitTreeError) -> UnitHistoryEntry {
    if let problem = problems(closing: code, on: date, successorCode: successorCode).first { throw problem }
    guard var unit = unitsByCode[code] else { throw .notFound("code", code: code) }
    unit.closed = date
    unit.successorCode = successorCode ?? ""
    unitsByCode[code] = unit
    return record(code, .closed, effective: date, stamp: stamp, successorCode: successorCode)
  }

  /// Changes a unit's attributes other than its parent and its closure (which
  /// ``move(_:under:effective:stamp:)`` and ``close(_:on:successorCode:stamp:)`` change), and
  /// records a renaming and an update of the other fields, each when it happened.
  ///
  /// - Returns: the entries recorded; empty when nothing changed.
  /// - Throws: the first of ``problems(updating:)``.
  @discardableResult
  public mutating func update(
    _ unit: OrgUnit, effective: CivilDate, stamp: ChangeStamp
  ) throws(UnitTreeError) -> [UnitHistoryEntry] {
    let unit = unit.normalized
    if let problem = problems(updating: unit).first { throw problem }
    guard let old = unitsByCode[unit.code] else { throw .notFound("code", code: unit.code) }
    unitsByCode[unit.code] = unit
    var recorded: [UnitHistoryEntry] = []
    if old.name != unit.name {
      recorded.append(
        record(unit.code, .renamed, effective: effective, stamp: stamp, fromName: old.name, toName: unit.name))
    }
    let changed = UnitTree.changedAttributes(from: old, to: unit)
    if !changed.isEmpty {
      recorded.append(record(unit.code, .updated, effective: effective, stamp: stamp, changedFields: changed))
    }
    return recorded
  }

  /// What ``add(_:stamp:)`` would refuse, every problem, field by field.
  public func problems(adding unit: OrgUnit) -> [UnitTreeError] {
    var problems = unit.validationProblems
    if unitsByCode[unit.code] != nil {
      problems.append(
        UnitTreeError(
          .alreadyExists, field: "code",
          "unit \"\(unit.code)\" exists already; codes are never reused, even after a unit closes"))
    }
    if unit.kind == .blocCommittee, let rootCode {
      problems.append(
        UnitTreeError(
          .alreadyExists, field: "kind",
          "the tree has its bloc committee already (\"\(rootCode)\"); there is one root"))
    }
    if let parentCode = unit.parentCode, unit.kind != .blocCommittee, CodeSyntax.isValid(parentCode),
      parentCode != unit.code
    {
      problems += parentProblems(kind: unit.kind, parentCode: parentCode, on: unit.opened, field: "parent_code")
    }
    if let successor = unit.closed.flatMap({ _ in unit.successorCode.isEmpty ? nil : unit.successorCode }),
      unitsByCode[successor] == nil
    {
      problems.append(.notFound("successor_code", code: successor))
    }
    return problems
  }

  /// What ``move(_:under:effective:stamp:)`` would refuse, every problem, field by field (the
  /// fields of `MoveUnitRequest`).
  public func problems(moving code: String, under newParentCode: String, effective: CivilDate) -> [UnitTreeError] {
    guard let unit = unitsByCode[code] else { return [.notFound("code", code: code)] }
    var problems: [UnitTreeError] = []
    if unit.kind == .blocCommittee {
      problems.append(.precondition("code", "the bloc committee is the root and cannot move"))
    }
    if let closed = unit.closed {
      problems.append(.precondition("code", "unit \"\(code)\" is closed (from \(closed)); a closed unit does not move"))
    }
    if !effective.isSupported {
      problems.append(.invalid("effective", "\(effective) is not a date"))
    } else if effective < unit.opened {
      problems.append(.invalid("effective", "\(effective) is before the unit opened (\(unit.opened))"))
    } else if let lastMove = entries.last(where: { $0.unitCode == code && $0.change == .moved }),
      effective < lastMove.effective
    {
      problems.append(
        .precondition("effective", "\(effective) is before the unit's last recorded move (\(lastMove.effective))"))
    }
    if newParentCode == unit.parentCode {
      problems.append(.invalid("new_parent_code", "unit \"\(code)\" is already under \"\(newParentCode)\""))
    } else if isWithinSubtree(newParentCode, of: code) {
      problems.append(
        .precondition(
          "new_parent_code",
          newParentCode == code
            ? "a unit cannot be moved under itself"
            : "\"\(newParentCode)\" lies under \"\(code)\"; moving there would make a cycle"))
    } else if unit.kind != .blocCommittee {
      problems += parentProblems(kind: unit.kind, parentCode: newParentCode, on: effective, field: "new_parent_code")
    }
    return problems
  }

  /// What ``close(_:on:successorCode:stamp:)`` would refuse, every problem, field by field
  /// (the fields of `CloseUnitRequest`). A unit with open children is refused: its children
  /// must close or move first, so no open unit is ever left under a closed one.
  public func problems(closing code: String, on date: CivilDate, successorCode: String?) -> [UnitTreeError] {
    guard let unit = unitsByCode[code] else { return [.notFound("code", code: code)] }
    var problems: [UnitTreeError] = []
    if let closed = unit.closed {
      problems.append(.precondition("code", "unit \"\(code)\" is closed already (from \(closed))"))
    }
    if !date.isSupported {
      problems.append(.invalid("closed", "\(date) is not a date"))
    } else if date <= unit.opened {
      problems.append(.invalid("closed", "\(date) must come after the opening date \(unit.opened)"))
    }
    let openChildren = children(of: code).filter { child in child.closed.map { $0 > date } ?? true }
    if !openChildren.isEmpty {
      let names = openChildren.prefix(5).map(\.code).joined(separator: ", ")
      let more = openChildren.count > 5 ? " and \(openChildren.count - 5) more" : ""
      problems.append(
        .precondition(
          "closed", "unit \"\(code)\" still has open units under it on \(date) (\(names)\(more)); close or move them first"))
    }
    if let successorCode, !successorCode.isEmpty {
      if successorCode == code {
        problems.append(.invalid("successor_code", "a unit cannot succeed itself"))
      } else if let successor = unitsByCode[successorCode] {
        if successor.isClosed {
          problems.append(.precondition("successor_code", "unit \"\(successorCode)\" is closed; a successor must be open"))
        }
      } else {
        problems.append(.notFound("successor_code", code: successorCode))
      }
    }
    return problems
  }

  /// What ``update(_:effective:stamp:)`` would refuse, every problem, field by field.
  public func problems(updating unit: OrgUnit) -> [UnitTreeError] {
    guard let old = unitsByCode[unit.code] else { return [.notFound("code", code: unit.code)] }
    var problems = unit.validationProblems
    if unit.parentCode != old.parentCode {
      problems.append(.invalid("parent_code", "cannot change here; move the unit, which records the move"))
    }
    if unit.closed != old.closed || unit.successorCode != old.successorCode {
      problems.append(.invalid("closed", "cannot change here; close the unit, which records the closure"))
    }
    if unit.kind != old.kind {
      if unit.kind == .blocCommittee || old.kind == .blocCommittee {
        problems.append(.invalid("kind", "the bloc committee's kind cannot change, nor can a unit become the root"))
      } else {
        if let parent = old.parentCode.flatMap({ unitsByCode[$0] }), !unit.kind.fits(under: parent.kind) {
          problems.append(UnitTree.kindProblem(unit.kind, under: parent, field: "kind"))
        }
        for child in children(of: unit.code) where !child.kind.fits(under: unit.kind) {
          problems.append(
            .invalid("kind", "a \(unit.kind.vietnameseName) cannot hold \"\(child.code)\", a \(child.kind.vietnameseName)"))
          break
        }
      }
    }
    if unit.opened != old.opened {
      if let parent = old.parentCode.flatMap({ unitsByCode[$0] }), unit.opened < parent.opened {
        problems.append(.invalid("opened", "\(unit.opened) is before the parent \"\(parent.code)\" opened (\(parent.opened))"))
      }
      if let child = children(of: unit.code).first(where: { $0.opened < unit.opened }) {
        problems.append(.invalid("opened", "\(unit.opened) is after \"\(child.code)\" under it opened (\(child.opened))"))
      }
    }
    return problems
  }

  /// The problems of placing a unit of `kind` under `parentCode` on `date`.
  private func parentProblems(kind: UnitKind, parentCode: String, on date: CivilDate, field: String) -> [UnitTreeError] {
    guard let parent = unitsByCode[parentCode] else { return [.notFound(field, code: parentCode)] }
    var problems: [UnitTreeError] = []
    if let closed = parent.closed {
      problems.append(
        .precondition(field, "unit \"\(parentCode)\" is closed (from \(closed)); a closed unit takes no new units"))
    } else if date < parent.opened {
      problems.append(.precondition(field, "unit \"\(parentCode)\" opens on \(parent.opened), after \(date)"))
    }
    if !kind.fits(under: parent.kind) {
      problems.append(UnitTree.kindProblem(kind, under: parent, field: "kind"))
    }
    return problems
  }

  private static func kindProblem(_ kind: UnitKind, under parent: OrgUnit, field: String) -> UnitTreeError {
    let allowed = UnitKind.allCases.filter(kind.allowedParentKinds.contains).map(\.vietnameseName)
    return .invalid(
      field,
      "a \(kind.vietnameseName) may sit only under \(allowed.joined(separator: " or ")); \"\(parent.code)\" is a \(parent.kind.vietnameseName)"
    )
  }

  /// The `.proto` names of the attributes other than name, parent and closure that differ.
  static func changedAttributes(from old: OrgUnit, to new: OrgUnit) -> [String] {
    var changed: [String] = []
    if old.shortName != new.shortName { changed.append("short_name") }
    if old.kind != new.kind { changed.append("kind") }
    if old.organId != new.organId { changed.append("organ_id") }
    if old.hostName != new.hostName { changed.append("host_name") }
    if old.hostKind != new.hostKind { changed.append("host_kind") }
    if old.opened != new.opened { changed.append("opened") }
    return changed
  }

  private mutating func insertChild(_ code: String, under parent: String) {
    var siblings = childCodes[parent] ?? []
    var low = 0
    var high = siblings.count
    while low < high {
      let middle = (low + high) / 2
      if siblings[middle] < code { low = middle + 1 } else { high = middle }
    }
    siblings.insert(code, at: low)
    childCodes[parent] = siblings
  }

  private mutating func removeChild(_ code: String, from parent: String) {
    childCodes[parent]?.removeAll { $0 == code }
  }

  private mutating func record(
    _ code: String, _ change: UnitChangeKind, effective: CivilDate, stamp: ChangeStamp,
    fromParentCode: String? = nil, toParentCode: String? = nil, fromName: String? = nil, toName: String? = nil,
    successorCode: String? = nil, changedFields: [String] = []
  ) -> UnitHistoryEntry {
    let sequence = (lastSequence[code] ?? 0) + 1
    lastSequence[code] = sequence
    let entry = UnitHistoryEntry(
      sequence: sequence, unitCode: code, change: change, effective: effective, fromParentCode: fromParentCode,
      toParentCode: toParentCode, fromName: fromName, toName: toName, successorCode: successorCode,
      changedFields: changedFields, decision: stamp.decision, reason: stamp.reason, recordedBy: stamp.actor,
      recordedAt: stamp.at)
    entries.append(entry)
    return entry
  }
}
