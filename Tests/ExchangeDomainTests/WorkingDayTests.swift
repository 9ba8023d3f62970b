import ExchangeDomain
import ReformKit
import Testing

@Suite("Working days")
struct WorkingDayTests {
  @Test func theNextWorkingDayAfterFridayIsMonday() {
    #expect(day(2025, 10, 24).nextWorkingDay() == day(2025, 10, 27))
    #expect(day(2025, 10, 25).nextWorkingDay() == day(2025, 10, 27))
    #expect(day(2025, 10, 20).nextWorkingDay() == day(2025, 10, 21))
  }
}
