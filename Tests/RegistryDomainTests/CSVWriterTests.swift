import Testing
@testable import RegistryDomain

@Suite("Writing CSV")
struct CSVWriterTests {
  @Test func aQuoteFollowedByACombiningMarkIsDoubledLikeAnyOther() {
    let field = "Chi bộ \"\u{0301}Một\""
    #expect(CSVWriter.quoted(field) == "\"Chi bộ \"\"\u{0301}Một\"\"\"")
    let text = CSVWriter.document(header: ["a"], rows: [[field]])
    #expect(CSVParser.parse(text).records.last?.fields == [field])
  }

  @Test func blanksAtEitherEndAreQuotedAndOthersAreNot() {
    #expect(CSVWriter.quoted(" lề") == "\" lề\"")
    #expect(CSVWriter.quoted("lề\u{00A0}") == "\"lề\u{00A0}\"")
    #expect(CSVWriter.quoted("lề \u{0301}") == "\"lề \u{0301}\"")
    #expect(CSVWriter.quoted("Sở Nội vụ") == "Sở Nội vụ")
    #expect(CSVWriter.quoted("") == "")
  }
}
