import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// Báo cáo: the indicator report, its downloads, and submitting and approving a period.
extension Console {
  func registerReport(on router: Router<BasicRequestContext>) {
    router.get("/console/bao-cao") { request, _ in try await page(request) { try await report($0, request: request) } }
    router.get("/console/bao-cao/tai") { request, _ in try await reportDownload(request) }
    router.post("/console/bao-cao/nop") { request, _ in try await periodAction(request, approve: false) }
    router.post("/console/bao-cao/duyet") { request, _ in try await periodAction(request, approve: true) }
  }

  private func report(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let year = try Self.year(of: request, default: Self.thisYear() - 1)
    let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
    let chosen = try Self.parameter("bo", of: request)
    let (sets, setId, response, parent) = try await call(session) { client in
      let sets = try await client.call(
        RegistryService.ListIndicatorSets.self, ListIndicatorSetsRequest(page: PageRequest(pageSize: 100)), timeout: .seconds(15)
      ).indicatorSets
      guard let setId = chosen ?? sets.first?.id else { return (sets, "", RegistryReportResponse(), String?.none) }
      let response = try await client.call(
        RegistryService.Report.self,
        RegistryReportRequest(setId: setId, periods: [Period(type: .year, year: year)], unitCode: unit, maxDepth: 1, format: .table),
        timeout: .seconds(60))
      var parent: String?
      if !unit.isEmpty {
        // The bloc's root has no unit above it: no link up.
        parent = try await client.call(RegistryService.GetUnit.self, GetUnitRequest(code: unit), timeout: .seconds(15)).unit?.parentCode
        if parent?.isEmpty == true { parent = nil }
      }
      return (sets, setId, response, parent)
    }
    let done = try Self.parameter("xong", of: request).flatMap { ["nop": "Đã nộp số liệu kỳ này.", "duyet": "Đã duyệt số liệu kỳ này."][$0] }
    return (
      "report",
      ReportView(session: session, sets: sets, setId: setId, year: year, unit: unit, parent: parent, response: response, done: done)
    )
  }

  /// The report as the registry renders it, CSV or the HTML report, as a download.
  private func reportDownload(_ request: Request) async throws -> Response {
    try await respond(request) { session in
      let format: RegistryReportFormat = switch try Self.parameter("dinh-dang", of: request) {
      case "csv": .csv
      case "html": .html
      default: throw ReformError(code: .invalidArgument, message: "Định dạng phải là csv hoặc html.")
      }
      guard let setId = try Self.parameter("bo", of: request) else {
        throw ReformError(code: .invalidArgument, message: "Thiếu bộ chỉ tiêu.")
      }
      let year = try Self.year(of: request, default: Self.thisYear() - 1)
      let unit = try Self.parameter("don-vi", of: request) ?? session.principal.unitCode
      let response = try await call(session) { client in
        try await client.call(
          RegistryService.Report.self,
          RegistryReportRequest(
            setId: setId, periods: [Period(type: .year, year: year)], unitCode: unit, format: format, omitRows: true),
          timeout: .seconds(120))
      }
      let name = response.fileName.isEmpty ? "bao-cao-\(year).\(format == .csv ? "csv" : "html")" : response.fileName
      return Self.download(response.rendered, name: name, mediaType: format == .csv ? "text/csv; charset=utf-8" : "text/html; charset=utf-8")
    }
  }

  /// Nộp (a clerk, for their unit) or duyệt (an administrator) one unit's year; the registry
  /// decides whether the principal may.
  private func periodAction(_ request: Request, approve: Bool) async throws -> Response {
    try await formAction(request, PeriodForm.self) { form, session in
      guard let setId = form.set, !setId.isEmpty, setId.utf8.count <= Self.fieldLimit,
        let unit = form.unit, !unit.isEmpty, unit.utf8.count <= Self.fieldLimit
      else { throw ReformError(code: .invalidArgument, message: "Thiếu bộ chỉ tiêu hoặc đơn vị.") }
      guard let year = form.year.flatMap(Int32.init), (1900...2999).contains(year) else {
        throw ReformError(code: .invalidArgument, message: "Năm không hợp lệ.")
      }
      let key = Self.idempotencyKey(form.key)
      let note = "bảng điều khiển: \(session.principal.id)"
      let period = Period(type: .year, year: year)
      try await call(session) { client in
        if approve {
          _ = try await client.call(
            RegistryService.ApprovePeriod.self,
            ApprovePeriodRequest(setId: setId, unitCodes: [unit], period: period, note: note, idempotencyKey: key), timeout: .seconds(30))
        } else {
          _ = try await client.call(
            RegistryService.SubmitPeriod.self,
            SubmitPeriodRequest(setId: setId, unitCode: unit, period: period, note: note, idempotencyKey: key), timeout: .seconds(30))
        }
      }
      return redirect(ReportView.link(set: setId, year: year, unit: unit) + "&xong=" + (approve ? "duyet" : "nop"))
    }
  }
}

/// The fields of the submit and approve forms.
struct PeriodForm: ConsoleForm {
  var csrf: String?
  var key: String?
  var set: String?
  var unit: String?
  var year: String?
}
