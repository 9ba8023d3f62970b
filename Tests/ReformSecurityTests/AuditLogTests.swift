import Foundation
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import ReformSecurity

/// A fixed instant, so times are pinned without sleeping.
private let now = Date(timeIntervalSince1970: 1_780_000_000)

private let clerk = Principal(
  id: "pr_clerk", displayName: "Trần Thị B", unitCode: "LC01", roles: [.clerk, .viewer])
private let admin = Principal(
  id: "pr_admin", displayName: "Quản trị", unitCode: "", roles: [.admin])

private func entry(
  principal: Principal? = clerk,
  method: String = "/reform.v1.Documents/Send",
  unit: String = "LC01",
  target: String = "doc-1",
  action: AdminAuditAction = .write,
  status: Int32 = 0,
  message: String = "",
  time: Timestamp? = nil
) -> AdminAuditEntry {
  AdminAuditEntry(
    time: time, principal: principal, method: method, unitCode: unit, target: target,
    action: action, statusCode: status, message: message)
}

/// Runs `body` with a log in a new temporary file (or, on a PostgreSQL run, a new schema), and
/// where it is.
@discardableResult
private func withLog<T>(_ body: (AuditLog, StoreLocation) async throws -> T) async throws -> T {
  try await withTemporaryDirectory { directory throws in
    let location = TestStore.fresh(module: "security", sqlitePath: directory + "/audit.sqlite")
    return try await body(try AuditLog(store: location), location)
  }
}

/// Every entry matching `request`, walking all pages.
private func all(_ log: AuditLog, _ request: AdminQueryAuditRequest = .init()) async throws
  -> [AdminAuditEntry]
{
  var request = request
  var entries: [AdminAuditEntry] = []
  while true {
    let response = try await log.query(request)
    entries += response.entries
    let token = response.page?.nextPageToken ?? ""
    if token.isEmpty { return entries }
    request.page = PageRequest(pageSize: request.page?.pageSize ?? 0, pageToken: token)
  }
}

/// Appends a varied set of entries: two principals and an unauthenticated caller, two
/// methods, two units, three targets, reads, writes and refusals, one second apart.
private func appendMixed(_ log: AuditLog) async throws {
  let entries = [
    entry(principal: clerk, method: "/reform.v1.Documents/Send", unit: "LC01", target: "doc-1"),
    entry(principal: clerk, method: "/reform.v1.Documents/Get", unit: "LC01", target: "doc-1",
          action: .read),
    entry(principal: admin, method: "/reform.v1.Admin/CreateToken", unit: "", target: "tok_1"),
    entry(principal: nil, method: "/reform.v1.Documents/Get", unit: "LC02", target: "doc-2",
          action: .denied, status: 16, message: "missing token"),
    entry(principal: clerk, method: "/reform.v1.Documents/Send", unit: "LC02", target: "doc-3",
          action: .denied, status: 7, message: "unit LC02 is not yours"),
    entry(principal: admin, method: "/reform.v1.Documents/Send", unit: "LC02", target: "doc-2",
          status: 0),
  ]
  for (offset, item) in entries.enumerated() {
    try await log.append(item, now: now.addingTimeInterval(Double(offset)))
  }
}

