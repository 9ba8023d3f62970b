/// The bloc's unit tree as a value: every unit, open or closed, and the history of their
/// changes (cây tổ chức).
///
/// The tree keeps its rules on every change and refuses, with the field at fault, what would
/// break them:
/// - codes are unique for ever, closed units included;
/// - there is one root, the bloc committee; every other unit's parent exists, is not closed,
///   and was open on the day the unit opened (or moved);
/// - a kind sits only under the kinds ``UnitKind/allowedParentKinds`` lists;
/// - a move never makes a cycle, and is recorded (from, to, effective date, who);
/// - a closed unit takes no new children (nor people: see ``PersonRoster``), and a unit with
///   open children cannot close.
///
/// Scope: a clerk acts for their unit and the units under it, which
/// ``isWithinSubtree(_:of:)`` answers.
///
/// ## Topics
/// - Reading: ``unit(_:)``, ``root``, ``children(of:)``, ``ancestors(of:)``,
///   ``descendants(of:)``, ``subtree(of:)``, ``depth(of:)``, ``treeOrder``, ``history(of:)``
/// - Changing: ``add(_:stamp:)``, ``move(_:under:effective:stamp:)``,
///   ``close(_:on:successorCode:stamp:)``, ``update(_:effective:stamp:)``
/// - Checking first: ``problems(adding:)``, ``problems(moving:under:effective:)``,
///   ``problems(closing:on:successorCode:)``, ``problems(updating:)``
public struct UnitTree: Sendable {
  /// Every unit, by code.
  public internal(set) var unitsByCode: [String: OrgUnit] = [:]
  /// Children's codes by parent code, each list sorted by code.
  var childCodes: [String: [String]] = [:]
  /// The bloc committee's code, once added.
  public internal(set) var rootCode: String?
  /// Every history entry, in the order recorded.
  public internal(set) var entries: [UnitHistoryEntry] = []
  /// The last sequence number given per unit.
  var lastSequence: [String: Int] = [:]

  /// An empty tree; add the bloc committee first.
  public init() {}

  /// A tree of `units` given in any order (parents are added before their children), each
  /// checked as ``add(_:stamp:)`` checks it and recorded as created. Closed units are added
  /// open, then closed, children first.
  public init(units: [OrgUnit], stamp: ChangeStamp) throws(UnitTreeError) {
    var byParent: [String: [OrgUnit]] = [:]
    var roots: [OrgUnit] = []
    for unit in units {
      if let parent = unit.parentCode { byParent[parent, default: []].append(unit) } else { roots.append(unit) }
    }
    var queue = roots
    var added: [OrgUnit] = []
    var next = 0
    while next < queue.count {
      let original = queue[next]
      next += 1
      var open = original
      open.closed = nil
      open.successorCode = ""
      try add(open, stamp: stamp)
      added.append(original)
      queue.append(contentsOf: byParent[original.code] ?? [])
    }
    if added.count < units.count {
      let stranded = units.first { unit in unitsByCode[unit.code] == nil }
      throw .notFound("parent_code", code: stranded?.parentCode ?? "")
    }
    for unit in added.reversed() {
      if let closed = unit.closed {
        try close(unit.code, on: closed, successorCode: unit.successorCode.isEmpty ? nil : unit.successorCode, stamp: stamp)
      }
    }
  }

  /// The number of units, open and closed.
  public var count: Int { unitsByCode.count }
}
