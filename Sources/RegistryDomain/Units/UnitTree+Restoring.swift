extension UnitTree {
  /// The tree as a store kept it: its units, open and closed, and the history recorded for
  /// them, taken as they are.
  ///
  /// The rules of each change were checked when it was made, and a unit's past (e.g. a move
  /// under a parent that opened later) cannot be checked again against today's tree, so this
  /// checks only that the units make a tree: one root, every parent present, no cycle.
  ///
  /// - Parameter history: every entry, in the order recorded.
  /// - Throws: ``UnitTreeError`` when the units do not make a tree.
  public init(restoring units: [OrgUnit], history: [UnitHistoryEntry]) throws(UnitTreeError) {
    self.init()
    for unit in units {
      guard unitsByCode.updateValue(unit, forKey: unit.code) == nil else {
        throw UnitTreeError(.alreadyExists, field: "code", "unit \"\(unit.code)\" is stored twice")
      }
    }
    for unit in units {
      if let parent = unit.parentCode {
        guard unitsByCode[parent] != nil else { throw .notFound("parent_code", code: parent) }
        childCodes[parent, default: []].append(unit.code)
      } else if let root = rootCode {
        throw UnitTreeError(
          .alreadyExists, field: "parent_code", "units \"\(root)\" and \"\(unit.code)\" are both stored as the root")
      } else {
        rootCode = unit.code
      }
    }
    for parent in childCodes.keys { childCodes[parent]?.sort() }
    for unit in units {
      var steps = 0
      var current = unit.parentCode
      while let parent = current {
        steps += 1
        guard steps <= units.count else {
          throw .precondition("parent_code", "unit \"\(unit.code)\" is stored on a cycle of parents")
        }
        current = unitsByCode[parent]?.parentCode
      }
    }
    entries = history
    for entry in history { lastSequence[entry.unitCode] = max(lastSequence[entry.unitCode] ?? 0, entry.sequence) }
  }
}
