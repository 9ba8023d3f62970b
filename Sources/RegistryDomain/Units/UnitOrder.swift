import ReformKit

/// The tree as it stood on a date: each unit's parent then (today's parent with the moves
/// effective after the date undone) and the units in tree order (parents before children,
/// siblings by code).
public struct UnitOrder: Sendable {
  /// Each unit's parent on the date; the root has none.
  public private(set) var parent: [String: String] = [:]
  /// Every unit in tree order.
  public private(set) var order: [String] = []
  private var children: [String: [String]] = [:]

  /// The tree of `tree` as it stood on `date`; as it stands when `date` is `nil`.
  public static func placed(_ tree: UnitTree, on date: CivilDate?) -> UnitOrder {
    var placed = UnitOrder()
    for unit in tree.unitsByCode.values {
      if let parent = unit.parentCode { placed.parent[unit.code] = parent }
    }
    if let date {
      // Moves are recorded in the order of their effective dates, so undoing those after the
      // date, latest first, leaves each unit under its parent of that day.
      for entry in tree.entries.reversed() where entry.change == .moved && entry.effective > date {
        placed.parent[entry.unitCode] = entry.fromParentCode
      }
    }
    for (child, parent) in placed.parent { placed.children[parent, default: []].append(child) }
    for parent in placed.children.keys { placed.children[parent]?.sort() }
    if let root = tree.rootCode { placed.order = placed.subtree(of: root) }
    return placed
  }

  /// `code` and every unit under it, in tree order.
  public func subtree(of code: String) -> [String] {
    var result: [String] = []
    var stack = [code]
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: (children[next] ?? []).reversed())
    }
    return result
  }
}
