import Testing
@testable import RegistryDomain

@Suite("CSV reading and writing (RFC 4180)")
struct CSVParserTests {
  @Test func aQuotedFieldHoldsCommasLineBreaksAndDoubledQuotes() {
    let document = CSVParser.parse("a,b\n\"Sở Nội vụ, tỉnh\",\"dòng 1\ndòng 2 \"\"trích\"\"\"\nx,y\n")
    #expect(document.errors.isEmpty)
    #expect(document.records.map(\.fields) == [["a", "b"], ["Sở Nội vụ, tỉnh", "dòng 1\ndòng 2 \"trích\""], ["x", "y"]])
    #expect(document.records.map(\.line) == [1, 2, 4])
  }

  @Test func aByteOrderMarkIsSkippedAndCRLFEndsRecords() {
    let document = CSVParser.parse("\u{FEFF}code,name\r\nDUK,Đảng bộ Khối\r\n")
    #expect(document.errors.isEmpty)
    #expect(document.records.map(\.fields) == [["code", "name"], ["DUK", "Đảng bộ Khối"]])
  }

  @Test func emptyFieldsAtTheEndOfARecordAreKept() {
    let document = CSVParser.parse("a,b,c\n1,,\n")
    #expect(document.records.last?.fields == ["1", "", ""])
  }

  @Test func anUnterminatedQuoteIsReportedOnTheLineItOpens() {
    let document = CSVParser.parse("a,b\n1,2\n3,\"không đóng\n4,5\n")
    #expect(document.errors.count == 1)
    #expect(document.errors.first?.line == 3)
    #expect(document.errors.first?.column == 2)
  }

  @Test func aQuoteInsideAnUnquotedFieldIsReportedWithLineAndColumnAndReadingGoesOn() {
    let document = CSVParser.parse("a,b,c\n1,2,3\n4,ab\"c,6\n7,8,\"9\"x\n")
    #expect(document.errors.map(\.line) == [3, 4])
    #expect(document.errors.map(\.column) == [2, 3])
    #expect(document.errors.first?.message.contains("character 5") == true)
    #expect(document.records.count == 4)
  }

  @Test func bytesThatAreNotUTF8AreReportedWhereTheyAre() {
    let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
    let document = CSVParser.parse(bytes: bytes)
    #expect(document.errors.map(\.line) == [2])
    #expect(document.errors.map(\.column) == [2])
  }

  @Test func aNulCharacterIsReportedWhereItIsAndReadAsAReplacementCharacter() {
    let bytes: [UInt8] = Array("a,b\n1,x".utf8) + [0, 0] + Array("y\n".utf8)
    let document = CSVParser.parse(bytes: bytes)
    #expect(document.errors.map(\.line) == [2])
    #expect(document.errors.map(\.column) == [2])
    #expect(document.errors.first?.message.contains("U+0000") == true)
    #expect(document.records.last?.fields == ["1", "x\u{FFFD}\u{FFFD}y"])
  }

  @Test func whatTheWriterWritesTheParserReadsBack() {
    let rows = [["plain", "có, dấu phẩy", "có \"ngoặc\"", "hai\r\ndòng", " lề ", ""]]
    let text = CSVWriter.document(header: ["a", "b", "c", "d", "e", "f"], rows: rows)
    let document = CSVParser.parse(text)
    #expect(document.errors.isEmpty)
    #expect(document.records.dropFirst().map(\.fields) == rows)
    #expect(text.hasPrefix("a,b,c,d,e,f\r\nplain,\"có, dấu phẩy\""))
  }
}
