import GRPCCore
import ReformKit
import ReformModule
import ReformWire
import RegistryDomain

/// The registry's date fields: ReformModule's `CivilDate(wire:field:years:explanation:)` within
/// ``CivilDate/supportedYears``, refused in the registry's words.
extension CivilDate {
  /// The date a `CalendarDate` names.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for a year outside ``CivilDate/supportedYears``
  ///   (1900–2200), month 0, day 0 or a day that does not exist.
  init(wire date: CalendarDate, field: String) throws(RPCError) {
    do {
      try self.init(
        wire: date, field: field, years: CivilDate.supportedYears,
        explanation: "; give a year \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound), a month 1–12 and a day of that month")
    } catch {
      throw error.rpcError
    }
  }

  /// The date, or `nil` when the field is unset.
  static func optional(_ date: CalendarDate?, field: String) throws(RPCError) -> CivilDate? {
    guard let date else { return nil }
    return try CivilDate(wire: date, field: field)
  }

  /// The date of a field that must be set.
  static func required(_ date: CalendarDate?, field: String, what: String) throws(RPCError) -> CivilDate {
    guard let date else { throw RPCError.invalid(field, "is required: \(what)") }
    return try CivilDate(wire: date, field: field)
  }
}
