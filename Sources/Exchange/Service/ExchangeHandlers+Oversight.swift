import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformWire

extension ExchangeHandlers {
  /// ListOverdue: copies past their due date without 06 on the day asked (today by default),
  /// by receiving unit then most overdue first, with each unit's total over all pages.
  func listOverdue(_ request: ExchangeListOverdueRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeListOverdueResponse
  {
    let unitCodes = try Self.scopedUnits(request.unitCodes, context, field: "unit_codes")
    let cursor = try PageCursor(request.page, list: "overdue")
    let asOf = try request.asOf.map { date throws(RPCError) in try date.civil(field: "as_of") } ?? today
    var after: (String, String, Int64)?
    if let key = cursor.after {
      let seq = try cursor.integer(at: 2)
      after = (key[0], key[1], seq)
    }
    let query = OverdueQuery(unitCodes: unitCodes, asOf: asOf, pageSize: cursor.size, after: after)
    let (page, totals) = try await guarded("ListOverdue") { try await store.overdue(query) }
    context.audit.record(target: "overdue \(asOf)", unit: unitCodes.count == 1 ? unitCodes[0] : "")
    let today = self.today
    return ExchangeListOverdueResponse(
      items: try page.items.map { row throws(RPCError) in
        ExchangeOverdueItem(
          incoming: try Self.incoming(row, today: today),
          daysOverdue: Int32(
            clamping: OverdueRule.daysOverdue(row.delivery, dueDate: row.document.record.dueDate, asOf: asOf)))
      },
      totals: totals.map { ExchangeOverdueTotal(unitCode: $0.0, overdue: Int64($0.1)) },
      page: cursor.response(
        hasMore: page.hasMore,
        lastKey: page.items.last.flatMap { last in
          last.delivery.deliverySeq.map { [last.delivery.receiverUnit, last.document.record.dueDate ?? "", String($0)] }
        },
        totalCount: page.totalCount))
  }

  /// CountDocuments: per unit and period, the exchange's part of indicator 3a; units as they
  /// are, not summed up the tree.
  ///
  /// A caller that sends `units` (the registry computing indicators) names each unit with its
  /// OrganId, and no directory is read. A caller that sends only `unit_codes`, or nothing (every
  /// unit), is answered from the directory in the module's own store, never the registry's:
  /// the registry is the caller that waits on this method, so reading it here would be a loop.
  func countDocuments(_ request: ExchangeCountDocumentsRequest, _ context: JobContext) async throws(RPCError)
    -> ExchangeCountDocumentsResponse
  {
    guard request.units.isEmpty || request.unitCodes.isEmpty else {
      throw FieldError.invalid("unit_codes", "must be empty when units are given").rpcError
    }
    var unitCodes =
      request.units.isEmpty
      ? try Self.scopedUnits(request.unitCodes, context, field: "unit_codes")
      : try Self.scopedUnits(request.units.map(\.unitCode), context, field: "units", member: ".unit_code")
    guard let period = request.period else { throw FieldError.invalid("period", "required").rpcError }
    let days = try Self.days(of: period)
    var organs: [String: String] = [:]
    if !request.units.isEmpty {
      for (index, unit) in request.units.enumerated() {
        try ExchangeLimits.requireKey(unit.organId, field: "units[\(index)].organ_id")
        organs[unit.unitCode] = unit.organId
      }
    } else if unitCodes.isEmpty {
      let all = try await guarded("CountDocuments") { try await store.allOrgans() }
      unitCodes = all.map(\.unitCode)
      for unit in all { organs[unit.unitCode] = unit.organId }
    } else {
      for unit in unitCodes {
        organs[unit] = try await guarded("CountDocuments", { try await store.organ(forUnit: unit)?.organId })
      }
    }
    let overdueDay = min(days.upperBound, today)
    let counts = try await guarded("CountDocuments") {
      try await store.counts(unitCodes: unitCodes, days: days, overdueDay: overdueDay)
    }
    context.audit.record(target: "counts \(days.lowerBound)…\(days.upperBound)", unit: unitCodes.count == 1 ? unitCodes[0] : "")
    return ExchangeCountDocumentsResponse(
      counts: unitCodes.map { unit in
        let count = counts[unit] ?? UnitCounts()
        return ExchangeUnitCount(
          unitCode: unit, organId: organs[unit] ?? "", period: period, sent: Int64(count.sent),
          received: Int64(count.received), completed: Int64(count.completed), refused: Int64(count.refused),
          recalled: Int64(count.recalled), overdue: Int64(count.overdue))
      })
  }

  /// The units asked for (in `field`, each entry's code in `member`), each checked against the
  /// caller's scope; a caller limited to their own unit who names none gets theirs.
  private static func scopedUnits(
    _ requested: [String], _ context: JobContext, field: String, member: String = ""
  ) throws(RPCError) -> [String] {
    try ExchangeLimits.checkCount(requested.count, field: field, max: ExchangeLimits.maxEntries)
    if requested.isEmpty, let own = context.ownUnitLimit { return [own] }
    var seen: Set<String> = []
    var units: [String] = []
    for (index, unit) in requested.enumerated() {
      try context.requireScope(over: unit, field: "\(field)[\(index)]\(member)")
      try ExchangeLimits.requireKey(unit, field: "\(field)[\(index)]\(member)")
      if seen.insert(unit).inserted { units.append(unit) }
    }
    return units
  }

  /// The days of a reporting period, checked.
  static func days(of period: Period) throws(RPCError) -> ClosedRange<CivilDate> {
    guard (1...9999).contains(period.year) else {
      throw FieldError.invalid("period.year", "must be 1 to 9999; got \(period.year)").rpcError
    }
    let year = Int(period.year)
    let index = Int(period.index)
    func span(_ firstMonth: Int, _ lastMonth: Int, endYear: Int? = nil) throws(RPCError) -> ClosedRange<CivilDate> {
      let last = endYear ?? year
      guard let from = CivilDate(year: year, month: firstMonth, day: 1),
        let next = lastMonth == 12
          ? CivilDate(year: last, month: 12, day: 31) : CivilDate(year: last, month: lastMonth + 1, day: 1)?.adding(days: -1)
      else { throw FieldError.invalid("period", "not a period of the calendar").rpcError }
      return from...next
    }
    func requireIndex(_ range: ClosedRange<Int>, _ what: String) throws(RPCError) {
      guard range.contains(index) else {
        throw FieldError.invalid("period.index", "a \(what) is numbered \(range.lowerBound) to \(range.upperBound); got \(index)").rpcError
      }
    }
    switch period.type {
    case .year:
      guard index == 0 else { throw FieldError.invalid("period.index", "must be 0 for a year; got \(index)").rpcError }
      return try span(1, 12)
    case .halfYear:
      try requireIndex(1...2, "half")
      return try span(index * 6 - 5, index * 6)
    case .quarter:
      try requireIndex(1...4, "quarter")
      return try span(index * 3 - 2, index * 3)
    case .month:
      try requireIndex(1...12, "month")
      return try span(index, index)
    case .term:
      guard (year...9999).contains(Int(period.endYear)) else {
        throw FieldError.invalid("period.end_year", "must be from \(year) to 9999; got \(period.endYear)").rpcError
      }
      return try span(1, 12, endYear: Int(period.endYear))
    default:
      throw FieldError.invalid("period.type", "\(period.type) is not a period type: use YEAR, HALF_YEAR, QUARTER, MONTH or TERM").rpcError
    }
  }
}
