import ClassificationDomain
import ReformKit
import Testing

/// An evaluation that cannot be rated is refused before anything is rated, naming the field
/// and the person, with a kind the handler maps to a gRPC status.
@Suite("Input validation")
struct InputValidationTests {
  private func firstError(
    _ persons: [PersonEvaluation], collectives: [CollectiveEvaluation] = [], ruleSet: RuleSet = .quyDinh366,
    year: Int = 2025
  ) throws -> ClassificationInputError? {
    let engine = try ClassificationEngine(ruleSet: ruleSet)
    do {
      _ = try engine.run(ClassificationInput(year: year, persons: persons, collectives: collectives))
      return nil
    } catch {
      return error
    }
  }

  @Test func aCommonScoreAbove30PointsNamesTheFieldAndThePerson() throws {
    var member = Fixture.member("P-0012")
    member.scores = RatingScores(commonCriteriaHundredths: 3_050, taskResultsHundredths: 6_000)
    let error = try firstError([Fixture.member("P-0001"), member])
    #expect(error?.field == "persons[1].scores.commonCriteriaHundredths")
    #expect(error?.subjectId == "P-0012")
    #expect(error?.kind == .invalidArgument)
    #expect(
      error?.description == "persons[1].scores.commonCriteriaHundredths (P-0012): 3050 is outside 0…3000 (30 points)")
  }

  @Test func aNegativeTaskResultsScoreIsRefused() throws {
    var member = Fixture.member("P1")
    member.scores = RatingScores(commonCriteriaHundredths: 2_000, taskResultsHundredths: -1)
    #expect(try firstError([member])?.field == "persons[0].scores.taskResultsHundredths")
  }

  @Test func aScoredSetNeedsScores() throws {
    var member = Fixture.member("P1")
    member.scores = nil
    #expect(try firstError([member])?.field == "persons[0].scores")
  }

  @Test func aSetWithoutPointsNeedsTheAssessedLevel() throws {
    #expect(
      try firstError([Fixture.member("P1", year: 2024)], ruleSet: .quyDinh124, year: 2024)?.field
        == "persons[0].assessedLevel")
  }

  @Test func moreTasksExceededThanOnTimeIsRefused() throws {
    let member = Fixture.member("P1", tasks: TaskCounts(total: 10, onTime: 5, exceeded: 6))
    #expect(try firstError([member])?.field == "persons[0].tasks.exceeded")
  }

  @Test func theSameIdInNFCAndNFDIsOnePersonGivenTwice() throws {
    let composed = Fixture.member("Nguy\u{1EC5}n-01")
    let decomposed = Fixture.member("Nguye\u{302}\u{303}n-01")
    let error = try firstError([composed, decomposed])
    #expect(error?.field == "persons[1].personId")
    #expect(error?.kind == .alreadyExists)
  }

  @Test func anEvaluationOfAnotherYearIsRefused() throws {
    #expect(try firstError([Fixture.member("P1", year: 2024)])?.field == "persons[0].year")
  }

  @Test func aCivilServantCannotBeRatedUnderTheParty366Set() throws {
    let error = try firstError([Fixture.member("C1", kind: .civilServant)])
    #expect(error?.field == "persons[0].subjectKind")
    #expect(error?.kind == .failedPrecondition)
  }

  @Test func aSetOutsideItsYearsIsRefused() throws {
    let error = try firstError([Fixture.member("P1")], ruleSet: .quyDinh124)
    #expect(error?.field == "year")
    #expect(error?.kind == .failedPrecondition)
  }

  @Test func aDisciplinedLeaderMustBeALeader() throws {
    let collective = Fixture.collective("DB01", leaders: ["P1"], disciplinedLeaders: ["P9"])
    #expect(try firstError([], collectives: [collective])?.field == "collectives[0].disciplinedLeaderPersonIds[0]")
  }

  @Test func everyErrorIsListedNotOnlyTheFirst() {
    var member = Fixture.member("P1", year: 2024)
    member.unitCode = ""
    let errors = ClassificationInput(year: 2025, persons: [member]).validationErrors(against: .quyDinh366)
    #expect(errors.map(\.field) == ["persons[0].year", "persons[0].unitCode"])
  }

  @Test func twoExceptionsForOneUnitAndYearAreRefused() throws {
    let exception = QuotaException(
      id: "E1", unitCode: "CB01", year: 2025, grant: .extraPlaces(1), authority: "Ban Thường vụ",
      decision: SourceRef(document: "QĐ 1"))
    var second = exception
    second.id = "E2"
    let errors = ClassificationInput(year: 2025).validationErrors(
      against: .quyDinh366, exceptions: [exception, second])
    #expect(errors.map(\.field) == ["exceptions[1].unitCode"])
    #expect(errors.first?.kind == .alreadyExists)
  }
}
