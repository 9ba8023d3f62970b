import Foundation
import GRPCCore
import ReformModule
import ReformWire

/// Who a call acts for, and the stamp it leaves.
enum Acting {
  /// The unit a call acts for: `requested` when given, else the caller's own unit; nil when
  /// neither names one (an administrator or inspector acting for the whole bloc).
  static func unit(_ requested: String, _ context: JobContext) -> String? {
    if !requested.isEmpty { return requested }
    if let own = context.caller?.unitCode, !own.isEmpty { return own }
    return context.ownUnitLimit
  }

  /// The unit a call acts for after the scope check: a clerk limited to their own unit asking
  /// about another one is PERMISSION_DENIED before anything else happens.
  static func scopedUnit(_ requested: String, field: String, _ context: JobContext) throws(RPCError) -> String? {
    let unit = unit(requested, context)
    try context.requireScope(over: unit ?? "", field: field)
    return unit
  }

  /// Like ``scopedUnit(_:field:_:)``, for calls that must act for a unit.
  static func requiredUnit(_ requested: String, field: String, _ context: JobContext) throws(RPCError) -> String {
    guard let unit = try scopedUnit(requested, field: field, context) else {
      throw FieldError.invalid(field, "required: the caller belongs to no unit, so name the unit to act for").rpcError
    }
    return unit
  }

  /// The caller's id and display name, empty when calls carry no identity.
  static func principal(_ context: JobContext) -> (id: String, displayName: String) {
    (context.caller?.id ?? "", context.caller?.displayName ?? "")
  }
}
