import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension InspectionHandlers {
  /// GetCalendar: the year's days, with the loaded notice unless `ignore_notice`.
  func getCalendar(_ request: InspectionGetCalendarRequest, _ context: JobContext) async throws -> InspectionCalendar {
    try InspectionLimits.checkYear(request.year, field: "year")
    let year = Int(request.year)
    let dates = try request.dates.map { dates in try CivilDateRange(dates, field: "dates") }
    if let dates {
      for (end, field) in [(dates.first, "dates.first"), (dates.last, "dates.last")] where end.year != year {
        throw FieldError.invalid(field, "\(end) is not in \(year)")
      }
    }
    let notice = request.ignoreNotice ? nil : try await store.notice(year: year)
    context.audit.record(target: "calendar \(year)")
    return try calendar(year: year, notice: notice).wire(dates: dates, notice: notice)
  }

  /// LoadCalendarNotice: checks the notice against its year, stores it in place of any earlier
  /// one, and answers the calendar it gives.
  func loadCalendarNotice(_ request: InspectionLoadCalendarNoticeRequest, _ context: JobContext) async throws
    -> InspectionCalendar
  {
    guard var notice = request.notice else { throw FieldError.invalid("notice", "required") }
    try InspectionLimits.checkYear(notice.year, field: "notice.year")
    notice.loadedAt = Timestamp(now())
    notice.loadedBy = Self.callerID(context)
    let calendar = try calendar(year: Int(notice.year), notice: notice)
    try await store.saveNotice(notice)
    context.audit.record(target: "calendar notice \(notice.year)")
    return calendar.wire(dates: nil, notice: notice)
  }

  /// RemoveCalendarNotice: back to the computed calendar; removing what is not there is not an
  /// error, so a repeat answers the same.
  func removeCalendarNotice(_ request: InspectionRemoveCalendarNoticeRequest, _ context: JobContext) async throws
    -> InspectionCalendar
  {
    try InspectionLimits.checkYear(request.year, field: "year")
    let year = Int(request.year)
    try await store.removeNotice(year: year)
    context.audit.record(target: "calendar notice \(year)")
    return try calendar(year: year, notice: nil).wire(dates: nil, notice: nil)
  }
}
