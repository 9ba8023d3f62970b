import GRPCCore
import ReformHub
import ReformModule
import ReformSecurity
import ReformWire
import Testing

/// A clerk's grant is for their own unit (and the units under it): the module checks the
/// unit a request is about, through `JobContext.requireScope`.
@Suite("Unit scope in a job")
struct UnitScopeTests {
  /// A job as the coordinator sends it: the limit is what the access policy decided.
  private func context(_ method: String, _ caller: Principal?) -> JobContext {
    var ownUnit: String?
    if case .allow(let unit) = AccessPolicy.reform.decide(method: method, principal: caller) { ownUnit = unit }
    return JobContext(
      jobID: 1, method: method, attempt: 1, caller: caller, ownUnitLimit: ownUnit, deadline: nil,
      worker: WorkerIdentity(id: "w", module: "registry", pid: 1, host: "h", version: "v"))
  }

  private let reportValues = RegistryService.ReportValues.info.path
  private let clerk = Principal(id: "c", displayName: "Văn thư", unitCode: "DBCS-SNV", roles: [.clerk])

  @Test func aClerkActsForTheirOwnUnit() throws {
    let job = context(reportValues, clerk)
    #expect(job.ownUnitLimit == "DBCS-SNV")
    try job.requireScope(over: "DBCS-SNV", field: "unit_code")
  }

  @Test func aClerkActsForAUnitUnderTheirs() throws {
    let job = context(reportValues, clerk)
    try job.requireScope(over: "CB-SNV-1", field: "unit_code") { unit, ancestor in
      unit == "CB-SNV-1" && ancestor == "DBCS-SNV"
    }
  }

  @Test func aClerkIsRefusedForAnotherUnitNamingTheField() {
    let job = context(reportValues, clerk)
    #expect {
      try job.requireScope(over: "DBCS-STC", field: "values[0].unit_code")
    } throws: { error in
      guard let error = error as? RPCError else { return false }
      return error.code == .permissionDenied && error.message.hasPrefix("values[0].unit_code: DBCS-STC is outside the caller's scope")
    }
  }

  @Test func anAdminActsForAnyUnit() throws {
    let admin = Principal(id: "a", displayName: "Quản trị", unitCode: "DUK", roles: [.admin])
    let job = context(reportValues, admin)
    #expect(job.ownUnitLimit == nil)
    try job.requireScope(over: "DBCS-STC", field: "unit_code")
  }
}
