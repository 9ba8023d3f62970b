import Foundation
import Testing
@testable import RegistryDomain

@Suite("Reporting period workflow")
struct PeriodWorkflowTests {
  let set = IndicatorSet.resolution01
  let key = PeriodKey(setID: IndicatorSet.resolution01.id, unitCode: "CBCS-B", period: .year(2024))
  let clerk = ChangeStamp(
    actor: ActorRef(id: "vt-b", displayName: "Văn thư Sở Tư pháp", unitCode: "CBCS-B", roles: [.clerk]),
    at: Date(timeIntervalSince1970: 1_735_000_000))
  let bloc = ChangeStamp(
    actor: ActorRef(id: "vt-duk", displayName: "Văn thư Đảng ủy Khối", unitCode: "DUK", roles: [.clerk]),
    at: Date(timeIntervalSince1970: 1_736_000_000))

  func value(_ code: String, _ numerator: Int, _ denominator: Int) -> IndicatorValue {
    IndicatorValue(set: set.id, indicator: code, unit: "CBCS-B", period: .year(2024), numerator, denominator)
  }

  @Test func valuesOfAnApprovedPeriodCannotChange() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    try book.report([value("2", 1, 1)], in: set, tree: tree, stamp: clerk)
    try book.submit(key, set: set, tree: tree, stamp: clerk, allowMissing: true)
    try book.approve([key], tree: tree, stamp: bloc)
    let error = #expect(throws: IndicatorValueError.self) {
      try book.report([value("2", 0, 1)], in: set, tree: tree, stamp: clerk)
    }
    #expect(error?.kind == .failedPrecondition)
    #expect(error?.message.contains("APPROVED") == true)
    #expect(book.valuesByKey.values.map(\.ratio) == [Ratio(1, 1)])
  }

  @Test func aComputedValueOfAnApprovedPeriodIsSkippedAndTheStoredOneKept() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    try book.report([value("2", 1, 1)], in: set, tree: tree, stamp: clerk)
    #expect(book.lockedSkip(value("2", 0, 1).key) == nil)
    try book.submit(key, set: set, tree: tree, stamp: clerk, allowMissing: true)
    try book.approve([key], tree: tree, stamp: bloc)
    let skipped = book.storeComputed([value("2", 0, 1)])
    #expect(skipped == [book.lockedSkip(value("2", 0, 1).key)])
    #expect(skipped.first?.unitCode == "CBCS-B")
    #expect(skipped.first?.reason == "period 2024 is APPROVED (Đã duyệt); its values are kept")
    #expect(book.valuesByKey.values.map(\.ratio) == [Ratio(1, 1)])
  }

  @Test func reopeningIsRecordedWithWhoAndWhy() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    try book.submit(key, set: set, tree: tree, stamp: clerk, allowMissing: true)
    try book.approve([key], tree: tree, stamp: bloc)
    var reopening = bloc
    reopening.reason = "Sai số hồ sơ quý IV"
    try book.reopen(key, tree: tree, stamp: reopening)
    let state = book.state(key)
    #expect(state.status == .reopened)
    #expect(state.transitions.map { "\($0.from.rawValue)→\($0.to.rawValue)" } == ["DRAFT→SUBMITTED", "SUBMITTED→APPROVED", "APPROVED→REOPENED"])
    #expect(state.transitions.last?.reason == "Sai số hồ sơ quý IV")
    #expect(state.transitions.last?.actor.id == "vt-duk")
    try book.report([value("2", 0, 1)], in: set, tree: tree, stamp: clerk)
  }

  @Test func reopeningWithoutAReasonIsRefused() throws {
    var state = PeriodState(key: key)
    try state.submit(stamp: clerk, tree: try Fixtures.tree())
    let error = #expect(throws: PeriodWorkflowError.self) { try state.reopen(stamp: bloc, tree: try Fixtures.tree()) }
    #expect(error?.field == "reason")
  }

  @Test func approvingADraftIsRefusedNamingItsStatus() throws {
    var state = PeriodState(key: key)
    let error = #expect(throws: PeriodWorkflowError.self) { try state.approve(stamp: bloc, tree: try Fixtures.tree()) }
    #expect(error?.kind == .failedPrecondition)
    #expect(error?.currentStatus == .draft)
    #expect(error?.message.contains("DRAFT") == true)
  }

  @Test func aClerkOfAnotherUnitCannotSubmit() throws {
    var state = PeriodState(key: key)
    let other = ChangeStamp(actor: ActorRef(id: "vt-a", unitCode: "DBCS-A", roles: [.clerk]), at: clerk.at)
    let error = #expect(throws: PeriodWorkflowError.self) { try state.submit(stamp: other, tree: try Fixtures.tree()) }
    #expect(error?.kind == .permissionDenied)
  }

  @Test func aUnitsClerkCannotApproveItsOwnPeriod() throws {
    var state = PeriodState(key: key)
    try state.submit(stamp: clerk, tree: try Fixtures.tree())
    let error = #expect(throws: PeriodWorkflowError.self) { try state.approve(stamp: clerk, tree: try Fixtures.tree()) }
    #expect(error?.kind == .permissionDenied)
    #expect(state.status == .submitted)
  }

  @Test func submittingWithMissingValuesIsRefusedUnlessAllowed() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    try book.report([value("2", 1, 1)], in: set, tree: tree, stamp: clerk)
    let error = #expect(throws: PeriodWorkflowError.self) { try book.submit(key, set: set, tree: tree, stamp: clerk) }
    #expect(error?.field == "missing_indicator_codes")
    #expect(error?.message.contains("3b, 3c, 3d, 3e, 4a, 5") == true)
    try book.submit(key, set: set, tree: tree, stamp: clerk, allowMissing: true)
    #expect(book.state(key).status == .submitted)
  }

  @Test func approvalOfSeveralUnitsIsAllOrNothing() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    try book.submit(key, set: set, tree: tree, stamp: clerk, allowMissing: true)
    let draft = PeriodKey(setID: set.id, unitCode: "DBCS-A", period: .year(2024))
    #expect(throws: PeriodWorkflowError.self) { try book.approve([key, draft], tree: tree, stamp: bloc) }
    #expect(book.state(key).status == .submitted)
  }
}
