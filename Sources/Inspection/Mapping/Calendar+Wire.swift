import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension DayKind {
  /// The kind a notice line gives; `UNSPECIFIED` and unknown values are refused.
  init(_ kind: InspectionDayKind, field: String) throws {
    switch kind {
    case .working: self = .working
    case .weekend: self = .weekend
    case .holiday: self = .holiday
    case .compensatingDayOff: self = .compensatingDayOff
    case .swappedDayOff: self = .swappedDayOff
    case .swappedWorkingSaturday: self = .swappedWorkingSaturday
    case .unspecified:
      throw FieldError.invalid(
        field, "required: HOLIDAY, COMPENSATING_DAY_OFF, SWAPPED_DAY_OFF, SWAPPED_WORKING_SATURDAY or WORKING")
    default: throw FieldError.invalid(field, "\(kind.rawValue) is not a day kind")
    }
  }

  /// The kind on the wire.
  var wire: InspectionDayKind {
    switch self {
    case .working: .working
    case .weekend: .weekend
    case .holiday: .holiday
    case .compensatingDayOff: .compensatingDayOff
    case .swappedDayOff: .swappedDayOff
    case .swappedWorkingSaturday: .swappedWorkingSaturday
    }
  }
}

extension CalendarNotice {
  /// The notice a request carries, each line checked for what the wire alone can get wrong
  /// (dates that do not exist, kinds left unset, over-long texts); whether it fits its year is
  /// for ``WorkingCalendar`` to check. `loaded_at` and `loaded_by` are the service's and are
  /// ignored.
  init(_ notice: InspectionCalendarNotice, field: String) throws {
    guard notice.year != 0 else { throw FieldError.invalid("\(field).year", "required") }
    try InspectionLimits.checkCount(notice.days.count, field: "\(field).days", limit: InspectionLimits.maxNoticeDays)
    var days: [DayOverride] = []
    for (i, line) in notice.days.enumerated() {
      let lineField = "\(field).days[\(i)]"
      try InspectionLimits.checkText(line.name, field: "\(lineField).name", limit: InspectionLimits.maxNameLength)
      try InspectionLimits.checkText(line.note, field: "\(lineField).note", limit: InspectionLimits.maxNoteLength)
      days.append(
        DayOverride(
          date: try CivilDate(required: line.date, field: "\(lineField).date"),
          kind: try DayKind(line.kind, field: "\(lineField).kind"), name: line.name, note: line.note))
    }
    self.init(
      year: Int(notice.year),
      source: try notice.source.map { source in try ReformKit.SourceRef(source, field: "\(field).source") }
        ?? ReformKit.SourceRef(document: ""),
      days: days)
  }

  /// The notice on the wire, as loaded at `loadedAt` by `loadedBy`.
  func wire(loadedAt: Timestamp, loadedBy: String) -> InspectionCalendarNotice {
    InspectionCalendarNotice(
      year: Int32(clamping: year), source: source.wire,
      days: days.map { InspectionDayOverride(date: $0.date.wire, kind: $0.kind.wire, name: $0.name, note: $0.note) },
      loadedAt: loadedAt, loadedBy: loadedBy)
  }
}

extension WorkingCalendar {
  /// The calendar on the wire: the days of `dates` (every day of the year when `nil`), the
  /// working days among them, and `notice` as stored, when one was applied.
  func wire(dates: CivilDateRange?, notice: InspectionCalendarNotice?) -> InspectionCalendar {
    let shown = days.filter { dates?.contains($0.date) ?? true }
    return InspectionCalendar(
      year: Int32(clamping: year),
      days: shown.map { day in
        InspectionCalendarDay(
          date: day.date.wire, kind: day.kind.wire, working: day.isWorking, name: day.name,
          lunar: InspectionLunarDate(
            year: Int32(clamping: day.lunar.year), month: Int32(clamping: day.lunar.month),
            day: Int32(clamping: day.lunar.day), leapMonth: day.lunar.isLeapMonth),
          source: day.source == .notice ? .notice : .computed)
      },
      workingDayCount: Int32(clamping: shown.count { $0.isWorking }),
      notice: self.notice == nil ? nil : notice,
      sources: rules.sources.map(\.wire))
  }
}
