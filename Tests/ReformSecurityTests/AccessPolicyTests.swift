import ReformWire
import Testing

@testable import ReformSecurity

/// Every method of every service, straight from the generated catalogue: a new rpc appears
/// here without anyone touching the tests.
private let everyMethod: [WireMethodInfo] = WireCatalogue.services.flatMap(\.methods)

/// One caller of the table-driven test: no token, or a principal of unit `LC01` holding one role.
struct Caller: Sendable, CustomTestStringConvertible {
  var role: Role?
  var principal: Principal? {
    role.map { Principal(id: "pr_test", displayName: "Test", unitCode: "LC01", roles: [$0]) }
  }
  var testDescription: String { role.map(\.name) ?? "no token" }

  static let all: [Caller] = [Caller(role: nil)] + Role.assignable.map { Caller(role: $0) }
}

@Suite("Access policy")
struct AccessPolicyTests {
  @Test(arguments: everyMethod)
  func everyMethodOfTheCatalogueHasARuleWithAReason(method: WireMethodInfo) throws {
    let rule = try #require(AccessPolicy.reform.rule(for: method.path), "no access rule for \(method.path)")
    #expect(!rule.reason.isEmpty)
  }

  @Test func thePolicyNamesNoMethodTheCatalogueLacks() {
    let paths = Set(everyMethod.map(\.path))
    #expect(Set(AccessPolicy.reform.rules.keys).subtracting(paths).isEmpty)
  }

  /// The expected answer, spelled out from the rule without calling `decide`.
  private func expected(_ rule: AccessRule, _ caller: Caller) -> (allowed: Bool, ownUnit: String?, denial: String?) {
    switch (rule.callers, caller.role) {
    case (.anyone, _): return (true, nil, nil)
    case (.workers, nil): return (false, nil, "unauthenticated")
    case (.workers, _?): return (false, nil, "permissionDenied")
    case (.principals, nil): return (false, nil, "unauthenticated")
    case (.principals(let grants), let role?):
      guard let grant = grants.first(where: { $0.role == role }) else { return (false, nil, "permissionDenied") }
      return (true, grant.scope == .ownUnit ? "LC01" : nil, nil)
    }
  }

  @Test(arguments: everyMethod, Caller.all)
  func decideAnswersEveryCallerOfEveryMethodAsTheTableSays(method: WireMethodInfo, caller: Caller) throws {
    let rule = try #require(AccessPolicy.reform.rule(for: method.path))
    let decision = AccessPolicy.reform.decide(method: method.path, principal: caller.principal)
    let want = expected(rule, caller)
    switch decision {
    case .allow(let ownUnit):
      #expect(want.allowed)
      #expect(ownUnit == want.ownUnit)
    case .unauthenticated(let reason):
      #expect(want.denial == "unauthenticated")
      #expect(reason.contains(method.path))
    case .permissionDenied(let reason):
      #expect(want.denial == "permissionDenied")
      // The answer tells the caller which roles would do.
      for grant in rule.grants { #expect(reason.contains(grant.role.name)) }
    }
  }

  @Test func healthNeedsNoTokenAndWorkerHubOnlyTheWorkerSecret() {
    let policy = AccessPolicy.reform
    #expect(policy.decide(method: HealthService.Check.info.path, principal: nil) == .allow(ownUnit: nil))
    #expect(policy.decide(method: HealthService.Watch.info.path, principal: nil) == .allow(ownUnit: nil))
    #expect(policy.rule(for: WorkerHubService.Attach.info.path)?.callers == .workers)
    let admin = Principal(id: "a", displayName: "A", roles: [.admin])
    #expect(!policy.decide(method: WorkerHubService.Attach.info.path, principal: admin).isAllowed)
  }

  @Test func onlyAdministratorsManageTokens() {
    for method in [AdminService.CreateToken.info, AdminService.ListTokens.info, AdminService.RevokeToken.info] {
      #expect(AccessPolicy.reform.rule(for: method.path)?.grants == [.admin])
    }
    let operatorPrincipal = Principal(id: "o", displayName: "O", roles: [.operator])
    #expect(
      AccessPolicy.reform.decide(method: AdminService.CreateToken.info.path, principal: operatorPrincipal)
        == .permissionDenied("/reform.v1.Admin/CreateToken needs role admin; the caller has operator"))
  }

  @Test func aClerkIsConfinedToTheirOwnUnitAndNeedsOne() {
    let path = ExchangeService.Send.info.path
    let clerk = Principal(id: "c", displayName: "C", unitCode: "LC07", roles: [.clerk])
    #expect(AccessPolicy.reform.decide(method: path, principal: clerk) == .allow(ownUnit: "LC07"))
    let unitless = Principal(id: "c", displayName: "C", roles: [.clerk])
    #expect(!AccessPolicy.reform.decide(method: path, principal: unitless).isAllowed)
    // A clerk who is also an administrator acts for any unit.
    let both = Principal(id: "c", displayName: "C", unitCode: "LC07", roles: [.clerk, .admin])
    #expect(AccessPolicy.reform.decide(method: path, principal: both) == .allow(ownUnit: nil))
  }

  /// Writes: every method not declared NO_SIDE_EFFECTS, but for the standard health and server
  /// reflection protocols (reads that declare nothing) and diagnostics (probes that change
  /// nothing of the domain).
  private static let writes = everyMethod.filter {
    $0.idempotency != .noSideEffects && !$0.path.hasPrefix("/grpc.health.v1.") && !$0.path.hasPrefix("/grpc.reflection.")
      && !$0.path.hasPrefix("/reform.v1.Diagnostics/")
  }

  @Test(arguments: writes)
  func aViewerNeverChangesData(method: WireMethodInfo) {
    let viewer = Principal(id: "v", displayName: "V", unitCode: "LC01", roles: [.viewer])
    #expect(!AccessPolicy.reform.decide(method: method.path, principal: viewer).isAllowed)
  }

  @Test func aPrincipalWithNoRoleIsDeniedAndAMethodOutsideThePolicyIsRefused() {
    let nobody = Principal(id: "n", displayName: "N", unitCode: "LC01", roles: [])
    #expect(!AccessPolicy.reform.decide(method: DiagnosticsService.Echo.info.path, principal: nobody).isAllowed)
    let admin = Principal(id: "a", displayName: "A", roles: [.admin])
    #expect(
      AccessPolicy.reform.decide(method: "/reform.v1.Nowhere/Nothing", principal: admin)
        == .permissionDenied("/reform.v1.Nowhere/Nothing is not in the access policy, so nobody may call it"))
  }
}
