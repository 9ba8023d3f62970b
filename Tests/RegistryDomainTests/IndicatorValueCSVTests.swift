import Testing
@testable import RegistryDomain

@Suite("Indicator values CSV")
struct IndicatorValueCSVTests {
  let set = IndicatorSet.resolution01

  @Test func valuesSurviveARoundTrip() throws {
    let tree = try Fixtures.tree()
    let csv = #"""
      set_id,indicator_code,unit_code,period,numerator,denominator,note,evidence
      01-NQ-DUK-2020-2025,3b,DBCS-A,2024,1200,2000,"Tính cả hồ sơ ""một phần""",Báo cáo số 12-BC/ĐU
      01-NQ-DUK-2020-2025,2,CBCS-B,2023,1,1,,

      """#
    let values = try IndicatorValueCSV.importValues(csv, sets: [set], tree: tree)
    let again = try IndicatorValueCSV.importValues(IndicatorValueCSV.export(values), sets: [set], tree: tree)
    #expect(again == values)
    #expect(values.first?.note == "Tính cả hồ sơ \"một phần\"")
  }

  @Test func aComputedIndicatorCannotBeImported() throws {
    let csv = "set_id,indicator_code,unit_code,period,numerator,denominator\n01-NQ-DUK-2020-2025,4b,DBCS-A-01,2024,3,4\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try IndicatorValueCSV.importValues(csv, sets: [set], tree: try Fixtures.tree())
    }
    #expect(failure?.errors.map { "\($0.line):\($0.column):\($0.field)" } == ["2:2:indicator_code"])
  }

  @Test func aNumeratorAboveItsDenominatorIsRefusedOnTheNumeratorColumn() throws {
    let csv = "indicator_code,unit_code,period,numerator,denominator\n3e,CBCS-B,2024,91,90\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try IndicatorValueCSV.importValues(csv, sets: [set], tree: try Fixtures.tree(), defaultSetID: set.id)
    }
    #expect(failure?.errors.map { "\($0.line):\($0.column):\($0.field)" } == ["2:4:numerator"])
  }

  @Test func aValueForAnApprovedPeriodIsRefusedNamingTheStatus() throws {
    let tree = try Fixtures.tree()
    var book = ReportingBook()
    let key = PeriodKey(setID: set.id, unitCode: "CBCS-B", period: .year(2024))
    try book.submit(key, set: set, tree: tree, stamp: Fixtures.stamp, allowMissing: true)
    try book.approve([key], tree: tree, stamp: Fixtures.stamp)
    let csv = "set_id,indicator_code,unit_code,period,numerator,denominator\n01-NQ-DUK-2020-2025,5,CBCS-B,2024,1,1\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try IndicatorValueCSV.importValues(csv, sets: [set], tree: tree, book: book)
    }
    #expect(failure?.errors.first?.field == "period")
    #expect(failure?.errors.first?.message.contains("APPROVED") == true)
  }

  @Test func aPeriodOutsideTheTermIsRefused() throws {
    let csv = "set_id,indicator_code,unit_code,period,numerator,denominator\n01-NQ-DUK-2020-2025,5,CBCS-B,2026,1,1\n"
    let failure = #expect(throws: CSVImportFailure.self) {
      try IndicatorValueCSV.importValues(csv, sets: [set], tree: try Fixtures.tree())
    }
    #expect(failure?.errors.map(\.field) == ["period"])
  }
}
