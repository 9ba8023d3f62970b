import ReformWire
import Testing

@testable import ReformSecurity

/// Checks the rule of a personal read: every admitted call of `method` is audited, and a clerk
/// of LC07 is admitted for LC07's data only.
func expectAuditedReadOfTheClerksOwnUnit(_ method: WireMethodInfo, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let rule = try #require(AccessPolicy.reform.rule(for: method.path), sourceLocation: sourceLocation)
  #expect(rule.auditsReads, sourceLocation: sourceLocation)
  let clerk = Principal(id: "c", displayName: "C", unitCode: "LC07", roles: [.clerk])
  #expect(AccessPolicy.reform.decide(method: method.path, principal: clerk) == .allow(ownUnit: "LC07"), sourceLocation: sourceLocation)
}
