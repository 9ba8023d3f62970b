import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformWire
import Synchronization
import Testing

@Suite("Where the unit tree comes from")
struct UnitHierarchyTests {
  @Test("without a registry, the units a collective names as its subordinates lie under it")
  func submittedLinks() async throws {
    let bed = try TestBed(units: nil)
    var parent = Sample.collective("DB1")
    parent.subordinateUnitsTotal = 2
    parent.disciplinedSubordinateUnitCodes = ["CB1"]
    try await bed.submit(collectives: [parent])
    try await bed.submit([Sample.member("P1", unit: "CB1")], as: TestBed.clerk("DB1"))
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P2", unit: "CB2")]), as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied, "no collective placed CB2 under DB1")
    let summary = try await bed.call(
      ClassificationService.Summary.self, ClassificationSummaryRequest(year: Sample.year, unitCode: "DB1"))
    #expect(summary.totals.isEmpty, "nothing rated yet")
  }

  @Test("the registry's tree is read through the coordinator, page by page, and kept a while")
  func registryTree() async throws {
    let calls = FakeRegistry(units: [
      OrgUnit(code: "DUK", name: "Đảng ủy Khối"), OrgUnit(code: "DB1", name: "Đảng bộ Sở Nội vụ", parentCode: "DUK"),
      OrgUnit(code: "CB1", name: "Chi bộ 1", shortName: "CB 1", parentCode: "DB1"),
    ])
    let hierarchy = RegistryUnitHierarchy(calls: calls)
    let units = try await hierarchy.units()
    #expect(units.isUnder("CB1", "DUK"))
    #expect(!units.isUnder("DUK", "CB1"))
    #expect(units.names["CB1"] == "CB 1")
    #expect(units.subtree(of: "DB1") == ["DB1", "CB1"])
    _ = try await hierarchy.units()
    #expect(calls.requests == 2, "two pages, read once")

    let bed = try TestBed(units: hierarchy)
    try await bed.submit([Sample.member("P1", unit: "CB1")], as: TestBed.clerk("DB1"))
  }
}

/// The registry as the coordinator would answer ListUnits: one unit per page.
final class FakeRegistry: ModuleCalls {
  private let units: [OrgUnit]
  private let count = Mutex(0)

  init(units: [OrgUnit]) {
    self.units = units
  }

  var requests: Int { count.withLock { $0 } }

  func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, timeout: Duration?) async throws -> M.Output {
    count.withLock { $0 += 1 }
    guard let list = request as? ListUnitsRequest else { throw RPCError(code: .unimplemented, message: "\(M.info.path)") }
    let start = Int(list.page?.pageToken ?? "") ?? 0
    let end = min(start + 2, units.count)
    let next = end < units.count ? String(end) : ""
    let response = ListUnitsResponse(units: Array(units[start..<end]), page: PageResponse(nextPageToken: next))
    guard let output = response as? M.Output else { throw RPCError(code: .internalError, message: "wrong output") }
    return output
  }
}
