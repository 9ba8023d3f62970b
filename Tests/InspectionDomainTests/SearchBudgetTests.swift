import Foundation
import InspectionDomain
import Testing

@Suite("Search budget")
struct SearchBudgetTests {
  private let now = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func aLimitOfZeroTakesTheDefault() {
    #expect(SearchBudget(timeLimitMilliseconds: 0, deadline: nil, now: now).budget == .milliseconds(10_000))
    #expect(SearchBudget(timeLimitMilliseconds: 250, deadline: nil, now: now).budget == .milliseconds(250))
  }

  @Test func aNearerDeadlineShortensTheBudgetToFourFifthsOfTheTimeLeft() {
    let budget = SearchBudget(timeLimitMilliseconds: 10_000, deadline: now.addingTimeInterval(5), now: now)
    #expect(budget.budget == .milliseconds(4_000))
    let passed = SearchBudget(timeLimitMilliseconds: 10_000, deadline: now.addingTimeInterval(-1), now: now)
    #expect(passed.budget == .zero)
  }

}
