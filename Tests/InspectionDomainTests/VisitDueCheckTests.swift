import InspectionDomain
import Testing

@Suite("A visit checked on its own")
struct VisitDueCheckTests {
  @Test func aVisitWithoutALengthNeedsARowOfTheLengthTable() {
    let unsized = due("D1", unit: "DBCS-01", length: nil, members: 40)
    #expect(throws: PlanningError.self) { try unsized.check(year: 2026, rules: PlanningRules()) }
    do {
      try unsized.check(year: 2026, rules: PlanningRules())
    } catch {
      #expect(error.field == "lengthDays")
    }
    let rules = PlanningRules(lengths: [LengthRule(kind: .programmed, minMembers: 30, lengthDays: 7)])
    #expect(throws: Never.self) { try unsized.check(year: 2026, rules: rules) }
  }

  @Test func aWindowMustLieWithinTheProgrammesYear() {
    let late = due("D1", unit: "DBCS-01", window: span(day(2026, 12, 1), day(2027, 1, 15)))
    do {
      try late.check(year: 2026, rules: PlanningRules())
      Issue.record("expected a refusal")
    } catch {
      #expect(error.field == "window")
      #expect(error.message.hasSuffix("is not within 2026"))
    }
    let inside = due("D2", unit: "DBCS-02", window: span(day(2026, 3, 1), day(2026, 6, 30)))
    #expect(throws: Never.self) { try inside.check(year: 2026, rules: PlanningRules()) }
  }
}
