import ClassificationDomain
import Testing

/// Quy định 366-QĐ/TW, Điều 11: HTTNV and above need 100% of tasks on time; HTXSNV also needs
/// at least 30% exceeded. Shares are compared exactly, never rounded.
@Suite("Task conditions")
struct TaskConditionTests {
  @Test func anExcellentScoreWith95PercentOnTimeIsNeitherExcellentNorGood() throws {
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 20, onTime: 19, exceeded: 10))
    let rating = try Fixture.rate(member)
    #expect(rating.level == .htnv)
    #expect(
      rating.check("366.d11.tasks_on_time")?.explanation(in: .vietnamese)
        == "Không đạt — 19/20 nhiệm vụ đúng hạn (95%) < 100% → Hoàn thành nhiệm vụ")
  }

  @Test func anExceededShareOf29_9PercentIsGoodNotExcellent() throws {
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 1_000, onTime: 1_000, exceeded: 299))
    let rating = try Fixture.rate(member)
    #expect(rating.level == .httnv)
    #expect(rating.check("366.d11.htxsnv.tasks_exceeded")?.outcome == .failed)
  }

  @Test func anExceededShareOf30PercentIsExcellent() throws {
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 1_000, onTime: 1_000, exceeded: 300))
    #expect(try Fixture.rate(member).level == .htxsnv)
  }

  @Test func aShareJustUnder30PercentIsNotRoundedUp() throws {
    // 29/97 = 29.897…%, which two decimals would show as 29.90% and a rounding engine might pass.
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 97, onTime: 97, exceeded: 29))
    #expect(try Fixture.rate(member).level == .httnv)
  }

  @Test func aMemberWithoutTasksIsRatedOnPointsAlone() throws {
    let rating = try Fixture.rate(Fixture.member("P1", total: 9_600, tasks: nil))
    #expect(rating.level == .htxsnv)
    #expect(rating.check("366.d11.tasks_on_time")?.outcome == .notApplicable)
  }

  @Test func aMissedDeadlineDoesNotLowerAMemberAlreadyCompleted() throws {
    let member = Fixture.member("P1", total: 6_000, tasks: TaskCounts(total: 10, onTime: 8, exceeded: 0))
    #expect(try Fixture.rate(member).level == .htnv)
  }
}
