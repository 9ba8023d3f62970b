import GRPCCore
import RegistryDomain
import ReformWire

extension CivilDate {
  /// The date a `CalendarDate` names.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for a year outside ``CivilDate/supportedYears``
  ///   (1900–2200), month 0, day 0 or a day that does not exist.
  init(wire date: CalendarDate, field: String) throws(RPCError) {
    guard let civil = CivilDate(validating: Int(date.year), month: Int(date.month), day: Int(date.day)) else {
      throw RPCError.invalid(
        field, "\(date.year)-\(date.month)-\(date.day) is not a date; give a year \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound), a month 1–12 and a day of that month")
    }
    self = civil
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

  /// The date on the wire.
  var wire: CalendarDate {
    CalendarDate(year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day))
  }
}
