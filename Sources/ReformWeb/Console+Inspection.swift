import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// Kiểm tra: the inspection programmes, one programme on a calendar, and its downloads.
extension Console {
  func registerInspection(on router: Router<BasicRequestContext>) {
    router.get("/console/kiem-tra") { request, _ in try await page(request) { try await programmes($0, request: request) } }
    router.get("/console/kiem-tra/ke-hoach") { request, _ in try await page(request) { try await programme($0, request: request) } }
    router.get("/console/kiem-tra/tai") { request, _ in try await programmeDownload(request) }
  }

  private func programmes(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let year = try Self.year(of: request, default: Self.thisYear())
    let owner = try Self.parameter("don-vi", of: request) ?? ""
    let response = try await call(session) { client in
      try await client.call(
        InspectionService.ListProgrammes.self,
        InspectionListProgrammesRequest(page: PageRequest(pageSize: 100), ownerUnitCode: owner, year: year), timeout: .seconds(15))
    }
    return ("programmes", ProgrammesView(session: session, year: year, owner: owner, response: response))
  }

  private func programme(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    guard let id = try Self.parameter("id", of: request) else {
      throw ReformError(code: .invalidArgument, message: "Thiếu mã kế hoạch.")
    }
    var month: Int?
    if let text = try Self.parameter("thang", of: request) {
      guard let chosen = Int(text), (1...12).contains(chosen) else { throw ReformError(code: .invalidArgument, message: "Tháng không hợp lệ.") }
      month = chosen
    }
    let (programme, calendar) = try await call(session) { client in
      let programme = try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: id, includeInput: true), timeout: .seconds(15))
      let calendar = try await client.call(
        InspectionService.GetCalendar.self, InspectionGetCalendarRequest(year: programme.year), timeout: .seconds(15))
      return (programme, calendar)
    }
    return ("programme", ProgrammeView(session: session, programme: programme, calendar: calendar, month: month))
  }

  /// The programme as iCalendar (one event per visit, for a calendar program) or CSV.
  private func programmeDownload(_ request: Request) async throws -> Response {
    try await respond(request) { session in
      guard let id = try Self.parameter("id", of: request) else {
        throw ReformError(code: .invalidArgument, message: "Thiếu mã kế hoạch.")
      }
      let format: InspectionExportFormat = switch try Self.parameter("dinh-dang", of: request) {
      case "ics": .icalendar
      case "csv": .csv
      default: throw ReformError(code: .invalidArgument, message: "Định dạng phải là ics hoặc csv.")
      }
      let file = try await call(session) { client in
        try await client.call(
          InspectionService.ExportProgramme.self, InspectionExportProgrammeRequest(programmeId: id, format: format), timeout: .seconds(30))
      }
      let name = file.fileName.isEmpty ? "ke-hoach.\(format == .icalendar ? "ics" : "csv")" : file.fileName
      let media = file.mediaType.isEmpty ? (format == .icalendar ? "text/calendar; charset=utf-8" : "text/csv; charset=utf-8") : file.mediaType
      return Self.download(file.content, name: name, mediaType: media)
    }
  }
}
