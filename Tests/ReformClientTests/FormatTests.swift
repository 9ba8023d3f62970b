import ReformWire
import Testing

@testable import reformctl

/// How `reformctl` writes times, durations and tables.
@Suite struct FormatTests {
  @Test func wallClockIsInHoChiMinhCity() {
    // 2025-01-01T00:00:00Z is 07:00 in Vietnam.
    #expect(Format.wallClock(Timestamp(seconds: 1_735_689_600)) == "2025-01-01 07:00:00 +07:00")
    #expect(Format.wallClock(nil) == "-")
  }

  @Test func agesReadAsAPersonWouldSayThem() {
    #expect(Format.age(milliseconds: 850) == "850ms")
    #expect(Format.age(milliseconds: 4_200) == "4.2s")
    #expect(Format.age(milliseconds: 187_000) == "3m07s")
    #expect(Format.age(milliseconds: 7_500_000) == "2h05m")
  }

  @Test func ratesAndLatenciesHaveOneDecimal() {
    #expect(Format.fromMilli(1_500) == "1.5")
    #expect(Format.millisecondsFromMicros(12_345) == "12.3")
  }

  @Test func tableAlignsTextLeftAndFiguresRight() {
    var table = TextTable([.text("ID"), .number("DONE")])
    table.append(["w-1", "7"])
    table.append(["worker-22", "1234"])
    #expect(table.render() == """
      ID         DONE
      w-1           7
      worker-22  1234
      """)
  }
}
