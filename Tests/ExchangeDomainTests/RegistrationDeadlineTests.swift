import ExchangeDomain
import Testing

@Suite("Registration deadline")
struct RegistrationDeadlineTests {
  let rule = RegistrationDeadline.nghiDinh30

  @Test(arguments: [Urgency.urgent, .veryUrgent, .flash])
  func anUrgentDocumentMustBeRegisteredTheDayItArrives(urgency: Urgency) {
    let arrival = instant("2025-10-17T16:00:00+07:00")
    #expect(!rule.wasLate(arrival: arrival, registration: instant("2025-10-17T23:59:00+07:00"), urgency: urgency))
    #expect(rule.wasLate(arrival: arrival, registration: instant("2025-10-18T07:30:00+07:00"), urgency: urgency))
  }

  @Test func anUrgentDocumentArrivingOnSaturdayIsStillDueThatDay() {
    #expect(rule.lastDay(arrivedOn: day(2025, 10, 18), urgency: .flash) == day(2025, 10, 18))
  }

  @Test func aNormalDocumentMayWaitUntilTheNextWorkingDay() {
    let arrival = instant("2025-10-15T10:00:00+07:00")  // Wednesday
    #expect(!rule.wasLate(arrival: arrival, registration: instant("2025-10-16T17:00:00+07:00"), urgency: .normal))
    #expect(rule.wasLate(arrival: arrival, registration: instant("2025-10-17T08:00:00+07:00"), urgency: .normal))
  }

  @Test func aNormalDocumentArrivingOnFridayIsDueOnMonday() {
    #expect(rule.lastDay(arrivedOn: day(2025, 10, 17), urgency: .normal) == day(2025, 10, 20))
  }

  @Test func aNormalDocumentArrivingAtTheWeekendIsDueOnMonday() {
    #expect(rule.lastDay(arrivedOn: day(2025, 10, 18), urgency: .normal) == day(2025, 10, 20))
    #expect(rule.lastDay(arrivedOn: day(2025, 10, 19), urgency: .normal) == day(2025, 10, 20))
  }

  @Test func daysAreCountedInHoChiMinhCityNotUTC() {
    // Arrived 23:30 on Wednesday in Hồ Chí Minh City, which is still Wednesday 16:30 in UTC;
    // registered 00:30 on Friday there (Thursday 17:30 UTC): one day too late.
    let arrival = instant("2025-10-15T16:30:00Z")
    #expect(rule.wasLate(arrival: arrival, registration: instant("2025-10-16T17:30:00Z"), urgency: .normal))
  }

  @Test func aCopysRegistrationIsJudgedFromItsHistory() throws {
    var copy = Delivery(receiver: Sample.homeAffairs, arrivalNumber: 3, arrivalTime: instant("2025-10-17T15:00:00+07:00"))
    try copy.record(
      StatusNotice(
        code: .registered, actor: .receiver, organId: Sample.homeAffairs.organId,
        time: instant("2025-10-20T08:00:00+07:00")))
    let registered = try #require(copy.registrationTime)
    #expect(!rule.wasLate(arrival: copy.arrivalTime, registration: registered, urgency: .normal))
    #expect(rule.wasLate(arrival: copy.arrivalTime, registration: registered, urgency: .urgent))
  }
}
