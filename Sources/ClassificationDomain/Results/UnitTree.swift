/// The units of the bloc as a tree (cây đơn vị): each unit's parent, so that a summary can
/// cover a unit and everything under it.
public struct UnitTree: Sendable, Hashable {
  /// Each unit's parent; a root has none.
  public let parents: [String: String]
  private let children: [String: [String]]

  /// The tree given by each child's parent code.
  public init(parents: [String: String]) {
    self.parents = parents
    var children: [String: [String]] = [:]
    for (child, parent) in parents { children[parent, default: []].append(child) }
    self.children = children.mapValues { $0.sorted() }
  }

  /// The units directly under `unitCode`, sorted.
  public func children(of unitCode: String) -> [String] { children[unitCode] ?? [] }

  /// `root` and every unit under it. A cycle in the data cannot loop: each unit is visited once.
  public func subtree(of root: String) -> Set<String> {
    var seen: Set<String> = [root]
    var pending = [root]
    while let unit = pending.popLast() {
      for child in children(of: unit) where seen.insert(child).inserted { pending.append(child) }
    }
    return seen
  }
}
