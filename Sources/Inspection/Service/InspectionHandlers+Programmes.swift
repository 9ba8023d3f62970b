import Foundation
import GRPCCore
import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension InspectionHandlers {
  /// GetProgramme: a version of a programme by id, or the latest programme of an owner and
  /// year; its input only when asked for.
  func getProgramme(_ request: InspectionGetProgrammeRequest, _ context: JobContext) async throws
    -> InspectionProgramme
  {
    let header: ProgrammeHeader
    if request.programmeId.isEmpty {
      // A request naming no programme is malformed for every caller, not out of anyone's scope.
      guard !request.ownerUnitCode.isEmpty else {
        throw FieldError.invalid("programme_id", "required, or owner_unit_code and year")
      }
      try context.requireScope(over: request.ownerUnitCode, field: "owner_unit_code")
      try InspectionLimits.checkCode(request.ownerUnitCode, field: "owner_unit_code")
      try InspectionLimits.checkYear(request.year, field: "year")
      guard
        let latest = try await store.latestHeader(ownerUnitCode: request.ownerUnitCode, year: Int(request.year))
      else {
        throw FieldError.notFound("owner_unit_code", "\(request.ownerUnitCode) has no programme for \(request.year)")
      }
      header = latest
    } else {
      header = try await programmeHeader(request.programmeId, field: "programme_id", context)
    }
    let version = try resolvedVersion(request.version, of: header, field: "version")
    var programme = try await storedProgramme(header, version: version)
    if !request.includeInput { programme.input = nil }
    context.audit.record(target: "\(header.programmeId) v\(version)", unit: header.ownerUnitCode)
    return programme
  }

  /// ListProgrammes: the latest version of each programme matching the filters, by id, a page
  /// at a time. A caller limited to their own unit sees only that unit's programmes.
  func listProgrammes(_ request: InspectionListProgrammesRequest, _ context: JobContext) async throws
    -> InspectionListProgrammesResponse
  {
    var owner = request.ownerUnitCode
    if let own = context.ownUnitLimit {
      if owner.isEmpty { owner = own } else { try context.requireScope(over: owner, field: "owner_unit_code") }
    }
    // The list is ordered by id whatever the filters, so one token serves every filter.
    let page: PageCursor
    do {
      page = try PageCursor(
        size: request.page?.pageSize ?? 0, token: request.page?.pageToken ?? "", list: "inspection.programmes")
    } catch {
      throw FieldError(error)
    }
    if request.year != 0 { try InspectionLimits.checkYear(request.year, field: "year") }
    try InspectionLimits.checkText(owner, field: "owner_unit_code", limit: InspectionLimits.maxCodeLength)
    let found = try await store.summaries(
      ownerUnitCode: owner.isEmpty ? nil : owner, year: request.year == 0 ? nil : Int(request.year),
      after: page.after?.first ?? "", limit: page.size + 1)
    let shown = Array(found.programmes.prefix(page.size))
    context.audit.record(target: "programmes", unit: owner)
    return InspectionListProgrammesResponse(
      programmes: shown,
      page: PageResponse(
        nextPageToken: found.programmes.count > page.size ? page.nextToken(after: [shown.last?.programmeId ?? ""]) : "",
        totalCount: Int64(found.total)))
  }

  /// ExportProgramme: a version as CSV or iCalendar. The iCalendar's DTSTAMP is the version's
  /// creation, so exporting one version twice gives the same bytes.
  func exportProgramme(_ request: InspectionExportProgrammeRequest, _ context: JobContext) async throws
    -> InspectionExportFile
  {
    let header = try await programmeHeader(request.programmeId, field: "programme_id", context)
    let version = try resolvedVersion(request.version, of: header, field: "version")
    let (mediaType, suffix): (String, String)
    switch request.format {
    case .csv: (mediaType, suffix) = ("text/csv", "csv")
    case .icalendar: (mediaType, suffix) = ("text/calendar", "ics")
    case .unspecified: throw FieldError.invalid("format", "required: CSV or ICALENDAR")
    default: throw FieldError.invalid("format", "\(request.format.rawValue) is not an export format")
    }
    let stored = try await storedProgramme(header, version: version)
    let programme = try Programme(stored)
    let text =
      request.format == .csv
      ? programme.csv() : programme.iCalendar(stamp: stored.createdAt?.date ?? Date(timeIntervalSince1970: 0))
    context.audit.record(target: "\(header.programmeId) v\(version)", unit: header.ownerUnitCode)
    return InspectionExportFile(
      format: request.format,
      fileName: "chuong-trinh-kiem-tra-\(header.year)-\(header.programmeId)-v\(version).\(suffix)",
      mediaType: mediaType, content: Array(text.utf8))
  }
}
