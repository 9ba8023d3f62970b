extension UnitTree {
  /// The unit with this code, open or closed.
  public func unit(_ code: String) -> OrgUnit? { unitsByCode[code] }

  /// The bloc committee.
  public var root: OrgUnit? { rootCode.flatMap { unitsByCode[$0] } }

  /// The units directly under `code`, by code.
  public func children(of code: String) -> [OrgUnit] {
    (childCodes[code] ?? []).compactMap { unitsByCode[$0] }
  }

  /// The units above `code`, the root first and its parent last; empty for the root or an
  /// unknown code.
  public func ancestors(of code: String) -> [OrgUnit] {
    var chain: [OrgUnit] = []
    var current = unitsByCode[code]?.parentCode
    while let parent = current, let unit = unitsByCode[parent] {
      chain.append(unit)
      current = unit.parentCode
    }
    return chain.reversed()
  }

  /// The units below `code` at any depth, in tree order (each before its children, siblings
  /// by code), without `code` itself.
  public func descendants(of code: String) -> [OrgUnit] {
    var result: [OrgUnit] = []
    var stack = (childCodes[code] ?? []).reversed().map { $0 }
    while let next = stack.popLast() {
      guard let unit = unitsByCode[next] else { continue }
      result.append(unit)
      stack.append(contentsOf: (childCodes[next] ?? []).reversed())
    }
    return result
  }

  /// `code` and every unit below it, in tree order: the scope of a clerk of `code`.
  public func subtree(of code: String) -> [OrgUnit] {
    guard let unit = unitsByCode[code] else { return [] }
    return [unit] + descendants(of: code)
  }

  /// Whether `code` is `ancestorCode` or lies anywhere below it. This is how unit scope is
  /// enforced: a clerk of `ancestorCode` acts for `code` exactly when this holds.
  public func isWithinSubtree(_ code: String, of ancestorCode: String) -> Bool {
    var current: String? = code
    while let candidate = current, let unit = unitsByCode[candidate] {
      if candidate == ancestorCode { return true }
      current = unit.parentCode
    }
    return false
  }

  /// Whether `actor` may act for `code`: bloc-wide principals (admin, operator, or no unit)
  /// for any unit, anyone else for their own unit's subtree.
  public func actor(_ actor: ActorRef, actsFor code: String) -> Bool {
    guard let own = actor.unitCode, !actor.isBlocWideOperator else { return true }
    return isWithinSubtree(code, of: own)
  }

  /// Edges from the root: 0 for the bloc committee; `nil` for an unknown code.
  public func depth(of code: String) -> Int? {
    guard unitsByCode[code] != nil else { return nil }
    return ancestors(of: code).count
  }

  /// Every unit, each before its children, siblings by code.
  public var treeOrder: [OrgUnit] {
    guard let rootCode else { return [] }
    return subtree(of: rootCode)
  }

  /// The recorded changes of one unit, oldest first.
  public func history(of code: String) -> [UnitHistoryEntry] {
    entries.filter { $0.unitCode == code }
  }
}
