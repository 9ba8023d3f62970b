import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

/// The inspection's date fields: ReformModule's `CivilDate(wire:field:years:explanation:)`
/// within the years the working-day calendar is computed for
/// (``WorkingCalendar/supportedYears``), so that no leave, blackout or window spans centuries
/// of days for the planner to walk.
extension CivilDate {
  /// The day `date` names.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `field` when the day does not exist or lies outside
  ///   ``WorkingCalendar/supportedYears``.
  init(_ date: CalendarDate, field: String) throws(FieldError) {
    let years = WorkingCalendar.supportedYears
    try self.init(
      wire: date, field: field, years: years, explanation: " of the years \(years.lowerBound)–\(years.upperBound)")
  }

  /// The day `date` names; `date` is required.
  init(required date: CalendarDate?, field: String) throws(FieldError) {
    guard let date else { throw FieldError.invalid(field, "required") }
    try self.init(date, field: field)
  }
}
