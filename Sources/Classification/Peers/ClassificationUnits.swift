import ClassificationDomain

/// The bloc's units as the classification module sees them at one moment: each unit's parent
/// and, where known, its name. Runs and summaries over "a unit and everything under it", and
/// the check that a clerk acts only within their own unit, read it.
///
/// ## Topics
/// - ``tree``, ``names``
/// - ``isUnder(_:_:)``, ``subtree(of:)``, ``children(of:)``
public struct ClassificationUnits: Sendable {
  /// Each unit's parent; a root has none.
  public let tree: UnitTree
  /// Unit names by code, where known.
  public let names: [String: String]

  /// Units whose parents are `parents`, named by `names`.
  public init(parents: [String: String], names: [String: String] = [:]) {
    tree = UnitTree(parents: parents)
    self.names = names
  }

  /// Whether `unitCode` lies strictly under `ancestor`. A cycle in the data cannot loop: the
  /// walk stops after as many steps as there are units.
  public func isUnder(_ unitCode: String, _ ancestor: String) -> Bool {
    var current = unitCode
    var steps = 0
    while let parent = tree.parents[current], steps <= tree.parents.count {
      if parent == ancestor { return true }
      current = parent
      steps += 1
    }
    return false
  }

  /// `root` and every unit under it.
  public func subtree(of root: String) -> Set<String> { tree.subtree(of: root) }

  /// The units directly under `unitCode`, sorted.
  public func children(of unitCode: String) -> [String] { tree.children(of: unitCode) }

  /// The units with no parent, sorted: the tops of the bloc.
  public var roots: [String] {
    let children = Set(tree.parents.keys)
    return Set(tree.parents.values).subtracting(children).sorted()
  }
}
