import ClassificationDomain
import Testing

/// Results as CSV: RFC 4180, UTF-8, a header, Vietnamese level names with diacritics.
@Suite("CSV export")
struct CSVExportTests {
  private func csv(_ persons: [PersonEvaluation], quota: Bool = false, byteOrderMark: Bool = false) throws -> String {
    let set = quota ? RuleSet.quyDinh366 : RuleSet.quyDinh366.withoutQuota
    return RatingCSV.export(
      try Fixture.run(persons, ruleSet: set).ratings, runId: "run-1", byteOrderMark: byteOrderMark)
  }

  @Test func theHeaderNamesEveryColumn() throws {
    let lines = try csv([]).components(separatedBy: "\r\n")
    #expect(
      lines.first
        == "subject_kind,subject_id,subject_name,unit_code,quota_unit_code,duty_group,year,score,level,level_before_quota,quota_demoted,failed_rules,run_id,locked"
    )
  }

  @Test func aRowCarriesTheVietnameseLevelWithDiacriticsAndTheScoreWithTwoDecimals() throws {
    let lines = try csv([Fixture.member("P1", total: 9_050)]).components(separatedBy: "\r\n")
    #expect(
      lines[1]
        == "PARTY_MEMBER,P1,,CB01,CB01,,2025,90.50,Hoàn thành xuất sắc nhiệm vụ,Hoàn thành xuất sắc nhiệm vụ,false,,run-1,false"
    )
  }

  @Test func aDemotedRowShowsBothLevels() throws {
    let row = try csv([Fixture.member("P1", total: 9_050)], quota: true).components(separatedBy: "\r\n")[1]
    #expect(row.contains(",90.50,Hoàn thành tốt nhiệm vụ,Hoàn thành xuất sắc nhiệm vụ,true,"))
  }

  @Test func failedRulesAreJoinedByABar() throws {
    let member = Fixture.member("P1", total: 9_600, tasks: TaskCounts(total: 20, onTime: 19, exceeded: 2))
    let row = try csv([member]).components(separatedBy: "\r\n")[1]
    #expect(
      row.contains(
        ",Hoàn thành nhiệm vụ,Hoàn thành nhiệm vụ,false,366.d11.tasks_on_time|366.d11.htxsnv.tasks_exceeded,"))
  }

  @Test func aFieldWithACommaOrAQuoteIsQuoted() throws {
    var member = Fixture.member("P1")
    member.subjectName = "Nguyễn Văn \"An\", Bí thư"
    let row = try csv([member]).components(separatedBy: "\r\n")[1]
    #expect(row.hasPrefix("PARTY_MEMBER,P1,\"Nguyễn Văn \"\"An\"\", Bí thư\",CB01,"))
  }

  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"),
  ])
  func aNameASpreadsheetWouldRunAsAFormulaIsWrittenAsText(name: String, cell: String) throws {
    var member = Fixture.member("P1")
    member.subjectName = name
    let row = try csv([member]).components(separatedBy: "\r\n")[1]
    #expect(row.hasPrefix("PARTY_MEMBER,P1,\(cell),CB01,"), "\(row)")
  }

  @Test func aFormulaInAnIdIsNeutralisedButTheScoreStaysANumber() throws {
    let row = try csv([Fixture.member("=1+1", unit: "-CB01", total: 9_050)]).components(separatedBy: "\r\n")[1]
    #expect(row.hasPrefix("PARTY_MEMBER,'=1+1,,'-CB01,'-CB01,,2025,90.50,"), "\(row)")
  }

  @Test func everyRecordEndsWithCRLF() throws {
    let text = try csv([Fixture.member("P1"), Fixture.member("P2")])
    #expect(text.hasSuffix("\r\n"))
    #expect(text.components(separatedBy: "\r\n").count == 4)
  }

  @Test func aByteOrderMarkIsWrittenOnlyWhenAsked() throws {
    #expect(try csv([], byteOrderMark: true).unicodeScalars.first == "\u{FEFF}")
    #expect(try csv([]).unicodeScalars.first == "s")
  }
}
