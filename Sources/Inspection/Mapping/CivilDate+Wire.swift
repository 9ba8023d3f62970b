import InspectionDomain
import ReformModule
import ReformWire

extension CivilDate {
  /// The years a date on the wire may name: those the working-day calendar is computed for
  /// (``WorkingCalendar/supportedYears``), so that no leave, blackout or window spans
  /// centuries of days for the planner to walk.
  static let wireYears = Int32(WorkingCalendar.supportedYears.lowerBound)...Int32(WorkingCalendar.supportedYears.upperBound)

  /// The day `date` names.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming `field` when the day does not exist or lies outside
  ///   ``wireYears``.
  init(_ date: CalendarDate, field: String) throws {
    guard Self.wireYears.contains(date.year),
      let day = CivilDate(year: Int(date.year), month: Int(date.month), day: Int(date.day))
    else {
      throw FieldError.invalid(
        field,
        "\(date.year)-\(date.month)-\(date.day) is not a date of the years \(Self.wireYears.lowerBound)–\(Self.wireYears.upperBound)")
    }
    self = day
  }

  /// The day `date` names; `date` is required.
  init(required date: CalendarDate?, field: String) throws {
    guard let date else { throw FieldError.invalid(field, "required") }
    try self.init(date, field: field)
  }

  /// The date on the wire.
  var wire: CalendarDate {
    CalendarDate(year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day))
  }
}

extension CivilDateRange {
  /// The days `range` names, both ends required, the last not before the first.
  init(_ range: DateRange, field: String) throws {
    let first = try CivilDate(required: range.first, field: "\(field).first")
    let last = try CivilDate(required: range.last, field: "\(field).last")
    guard let days = CivilDateRange(first: first, last: last) else {
      throw FieldError.invalid("\(field).last", "\(last) is before the first day \(first)")
    }
    self = days
  }

  /// The days of a required range.
  init(required range: DateRange?, field: String) throws {
    guard let range else { throw FieldError.invalid(field, "required") }
    try self.init(range, field: field)
  }

  /// The range on the wire.
  var wire: DateRange { DateRange(first: first.wire, last: last.wire) }
}

extension SourceReference {
  /// The source a `SourceRef` names.
  init(_ source: SourceRef, field: String) throws {
    try InspectionLimits.checkText(source.document, field: "\(field).document", limit: InspectionLimits.maxNoteLength)
    try InspectionLimits.checkText(source.article, field: "\(field).article", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkText(source.note, field: "\(field).note", limit: InspectionLimits.maxNoteLength)
    self.init(
      document: source.document, article: source.article,
      issued: try source.issued.map { date in try CivilDate(date, field: "\(field).issued") },
      note: source.note)
  }

  /// The source on the wire.
  var wire: SourceRef { SourceRef(document: document, article: article, issued: issued?.wire, note: note) }
}
