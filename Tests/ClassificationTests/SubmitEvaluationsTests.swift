import Foundation
import GRPCCore
import ReformWire
import Testing

@Suite("SubmitEvaluations and ListEvaluations")
struct SubmitEvaluationsTests {
  @Test("submitted evaluations are stored and listed collectives first, then people by unit and id")
  func storedAndListed() async throws {
    let bed = try TestBed()
    let response = try await bed.submit(
      [Sample.member("P2", unit: "CB2"), Sample.member("P1", unit: "CB1")], collectives: [Sample.collective("CB1")])
    #expect(response.personsAccepted == 2)
    #expect(response.collectivesAccepted == 1)
    let listed = try await bed.evaluations()
    let ids = listed.map { evaluation -> String in
      switch evaluation.subject {
      case .person(let person)?: person.personId
      case .collective(let collective)?: collective.unitCode
      case nil: ""
      }
    }
    #expect(ids == ["CB1", "P1", "P2"])
    guard case .person(let first)? = listed[1].subject else { throw TestFailure("P1 is not a person") }
    #expect(first.revision == 1)
    #expect(first.submittedBy?.id == "admin")
    #expect(first.submittedAt != nil)
    #expect(first.scores == Sample.scores(8_000))
  }

  @Test("an invalid entry names its list, position, person and field, and nothing is written")
  func invalidEntryNamesFieldAndPerson() async throws {
    let bed = try TestBed()
    var bad = Sample.member("P9")
    bad.scores = RatingScores(commonCriteriaHundredths: 3_050, taskResultsHundredths: 6_000)
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [Sample.member("P1"), bad]))
    #expect(!response.applied)
    let error = try #require(response.errors.first)
    #expect(response.errors.count == 1)
    #expect(error.listName == "persons")
    #expect(error.index == 1)
    #expect(error.subjectId == "P9")
    #expect(error.subjectKind == .partyMember)
    #expect(error.field == "persons[1].scores.common_criteria_hundredths")
    #expect(error.message.contains("3050"))
    #expect(try await bed.evaluations().isEmpty)
  }

  @Test("every error of every entry is listed, in proto spelling")
  func everyErrorListed() async throws {
    let bed = try TestBed()
    var noKind = Sample.member("P1")
    noKind.subjectKind = .unspecified
    var badTasks = Sample.member("P2")
    badTasks.tasks = RatingTaskCounts(total: 10, onTime: 12, exceeded: 0)
    var badDiscipline = Sample.member("P3", discipline: [Sample.reprimand("KL1")])
    badDiscipline.discipline[0].level = .unspecified
    var badCollective = Sample.collective("CB1")
    badCollective.disciplinedSubordinateUnitCodes = ["CB9"]
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self,
      SubmitEvaluationsRequest(persons: [noKind, badTasks, badDiscipline], collectives: [badCollective]))
    #expect(!response.applied)
    let fields = response.errors.map(\.field)
    #expect(fields.contains("persons[0].subject_kind"))
    #expect(fields.contains("persons[1].tasks.on_time"))
    #expect(fields.contains("persons[2].discipline[0].level"))
    #expect(fields.contains("collectives[0].subordinate_units_total"))
    #expect(response.personsAccepted == 0)
    #expect(try await bed.evaluations().isEmpty)
  }

  @Test("absurd values are refused naming the field, not crashing")
  func absurdValues() async throws {
    let bed = try TestBed()
    var yearZero = Sample.member("P1")
    yearZero.year = 0
    var huge = Sample.member("P2")
    huge.subjectName = String(repeating: "x", count: 1_000_000)
    var negative = Sample.member("P3")
    negative.tasks = RatingTaskCounts(total: -5, onTime: 0, exceeded: 0)
    var extreme = Sample.member("P4")
    extreme.scores = RatingScores(commonCriteriaHundredths: .max, taskResultsHundredths: .max)
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [yearZero, huge, negative, extreme]))
    let fields = Set(response.errors.map(\.field))
    #expect(fields.contains("persons[0].year"))
    #expect(fields.contains("persons[1].subject_name"))
    #expect(fields.contains("persons[2].tasks.total"))
    #expect(fields.contains("persons[3].scores.common_criteria_hundredths"))
    #expect(!response.applied)
  }

  @Test("more evaluations than one call takes is RESOURCE_EXHAUSTED naming the list")
  func tooManyEntries() async throws {
    let bed = try TestBed()
    let persons = (0...50_000).map { Sample.member("P\($0)") }
    let error = await status {
      try await bed.call(ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: persons))
    }
    #expect(error?.code == .resourceExhausted)
    #expect(error?.message.hasPrefix("persons:") == true)
  }

  @Test("a dry run validates and writes nothing")
  func dryRun() async throws {
    let bed = try TestBed()
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [Sample.member("P1")], dryRun: true))
    #expect(!response.applied)
    #expect(response.errors.isEmpty)
    #expect(response.personsAccepted == 1)
    #expect(try await bed.evaluations().isEmpty)
  }

  @Test("a year no rule set rates is named in the error")
  func yearWithoutRuleSet() async throws {
    let bed = try TestBed()
    let response = try await bed.call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: [Sample.member("P1", year: 2019)]))
    #expect(response.errors.map(\.field) == ["persons[0].year"])
  }

  @Test("a clerk of another unit is refused with PERMISSION_DENIED before anything is read or written")
  func clerkOfAnotherUnit() async throws {
    let bed = try TestBed()
    var bad = Sample.member("P2", unit: "CB3")
    bad.scores = RatingScores(commonCriteriaHundredths: 99_999, taskResultsHundredths: 0)
    let error = await status {
      try await bed.call(
        ClassificationService.SubmitEvaluations.self,
        SubmitEvaluationsRequest(persons: [Sample.member("P1", unit: "DB1"), bad]), as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied)
    #expect(error?.message.hasPrefix("persons[1].unit_code:") == true)
    #expect(try await bed.evaluations().isEmpty)
  }

  @Test("a clerk submits for their own unit and the units under it")
  func clerkOfOwnSubtree() async throws {
    let bed = try TestBed()
    try await bed.submit(
      [Sample.member("P1", unit: "DB1"), Sample.member("P2", unit: "CB2")], collectives: [Sample.collective("CB1")],
      as: TestBed.clerk("DB1"))
    #expect(try await bed.evaluations().count == 3)
  }

  @Test("a repeat with the same idempotency key returns the first answer and writes nothing")
  func idempotentRepeat() async throws {
    let bed = try TestBed()
    let request = SubmitEvaluationsRequest(persons: [Sample.member("P1")], idempotencyKey: "batch-1")
    let first = try await bed.call(ClassificationService.SubmitEvaluations.self, request)
    let again = try await bed.call(ClassificationService.SubmitEvaluations.self, request)
    #expect(first == again)
    guard case .person(let stored)? = try await bed.evaluations().first?.subject else { throw TestFailure("missing") }
    #expect(stored.revision == 1)

    let other = SubmitEvaluationsRequest(persons: [Sample.member("P1", total: 9_000)], idempotencyKey: "batch-1")
    let error = await status { try await bed.call(ClassificationService.SubmitEvaluations.self, other) }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.hasPrefix("idempotency_key:") == true)
  }

  @Test("a changed evaluation takes the next revision; the same one sent again keeps its revision")
  func revisions() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")])
    try await bed.submit([Sample.member("P1")])
    try await bed.submit([Sample.member("P1", total: 9_100)])
    guard case .person(let stored)? = try await bed.evaluations().first?.subject else { throw TestFailure("missing") }
    #expect(stored.revision == 2)
    #expect(stored.scores == Sample.scores(9_100))
  }

  @Test("ListEvaluations pages with an opaque token and filters by subtree, kind and subject")
  func listPagingAndFilters() async throws {
    let bed = try TestBed()
    try await bed.submit((1...5).map { Sample.member("P\($0)", unit: $0 % 2 == 0 ? "CB3" : "CB1") })
    var request = ClassificationListEvaluationsRequest(page: PageRequest(pageSize: 2), year: Sample.year)
    var seen: [String] = []
    for _ in 0..<5 {
      let page = try await bed.call(ClassificationService.ListEvaluations.self, request)
      #expect(page.page?.totalCount == 5)
      for evaluation in page.evaluations { if case .person(let person)? = evaluation.subject { seen.append(person.personId) } }
      guard let token = page.page?.nextPageToken, !token.isEmpty else { break }
      request.page = PageRequest(pageSize: 2, pageToken: token)
    }
    #expect(seen == ["P1", "P3", "P5", "P2", "P4"])

    let underDB2 = try await bed.call(
      ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year, unitCode: "DB2"))
    #expect(underDB2.evaluations.count == 2)
    let one = try await bed.call(
      ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year, subjectId: "P3"))
    #expect(one.evaluations.count == 1)

    let badToken = await status {
      try await bed.call(
        ClassificationService.ListEvaluations.self,
        ClassificationListEvaluationsRequest(page: PageRequest(pageToken: "not-a-token"), year: Sample.year))
    }
    #expect(badToken?.code == .invalidArgument)
    #expect(badToken?.message.hasPrefix("page.page_token:") == true)
  }

  @Test("a clerk lists their own subtree by default and is refused another unit's")
  func clerkListsOwnSubtree() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1"), Sample.member("P2", unit: "CB3")])
    let own = try await bed.call(
      ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year),
      as: TestBed.clerk("DB1"))
    #expect(own.evaluations.count == 1)
    let error = await status {
      try await bed.call(
        ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year, unitCode: "DB2"),
        as: TestBed.clerk("DB1"))
    }
    #expect(error?.code == .permissionDenied)
  }
}

/// A failure a test reports with words.
struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
