/// How far a role's permission for a method reaches across units.
public enum UnitScope: Sendable, Hashable {
  /// Any unit of the bloc: operators, inspectors, administrators.
  case anyUnit
  /// Only the principal's own unit (`Principal.unit_code`): a clerk sends as, reads the inbox
  /// of, and reports for their unit alone. The module that handles the call enforces it, from
  /// the unit that ``AccessDecision/allow(ownUnit:)`` names.
  case ownUnit
}
