extension UnitKind {
  /// The kinds a unit of this kind may sit directly under (the rule `unit.proto` states).
  ///
  /// | kind | may sit directly under |
  /// |---|---|
  /// | bloc committee (Đảng ủy Khối) | nothing: the one root |
  /// | grassroots committee (đảng bộ cơ sở) | the bloc committee |
  /// | grassroots cell (chi bộ cơ sở) | the bloc committee |
  /// | partial committee (đảng bộ bộ phận) | a grassroots committee |
  /// | subordinate cell (chi bộ trực thuộc) | a grassroots committee or a partial committee |
  ///
  /// A grassroots cell and a subordinate cell hold no units under them.
  public var allowedParentKinds: Set<UnitKind> {
    switch self {
    case .blocCommittee: return []
    case .grassrootsCommittee, .grassrootsCell: return [.blocCommittee]
    case .partialCommittee: return [.grassrootsCommittee]
    case .subordinateCell: return [.grassrootsCommittee, .partialCommittee]
    }
  }

  /// Whether a unit of this kind may sit directly under a unit of `parent`'s kind.
  public func fits(under parent: UnitKind) -> Bool { allowedParentKinds.contains(parent) }
}