@Suite("Audit log")
struct AuditLogTests {
  @Test func anEntryWithoutACountStandsForOneCallAndANegativeCountIsRefused() async throws {
    try await withLog { log, _ throws in
      try await log.append(AdminAuditEntry(method: "/reform.v1.Admin/Status", action: .denied, statusCode: 16), now: now)
      #expect(try await log.query(.init()).entries.map(\.count) == [1])
      await #expect(throws: SecurityStoreError(.invalidArgument, "count: must not be negative; 0 stands for 1")) {
        try await log.append(AdminAuditEntry(method: "/reform.v1.Admin/Status", action: .denied, count: -1), now: now)
      }
    }
  }

  @Test func anAppendedEntryComesBackWithEveryField() async throws {
    try await withLog { log, _ throws in
      let time = Timestamp(seconds: 1_780_000_123, nanos: 456_789_012)
      let appended = AdminAuditEntry(
        time: time, principal: clerk, method: "/reform.v1.Documents/Send", unitCode: "LC01",
        target: "doc-42", action: .write, statusCode: 9, message: "already sent",
        peer: "ipv4:10.0.0.5:51234", requestId: "req-7", count: 3)
      let sequence = try await log.append(appended, now: now)
      #expect(sequence == 1)

      let response = try await log.query(.init())
      var expected = appended
      expected.sequence = 1
      #expect(response.entries == [expected])
      #expect(response.page == PageResponse(nextPageToken: "", totalCount: 1))
    }
  }

  @Test func anUnsetTimeIsRecordedAsNowInUTC() async throws {
    try await withLog { log, _ throws in
      try await log.append(entry(time: nil), now: now)
      #expect(try await log.query(.init()).entries.first?.time == Timestamp(now))
    }
  }

  @Test func anUnauthenticatedCallKeepsItsPrincipalUnset() async throws {
    try await withLog { log, _ throws in
      try await log.append(entry(principal: nil, action: .denied, status: 16), now: now)
      let recorded = try #require(try await log.query(.init()).entries.first)
      #expect(recorded.principal == nil)
    }
  }

  @Test func aMissingMethodIsRefusedNamingTheField() async throws {
    try await withLog { log, _ throws in
      let missing = await #expect(throws: SecurityStoreError.self) {
        try await log.append(entry(method: " "), now: now)
      }
      #expect(missing?.kind == .invalidArgument)
      #expect(missing?.message.hasPrefix("method: required") == true)
      // Other fields are named too, and a refused entry takes no sequence.
      await #expect(throws: SecurityStoreError.self) {
        try await log.append(entry(action: .unspecified))
      }
      await #expect(throws: SecurityStoreError.self) { try await log.append(entry(status: 17)) }
      var numbered = entry()
      numbered.sequence = 5
      let error = await #expect(throws: SecurityStoreError.self) { try await log.append(numbered) }
      #expect(error?.message.hasPrefix("sequence:") == true)
      #expect(try await log.append(entry(), now: now) == 1)
    }
  }

  @Test func aUnitCodeOrTargetQuotingAHugeRequestIsCutNotRefused() async throws {
    try await withLog { log, _ throws in
      let huge = String(repeating: "Lai Châu ", count: 100_000)
      try await log.append(entry(unit: huge, target: huge, message: huge), now: now)
      let recorded = try #require(try await log.query(.init()).entries.first)
      #expect(recorded.unitCode.count == AuditRow.maxNameLength && recorded.unitCode.hasSuffix("…"))
      #expect(recorded.target.count == AuditRow.maxTargetLength && recorded.target.hasSuffix("…"))
      #expect(recorded.message.count == AuditRow.maxMessageLength)
      #expect(huge.hasPrefix(recorded.unitCode.dropLast()) && huge.hasPrefix(recorded.target.dropLast()))
    }
  }

  @Test func sequencesAreGaplessUnderConcurrentAppends() async throws {
    try await withLog { log, _ throws in
      let sequences = try await withThrowingTaskGroup(of: Int64.self) { group in
        for index in 0..<200 {
          group.addTask { try await log.append(entry(target: "doc-\(index)"), now: now) }
        }
        return try await group.reduce(into: [Int64]()) { $0.append($1) }
      }
      #expect(sequences.sorted() == Array(1...200))
      let stored = try await all(log).map(\.sequence)
      #expect(stored == Array(1...200))
    }
  }

  @Test func thePrincipalFilterKeepsOnlyThatPrincipal() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      let found = try await all(log, .init(principalId: "pr_clerk"))
      #expect(found.map(\.sequence) == [1, 2, 5])
      #expect(found.allSatisfy { $0.principal?.id == "pr_clerk" })
    }
  }

  @Test func theMethodFilterKeepsOnlyThatMethod() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      let found = try await all(log, .init(method: "/reform.v1.Documents/Get"))
      #expect(found.map(\.sequence) == [2, 4])
    }
  }

  @Test func theUnitFilterKeepsOnlyThatUnit() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(unitCode: "LC02")).map(\.sequence) == [4, 5, 6])
    }
  }

  @Test func theTargetFilterKeepsOnlyThatTarget() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(target: "doc-2")).map(\.sequence) == [4, 6])
    }
  }

  @Test func theTimeRangeIncludesSinceAndExcludesUntil() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)  // entry n at now + (n - 1) seconds
      let range = AdminTimeRange(
        since: Timestamp(now.addingTimeInterval(1)), until: Timestamp(now.addingTimeInterval(4)))
      #expect(try await all(log, .init(timeRange: range)).map(\.sequence) == [2, 3, 4])
      let openEnded = AdminTimeRange(since: Timestamp(now.addingTimeInterval(4)))
      #expect(try await all(log, .init(timeRange: openEnded)).map(\.sequence) == [5, 6])
    }
  }

  @Test func theOutcomeFilterSplitsOKFromEveryOtherStatus() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(outcome: .succeeded)).map(\.sequence) == [1, 2, 3, 6])
      #expect(try await all(log, .init(outcome: .failed)).map(\.sequence) == [4, 5])
    }
  }

  @Test func theStatusCodeFilterKeepsTheCodesListed() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(statusCodes: [7, 16])).map(\.sequence) == [4, 5])
    }
  }

  @Test func theActionFilterKeepsTheActionsListed() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(actions: [.read, .denied])).map(\.sequence) == [2, 4, 5])
    }
  }

  @Test func givenFiltersAreCombinedWithAnd() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      let request = AdminQueryAuditRequest(
        principalId: "pr_clerk", method: "/reform.v1.Documents/Send", unitCode: "LC02")
      #expect(try await all(log, request).map(\.sequence) == [5])
      #expect(try await log.query(request).page?.totalCount == 1)
    }
  }

  @Test func newestFirstReversesTheOrder() async throws {
    try await withLog { log, _ throws in
      try await appendMixed(log)
      #expect(try await all(log, .init(newestFirst: true)).map(\.sequence) == [6, 5, 4, 3, 2, 1])
    }
  }

  @Test(arguments: [false, true])
  func pagingWalksEveryEntryExactlyOnce(newestFirst: Bool) async throws {
    try await withLog { log, _ throws in
      for index in 0..<23 { try await log.append(entry(target: "doc-\(index)"), now: now) }
      var request = AdminQueryAuditRequest(page: PageRequest(pageSize: 5), newestFirst: newestFirst)
      var pages: [[Int64]] = []
      while true {
        let response = try await log.query(request)
        pages.append(response.entries.map(\.sequence))
        #expect(response.page?.totalCount == 23)
        guard let token = response.page?.nextPageToken, !token.isEmpty else { break }
        request.page?.pageToken = token
      }
      #expect(pages.map(\.count) == [5, 5, 5, 5, 3])
      let expected = Array(Int64(1)...23)
      #expect(pages.flatMap { $0 } == (newestFirst ? expected.reversed() : expected))
    }
  }

  @Test func aFullLastPageHasNoNextToken() async throws {
    try await withLog { log, _ throws in
      for _ in 0..<4 { try await log.append(entry(), now: now) }
      let first = try await log.query(.init(page: PageRequest(pageSize: 2)))
      let token = try #require(first.page?.nextPageToken)
      let last = try await log.query(.init(page: PageRequest(pageSize: 2, pageToken: token)))
      #expect(last.entries.map(\.sequence) == [3, 4])
      #expect(last.page?.nextPageToken == "")
    }
  }

  @Test func thePageSizeDefaultsTo100AndIsCappedAt1000() async throws {
    try await withLog { log, _ throws in
      for _ in 0..<1001 { try await log.append(entry(), now: now) }
      #expect(try await log.query(.init()).entries.count == 100)
      let capped = try await log.query(.init(page: PageRequest(pageSize: 5000)))
      #expect(capped.entries.count == 1000)
      #expect(capped.page?.nextPageToken.isEmpty == false)
    }
  }

  @Test func aForeignOrMismatchedPageTokenIsRefused() async throws {
    try await withLog { log, _ throws in
      for _ in 0..<3 { try await log.append(entry(), now: now) }
      let token = try #require(
        try await log.query(.init(page: PageRequest(pageSize: 1))).page?.nextPageToken)
      for (request, field) in [
        (AdminQueryAuditRequest(page: PageRequest(pageToken: "garbage")), "page.page_token"),
        (
          AdminQueryAuditRequest(page: PageRequest(pageToken: token), newestFirst: true),
          "page.page_token"
        ),
        (AdminQueryAuditRequest(page: PageRequest(pageSize: -1)), "page.page_size"),
      ] {
        let error = await #expect(throws: SecurityStoreError.self) { try await log.query(request) }
        #expect(error?.message.hasPrefix(field + ":") == true)
      }
    }
  }

  @Test func anUpdateThroughRawSQLFailsWithTheTriggersMessage() async throws {
    try await withLog { log, location throws in
      try await log.append(entry(target: "doc-1"), now: now)
      let refusal = await RawSQL.refusal(of: "UPDATE audit_entry SET target = 'doc-forged'", on: location)
      #expect(refusal?.contains(AuditLog.immutableMessage) == true, "\(refusal ?? "not refused")")
      #expect(try await log.query(.init()).entries.map(\.target) == ["doc-1"])
    }
  }

  @Test func aDeleteThroughRawSQLFailsWithTheTriggersMessage() async throws {
    try await withLog { log, location throws in
      try await log.append(entry(), now: now)
      let refusal = await RawSQL.refusal(of: "DELETE FROM audit_entry", on: location)
      #expect(refusal?.contains(AuditLog.immutableMessage) == true, "\(refusal ?? "not refused")")
      #expect(try await log.query(.init()).entries.map(\.sequence) == [1])
    }
  }

  @Test func anInsertThroughRawSQLLeavingAGapIsRefused() async throws {
    try await withLog { log, location throws in
      try await log.append(entry(), now: now)
      let refusal = await RawSQL.refusal(
        of: """
          INSERT INTO audit_entry (sequence, time_ns, principal_display_name,
            principal_unit_code, principal_roles, method, unit_code, target, action,
            status_code, message, peer, request_id)
          VALUES (3, 0, '', '', '', '/x/y', '', '', 1, 0, '', '', '')
          """, on: location)
      #expect(refusal?.contains(AuditLog.gaplessMessage) == true, "\(refusal ?? "not refused")")
      #expect(try await log.append(entry(), now: now) == 2)
    }
  }

  @Test func vietnameseTextRoundTripsWithItsBytes() async throws {
    try await withLog { log, _ throws in
      let composed = "Nguyễn Thị Hồng Nhung"
      // The same name decomposed (NFD): Swift calls the two equal, so compare bytes.
      let decomposed = composed.decomposedStringWithCanonicalMapping
      let target = "Quyết định số 12/QĐ-UBND về việc điều động cán bộ"
      try await log.append(
        entry(principal: Principal(id: "pr_1", displayName: composed, unitCode: "Sở Nội vụ"),
              target: target), now: now)
      try await log.append(
        entry(principal: Principal(id: "pr_2", displayName: decomposed), target: decomposed),
        now: now)

      let found = try await all(log)
      #expect(Array(found[0].principal!.displayName.utf8) == Array(composed.utf8))
      #expect(Array(found[0].principal!.unitCode.utf8) == Array("Sở Nội vụ".utf8))
      #expect(Array(found[0].target.utf8) == Array(target.utf8))
      #expect(Array(found[1].principal!.displayName.utf8) == Array(decomposed.utf8))
      #expect(Array(found[1].target.utf8) == Array(decomposed.utf8))
      #expect(try await all(log, .init(target: target)).map(\.sequence) == [1])
    }
  }

  @Test func aReopenedLogKeepsItsEntriesAndContinuesTheSequence() async throws {
    try await withLog { log, location throws in
      for index in 0..<3 { try await log.append(entry(target: "doc-\(index)"), now: now) }
      let reopened = try AuditLog(store: location)
      #expect(try await all(reopened).map(\.target) == ["doc-0", "doc-1", "doc-2"])
      #expect(try await reopened.append(entry(target: "doc-3"), now: now) == 4)
      #expect(try await all(reopened).map(\.sequence) == [1, 2, 3, 4])
    }
  }
}
