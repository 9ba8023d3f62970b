import ReformKit
import ReformWire

extension CivilDate {
  /// The date `date` names, as given: ``CivilDate/isValid`` says whether it exists, for a
  /// domain that collects that refusal with its others.
  public init(wire date: CalendarDate) {
    self.init(Int(date.year), Int(date.month), Int(date.day))
  }

  /// The date `date` names, refused when it does not exist or its year lies outside `years`.
  ///
  /// Each module words what it accepts in its own refusal: the message reads
  /// `<year>-<month>-<day> is not a date<explanation>`, with the numbers as they came.
  ///
  /// - Throws: ``FieldError/invalid(_:_:)`` naming `field`.
  public init(
    wire date: CalendarDate, field: String, years: ClosedRange<Int> = CivilDate.validYears, explanation: String
  ) throws(FieldError) {
    let civil = CivilDate(wire: date)
    guard civil.isValid, years.contains(civil.year) else {
      throw FieldError.invalid(field, "\(date.year)-\(date.month)-\(date.day) is not a date\(explanation)")
    }
    self = civil
  }

  /// The date on the wire. A valid date's numbers fit in 32 bits; anything larger is clamped
  /// rather than trapping.
  public var wire: CalendarDate {
    CalendarDate(year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day))
  }
}

extension CalendarDate {
  /// `YYYY-MM-DD`, as dates are stored and named in refusals: ``CivilDate/iso`` of the date as
  /// given, checked or not.
  public var iso: String { CivilDate(wire: self).iso }
}
