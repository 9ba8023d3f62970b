import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Reports and their renderings")
struct ReportTests {
  let generatedAt = Date(timeIntervalSince1970: 1_735_660_800)  // 2024-12-31 16:00 UTC = 23:00 in Vietnam

  func report(unitName: String = "Chi bộ Sở Tư pháp") throws -> IndicatorReport {
    var tree = try Fixtures.tree()
    var unit = try #require(tree.unit("CBCS-B"))
    unit.name = unitName
    try tree.update(unit, effective: CivilDate(2024, 1, 1), stamp: Fixtures.stamp)
    let set = IndicatorSet.resolution01
    let values = [
      IndicatorValue(set: set.id, indicator: "3b", unit: "CBCS-B", period: .year(2024), 600, 1000),
      IndicatorValue(set: set.id, indicator: "3b", unit: "DBCS-A", period: .year(2024), 300, 1000),
    ]
    return try IndicatorReport.build(set: set, period: .year(2024), tree: tree, values: values, generatedAt: generatedAt)
  }

  @Test func theHTMLNamesEveryIndicatorInFullAndEscapesMarkup() throws {
    let html = ReportHTMLRenderer.render(try report(unitName: "Chi bộ <Thử> & \"Kiểm\""))
    for indicator in IndicatorSet.resolution01.indicators {
      #expect(html.contains(HTMLText.escaped(indicator.name)), "missing the name of \(indicator.code)")
      #expect(html.contains("<span class=\"code\">Chỉ tiêu \(indicator.code)</span>"))
    }
    #expect(html.contains("Chi bộ &lt;Thử&gt; &amp; &quot;Kiểm&quot;"))
    #expect(!html.contains("<Thử>"))
  }

  @Test func markupFollowedByACombiningMarkIsStillEscaped() {
    #expect(HTMLText.escaped("a\"\u{0301} onload=") == "a&quot;\u{0301} onload=")
    #expect(HTMLText.escaped("<\u{0323}b>&'") == "&lt;\u{0323}b&gt;&amp;&#39;")
    #expect(HTMLText.escaped("Sở Nội vụ") == "Sở Nội vụ")
  }

  @Test func dashesAndCheckMarksTakeOneColumnAndMarksNone() {
    #expect(ReportFormatting.displayWidth("✓ Đạt — 66,67% –") == 16)
    #expect(ReportFormatting.displayWidth("Chi bo\u{0323}\u{0302} 中文") == 11)
    #expect(ReportFormatting.truncated("Đảng bộ Sở Nội vụ", to: 8) == "Đảng bộ…")
    #expect(ReportFormatting.truncated("中文中文", to: 5) == "中文…")
  }

  @Test func theHTMLIsOneSelfContainedVietnameseDocument() throws {
    let html = ReportHTMLRenderer.render(try report())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(html.components(separatedBy: "<section id=\"chi-tieu-").count - 1 == 10)
    #expect(html.components(separatedBy: "<svg").count - 1 == 1)
    #expect(html.contains("@media print"))
  }

  @Test func metAndNotMetShowASymbolAndWordsNotOnlyColour() throws {
    let html = ReportHTMLRenderer.render(try report())
    #expect(html.contains("<span class=\"badge met\">✓ Đạt</span>"))
    #expect(html.contains("<span class=\"badge not-met\">✗ Không đạt</span>"))
  }

  @Test func unitsRankByTheTargetsDirectionAndTiesShareARank() {
    let target = IndicatorTarget(.greaterOrEqual, Percentage(percent: 50))
    func row(_ code: String, _ numerator: Int, _ denominator: Int) -> IndicatorReportRow {
      let ratio = Ratio(numerator, denominator)
      return IndicatorReportRow(
        unit: Fixtures.unit(code, code, .grassrootsCell, "DUK"), depth: 1,
        result: IndicatorResult(
          setID: "S", indicatorCode: "9", unitCode: code, period: .year(2024), ratio: ratio, valueBasisPoints: ratio.basisPoints,
          attainmentBasisPoints: 0, outcome: target.outcome(for: ratio), unitsReported: 1, unitsExpected: 1, unitsApproved: 0),
        rank: 0, rankedCount: 0)
    }
    let ranked = IndicatorReport.ranked([row("C", 1, 2), row("A", 9, 10), row("N", 0, 0), row("B", 2, 4), row("D", 1, 10)], by: target)
    #expect(ranked.map(\.unit.code) == ["A", "B", "C", "D", "N"])
    #expect(ranked.map(\.rank) == [1, 2, 2, 4, 0])
  }

  @Test func theTextTableAlignsVietnameseNamesByDisplayWidth() throws {
    let decomposed = "Chi bo\u{0323}\u{0302} Thu\u{031B}\u{0309}"
    let text = ReportTextRenderer.render(try report(unitName: decomposed))
    let section = try #require(text.components(separatedBy: "Chỉ tiêu 3b.").last)
    let lines = section.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.contains("Hạng") && $0.contains("Tỷ lệ") })
    let row = try #require(lines.first { $0.contains("Chi bộ Thử") })
    // The "Tỷ lệ" column ends at the same display column on the header and on the row.
    let headerRange = try #require(header.range(of: "Tỷ lệ"))
    let rowRange = try #require(row.range(of: "60%"))
    let headerEnd = ReportFormatting.displayWidth(String(header[..<headerRange.upperBound]))
    let rowEnd = ReportFormatting.displayWidth(String(row[..<rowRange.upperBound]))
    #expect(headerEnd == rowEnd)
    #expect(text.contains("Lập lúc 23:00 ngày 31/12/2024 (giờ Việt Nam)"))
  }

  @Test func theCSVStartsEachIndicatorWithTheRootsAggregate() throws {
    let csv = ReportCSVRenderer.render(try report())
    let records = CSVParser.parse(csv).records
    #expect(records.first?.fields == ReportCSVRenderer.columns)
    let threeB = records.filter { $0.fields[0] == "3b" }.map { [$0.fields[3], $0.fields[6], $0.fields[9], $0.fields[12]] }
    #expect(threeB == [["DUK", "0", "45", "NOT_MET"], ["CBCS-B", "1", "60", "MET"], ["DBCS-A", "2", "30", "NOT_MET"]])
  }
}
