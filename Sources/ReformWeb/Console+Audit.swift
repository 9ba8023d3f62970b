import Foundation
import Hummingbird
import ReformClient
import ReformWire

/// Nhật ký: the audit trail, for the roles the coordinator lets read it.
extension Console {
  func registerAudit(on router: Router<BasicRequestContext>) {
    router.get("/console/nhat-ky") { request, _ in try await page(request) { try await audit($0, request: request) } }
  }

  private func audit(_ session: ConsoleSession, request: Request) async throws -> (String, any Sendable) {
    let filter = AuditFilter(
      who: try Self.parameter("ai", of: request) ?? "", method: try Self.parameter("phuong-thuc", of: request) ?? "",
      unit: try Self.parameter("don-vi", of: request) ?? "", from: try Self.parameter("tu", of: request) ?? "",
      to: try Self.parameter("den", of: request) ?? "")
    let query = try filter.request()
    let response = try await call(session) { client in
      try await client.call(AdminService.QueryAudit.self, query, timeout: .seconds(15))
    }
    return ("audit", AuditView(session: session, filter: filter, response: response))
  }
}
