/// Who acts: the principal the coordinator resolved from the caller's token, as `Principal`
/// in `common.proto`. Recorded in histories and workflow transitions.
public struct ActorRef: Sendable, Hashable, Codable {
  /// Stable identifier of the principal.
  public var id: String
  /// Name shown to people, e.g. "Văn thư Sở Nội vụ".
  public var displayName: String
  /// The unit the principal acts for; `nil` for bloc-wide principals.
  public var unitCode: String?
  /// The principal's roles.
  public var roles: Set<ActorRole>

  /// Makes a principal.
  public init(id: String, displayName: String = "", unitCode: String? = nil, roles: Set<ActorRole> = []) {
    self.id = id
    self.displayName = displayName
    self.unitCode = unitCode
    self.roles = roles
  }

  /// Whether the principal administers or operates the whole system.
  public var isBlocWideOperator: Bool { roles.contains(.admin) || roles.contains(.operator) }
}
