import Foundation
import ReformClient
import ReformWire
import Testing

/// A streamed read of personal data is audited before its first item goes out, and once the
/// module has said what it read, with what it read: an export of one unit's people names the
/// unit and the export, not only the caller.
@Suite(.serialized, .timeLimit(.minutes(8)))
struct StreamedReadAuditTests {
  @Test func anExportOfPeopleIsAuditedWithTheUnitItRead() async throws {
    let system = try await DemoSystem.start(name: "stream-audit")
    defer { system.stop() }
    let entries = try await ReformClient.connect(to: system.address, token: system.adminToken) { client in
      try await client.stream(
        RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .people, subtreeCode: "DBCS-DPTTH"), timeout: .seconds(120)
      ) { _ in }
      return try await client.call(
        AdminService.QueryAudit.self,
        AdminQueryAuditRequest(method: RegistryService.ExportCsv.info.path, newestFirst: true), timeout: .seconds(120)
      ).entries
    }
    #expect(entries.contains { $0.unitCode == "DBCS-DPTTH" && $0.target.contains("export") && $0.action == .read },
      "\(entries.map { "\($0.action) \($0.unitCode) \($0.target)" })")
  }
}
