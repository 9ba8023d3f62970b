extension OrgUnit {
  /// The problems of the unit on its own, without looking at the tree, one per field at fault,
  /// in field order; empty when the unit is well formed.
  ///
  /// Codes follow ``CodeSyntax``; an OrganId is four dot-separated groups of 3, 2, 2 and 3
  /// ASCII letters or digits (`000.00.00.H41`, QCVN 102:2016/BTTTT); the bloc committee has no
  /// parent and every other unit has one; a closing date comes after the opening date.
  public var validationProblems: [UnitTreeError] {
    var problems: [UnitTreeError] = []
    if !CodeSyntax.isValid(code) {
      problems.append(.invalid("code", CodeSyntax.problem(with: code)))
    }
    if name.normalizedText.isEmpty {
      problems.append(.invalid("name", "is required: the unit's full Vietnamese name"))
    }
    if !opened.isSupported {
      problems.append(.invalid("opened", "\(opened) is not a date"))
    }
    switch (kind, parentCode) {
    case (.blocCommittee, let parent?):
      problems.append(.invalid("parent_code", "must be empty for the bloc committee, the root; got \"\(parent)\""))
    case (.blocCommittee, nil):
      break
    case (_, nil):
      problems.append(.invalid("parent_code", "is required for a \(kind.vietnameseName)"))
    case (_, let parent?):
      if !CodeSyntax.isValid(parent) {
        problems.append(.invalid("parent_code", CodeSyntax.problem(with: parent)))
      } else if parent == code {
        problems.append(.invalid("parent_code", "a unit cannot be its own parent"))
      }
    }
    if !organId.isEmpty && !OrgUnit.isValidOrganId(organId) {
      problems.append(
        .invalid("organ_id", "\"\(organId)\" must look like 000.00.00.H41: groups of 3, 2, 2 and 3 letters or digits"))
    }
    if let closed {
      if !closed.isSupported {
        problems.append(.invalid("closed", "\(closed) is not a date"))
      } else if closed <= opened {
        problems.append(.invalid("closed", "\(closed) must come after the opening date \(opened)"))
      }
    }
    if !successorCode.isEmpty {
      if closed == nil {
        problems.append(.invalid("successor_code", "is only for a closed unit; set `closed` too"))
      } else if !CodeSyntax.isValid(successorCode) {
        problems.append(.invalid("successor_code", CodeSyntax.problem(with: successorCode)))
      } else if successorCode == code {
        problems.append(.invalid("successor_code", "a unit cannot succeed itself"))
      }
    }
    return problems
  }

  /// Whether `organId` is four dot-separated groups of 3, 2, 2 and 3 ASCII letters or digits.
  public static func isValidOrganId(_ organId: String) -> Bool {
    let groups = organId.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard groups.map(\.count) == [3, 2, 2, 3] else { return false }
    return groups.allSatisfy { group in
      group.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) }
    }
  }

  /// The unit with its names in NFC and surrounding blanks removed from every text field.
  public var normalized: OrgUnit {
    var unit = self
    unit.code = code.normalizedText
    unit.name = name.normalizedText
    unit.shortName = shortName.normalizedText
    unit.parentCode = parentCode.map(\.normalizedText)
    unit.organId = organId.normalizedText
    unit.hostName = hostName.normalizedText
    unit.successorCode = successorCode.normalizedText
    return unit
  }
}
