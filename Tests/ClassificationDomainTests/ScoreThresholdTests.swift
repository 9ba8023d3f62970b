import ClassificationDomain
import Testing

/// Quy định 366-QĐ/TW, Điều 11: HTXSNV from 90, HTTNV from 70, HTNV from 50, KHTNV below.
@Suite("Score thresholds")
struct ScoreThresholdTests {
  @Test func aScoreOf49_99IsNotCompleted() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 4_999)).level == .khtnv)
  }

  @Test func aScoreOf50IsCompleted() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 5_000)).level == .htnv)
  }

  @Test func aScoreOf69_99IsCompletedNotGood() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 6_999)).level == .htnv)
  }

  @Test func aScoreOf70IsGood() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 7_000)).level == .httnv)
  }

  @Test func aScoreOf89_99IsGoodNotExcellent() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 8_999)).level == .httnv)
  }

  @Test func aScoreOf90IsExcellent() throws {
    #expect(try Fixture.rate(Fixture.member("P1", total: 9_000)).level == .htxsnv)
  }

  @Test func eachThresholdRecordsWhetherItWasReached() throws {
    let rating = try Fixture.rate(Fixture.member("P1", total: 8_550))
    #expect(rating.scoreHundredths == 8_550)
    #expect(rating.check("366.d11.htxsnv.score")?.outcome == .failed)
    #expect(rating.check("366.d11.httnv.score")?.outcome == .held)
    #expect(rating.check("366.d11.htxsnv.score")?.detail(in: .vietnamese) == "tổng điểm 85,5 < 90")
  }

  @Test func theCivilServantSetUsesTheSameThresholds() throws {
    let servant = Fixture.member("C1", total: 8_999, kind: .civilServant, year: 2026)
    #expect(try Fixture.rate(servant, ruleSet: .nghiDinh335).level == .httnv)
  }
}
