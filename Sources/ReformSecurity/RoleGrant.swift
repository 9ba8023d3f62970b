import ReformWire

/// One role's permission to call a method, and over which units (``UnitScope``).
///
/// The static members are the vocabulary of ``AccessPolicy/reform``: `.admin`, `.operator`,
/// `.inspector`, `.viewer` reach every unit; ``clerkOwnUnit`` only the clerk's own.
public struct RoleGrant: Sendable, Hashable, CustomStringConvertible {
  /// The role granted.
  public var role: Role
  /// Over which units.
  public var scope: UnitScope

  /// A grant of `role` over `scope`.
  public init(_ role: Role, scope: UnitScope) {
    self.role = role
    self.scope = scope
  }

  /// Administrators, over every unit.
  public static let admin = RoleGrant(.admin, scope: .anyUnit)
  /// Operators, over every unit.
  public static let `operator` = RoleGrant(.operator, scope: .anyUnit)
  /// Inspectors, over every unit: inspection covers the whole bloc.
  public static let inspector = RoleGrant(.inspector, scope: .anyUnit)
  /// Viewers, over every unit: they read summaries, never change anything.
  public static let viewer = RoleGrant(.viewer, scope: .anyUnit)
  /// Clerks, for their own unit only.
  public static let clerkOwnUnit = RoleGrant(.clerk, scope: .ownUnit)
  /// Clerks, over every unit: for reads that carry nothing of one unit's own.
  public static let clerk = RoleGrant(.clerk, scope: .anyUnit)

  /// Reform's modules reading one another's data with the service token, over every unit.
  public static let service = RoleGrant(.service, scope: .anyUnit)

  /// Every role, each over every unit: "any authenticated principal".
  public static let everyRole: [RoleGrant] = [.admin, .operator, .clerk, .inspector, .viewer]

  /// `admin`, or `clerk (own unit)`.
  public var description: String {
    scope == .ownUnit ? "\(role.name) (own unit)" : role.name
  }
}
