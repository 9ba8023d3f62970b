import ExchangeDomain
import Foundation
import ReformKit
import Testing

/// An inbox entry of the sample document at `urgency`, arrived as number `number` at `time`,
/// taken through `notices` (codes given by the receiver).
private func entry(
  _ number: Int, _ urgency: Urgency = .normal, arrived time: String = "2025-10-15T09:00:00+07:00",
  due: CivilDate? = day(2025, 10, 31), notices: [NoticeCode] = [], subject: String? = nil
) throws -> InboxEntry {
  let document = try Sample.storable {
    $0.urgency = urgency
    $0.dueDate = due
    $0.codeNumber = String(number)
    if let subject { $0.subject = subject }
  }
  var delivery = Delivery(receiver: Sample.homeAffairs, arrivalNumber: number, arrivalTime: instant(time))
  for code in notices {
    let actor: NoticeActor = code == .recallRequested ? .sender : .receiver
    let detail = code.requiresReason ? "Lý do" : ""
    try delivery.record(
      StatusNotice(code: code, actor: actor, organId: Sample.homeAffairs.organId, time: instant(time), detail: detail))
  }
  return InboxEntry(document: document, delivery: delivery)
}

private func numbers(_ entries: [InboxEntry]) -> [Int] { entries.map(\.delivery.arrivalNumber) }

@Suite("Inbox")
struct InboxTests {
  @Test func urgentDocumentsComeFirstThenByArrivalNumber() throws {
    let entries = [
      try entry(1), try entry(2, .urgent), try entry(3, .flash), try entry(4), try entry(5, .veryUrgent), try entry(6, .flash),
    ]
    #expect(numbers(Inbox.list(entries, today: Sample.today)) == [3, 6, 5, 2, 1, 4])
  }

  @Test func newestFirstReversesArrivalWithinEachUrgency() throws {
    let entries = [try entry(1), try entry(2, .flash), try entry(3), try entry(4, .flash)]
    #expect(numbers(Inbox.list(entries, today: Sample.today, newestFirst: true)) == [4, 2, 3, 1])
  }

  @Test func anEarlierYearsNumberComesBeforeThisYearsFirst() throws {
    let entries = [try entry(1, arrived: "2026-01-02T08:00:00+07:00"), try entry(950, arrived: "2025-12-31T16:00:00+07:00")]
    #expect(numbers(Inbox.list(entries, today: day(2026, 1, 5))) == [950, 1])
  }

  @Test func aStatusFilterKeepsOnlyThoseProcessingStates() throws {
    let entries = [try entry(1), try entry(2, notices: [.registered]), try entry(3, notices: [.registered, .done])]
    let filter = InboxFilter(statuses: [.registered, .done])
    #expect(numbers(Inbox.list(entries, filter: filter, today: Sample.today)) == [2, 3])
  }

  @Test func anUrgencyFilterKeepsOnlyThoseUrgencies() throws {
    let entries = [try entry(1), try entry(2, .urgent), try entry(3, .flash)]
    #expect(numbers(Inbox.list(entries, filter: InboxFilter(urgencies: [.normal, .urgent]), today: Sample.today)) == [2, 1])
  }

  @Test func aDateRangeFilterReadsArrivalDaysInHoChiMinhCity() throws {
    let entries = [
      try entry(1, arrived: "2025-10-13T23:30:00+07:00"),
      try entry(2, arrived: "2025-10-13T17:30:00Z"),  // 00:30 on 14 October in Hồ Chí Minh City
      try entry(3, arrived: "2025-10-15T23:59:00+07:00"),
      try entry(4, arrived: "2025-10-16T00:00:00+07:00"),
    ]
    let filter = InboxFilter(arrivalDates: day(2025, 10, 14)...day(2025, 10, 15))
    #expect(numbers(Inbox.list(entries, filter: filter, today: Sample.today)) == [2, 3])
  }

  @Test func voidedCopiesAreLeftOutUnlessAskedFor() throws {
    let entries = [try entry(1), try entry(2, notices: [.recallRequested, .recallAgreed])]
    #expect(numbers(Inbox.list(entries, today: Sample.today)) == [1])
    #expect(numbers(Inbox.list(entries, filter: InboxFilter(includeVoided: true), today: Sample.today)) == [1, 2])
  }

  @Test func aSubjectSearchIgnoresCaseAndDiacritics() throws {
    let entries = [
      try entry(1, subject: "Quyết định về việc kiện toàn Ban Chỉ đạo"), try entry(2, subject: "Báo cáo kết quả quý III"),
    ]
    let filter = InboxFilter(subjectContains: "QUYET DINH")
    #expect(numbers(Inbox.list(entries, filter: filter, today: Sample.today)) == [1])
    #expect(numbers(Inbox.list(entries, filter: InboxFilter(subjectContains: "ban chi dao"), today: Sample.today)) == [1])
  }

  @Test func aCopyIsOverdueOnceItsDueDateHasPassedWithoutCompletion() throws {
    let due = day(2025, 10, 31)
    let copy = try entry(1, due: due)
    #expect(!copy.isOverdue(asOf: due))
    #expect(copy.isOverdue(asOf: due.adding(days: 1)))
    #expect(copy.daysOverdue(asOf: due.adding(days: 3)) == 3)
  }

  @Test func aCompletedCopyIsNeverOverdue() throws {
    let completed = try entry(1, due: day(2025, 10, 16), notices: [.registered, .done])
    #expect(!completed.isOverdue(asOf: day(2025, 11, 30)))
  }

  @Test func aRefusedOrVoidedCopyIsNotOverdue() throws {
    let late = day(2025, 11, 30)
    let refused = try entry(1, due: day(2025, 10, 16), notices: [.refused])
    let voided = try entry(2, due: day(2025, 10, 16), notices: [.recallRequested, .recallAgreed])
    #expect(!refused.isOverdue(asOf: late))
    #expect(!voided.isOverdue(asOf: late))
  }

  @Test func aCopyWithoutDueDateIsNeverOverdue() throws {
    #expect(!(try entry(1, due: nil)).isOverdue(asOf: day(2030, 1, 1)))
  }

  @Test func theOverdueFilterJudgesByTheInjectedToday() throws {
    let entries = [
      try entry(1, due: day(2025, 10, 17)), try entry(2, due: day(2025, 10, 31)),
      try entry(3, due: day(2025, 10, 17), notices: [.registered, .done]),
    ]
    let filter = InboxFilter(overdueOnly: true)
    #expect(numbers(Inbox.list(entries, filter: filter, today: day(2025, 10, 18))) == [1])
    #expect(numbers(Inbox.list(entries, filter: filter, today: day(2025, 11, 1))) == [1, 2])
  }
}
