import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// Xếp loại, past the summary: one unit's ratings, and one rating's explanation.
extension Console {
  func registerRatings(on router: Router<BasicRequestContext>) {
    router.get("/console/xep-loai/danh-sach") { request, _ in try await page(request) { try await ratingList($0, request: request) } }
    router.get("/console/xep-loai/giai-trinh") { request, _ in try await page(request) { try await explain($0, request: request) } }
  }

  private func ratingList(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let year = try Self.year(of: request, default: Self.thisYear() - 1)
    guard let unit = try Self.parameter("don-vi", of: request) ?? Optional(session.principal.unitCode).flatMap({ $0.isEmpty ? nil : $0 }) else {
      throw ReformError(code: .invalidArgument, message: "Thiếu đơn vị.")
    }
    let response = try await call(session) { client in
      try await client.call(
        ClassificationService.ListResults.self,
        ClassificationListResultsRequest(page: PageRequest(pageSize: RatingListView.pageSize), year: year, unitCode: unit),
        timeout: .seconds(30))
    }
    return ("rating-list", RatingListView(session: session, year: year, unit: unit, response: response))
  }

  private func explain(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let year = try Self.year(of: request, default: Self.thisYear() - 1)
    guard let id = try Self.parameter("ma", of: request) else { throw ReformError(code: .invalidArgument, message: "Thiếu mã đối tượng.") }
    let kind = RatingSubjectKind(rawValue: Int32(try Self.parameter("loai", of: request) ?? "") ?? 0)
    guard kind != .unspecified, RatingSubjectKind.allKnown.contains(kind) else {
      throw ReformError(code: .invalidArgument, message: "Loại đối tượng không hợp lệ.")
    }
    let response = try await call(session) { client in
      try await client.call(
        ClassificationService.Explain.self, ClassificationExplainRequest(subjectKind: kind, subjectId: id, year: year), timeout: .seconds(30))
    }
    return ("explain", ExplainView(session: session, response: response))
  }
}
