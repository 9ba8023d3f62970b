import ExchangeDomain
import Testing

@Suite("Indicator 3a counts")
struct NetworkShareCountTests {
  let q3 = ReportingPeriod.quarter(2025, 3)!
  let q4 = ReportingPeriod.quarter(2025, 4)!

  @Test func networkDocumentsOverAllDocumentsPerUnitAndPeriod() {
    let flows = [
      DocumentFlow(unitCode: "LC01", period: q3, direction: .sent, channel: .network, count: 40),
      DocumentFlow(unitCode: "LC01", period: q3, direction: .received, channel: .network, count: 45),
      DocumentFlow(unitCode: "LC01", period: q3, direction: .received, channel: .outside, count: 15),
      DocumentFlow(unitCode: "LC01", period: q4, direction: .sent, channel: .outside),
      DocumentFlow(unitCode: "LC02", period: q3, direction: .sent, channel: .network),
    ]
    #expect(NetworkShareCount.tally(flows) == [
      NetworkShareCount(unitCode: "LC01", period: q3, numerator: 85, denominator: 100),
      NetworkShareCount(unitCode: "LC01", period: q4, numerator: 0, denominator: 1),
      NetworkShareCount(unitCode: "LC02", period: q3, numerator: 1, denominator: 1),
    ])
  }

  @Test(arguments: [Confidentiality.confidential, .secret, .topSecret])
  func secretDocumentsCountInNeitherNumeratorNorDenominator(level: Confidentiality) {
    let flows = [
      DocumentFlow(unitCode: "LC01", period: q3, direction: .sent, channel: .network, count: 8),
      DocumentFlow(unitCode: "LC01", period: q3, direction: .received, channel: .outside, confidentiality: level, count: 5),
      DocumentFlow(unitCode: "LC01", period: q3, direction: .sent, channel: .network, confidentiality: level, count: 2),
    ]
    #expect(NetworkShareCount.tally(flows) == [
      NetworkShareCount(unitCode: "LC01", period: q3, numerator: 8, denominator: 8, secretExcluded: 7)
    ])
  }

  @Test func aUnitWithOnlySecretDocumentsCountsZeroOverZero() {
    let flows = [DocumentFlow(unitCode: "LC03", period: q3, direction: .sent, channel: .outside, confidentiality: .secret)]
    #expect(NetworkShareCount.tally(flows).map { [$0.numerator, $0.denominator] } == [[0, 0]])
  }

  @Test func noDocumentsGiveNoCounts() {
    #expect(NetworkShareCount.tally([DocumentFlow]()).isEmpty)
  }
}
