import ExchangeDomain
import Foundation
import Testing

@Suite("DocumentId")
struct DocumentIdTests {
  @Test func theNationalExampleReadsIntoItsParts() throws {
    let id = try DocumentId(parsing: "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")
    #expect(id.organId.rawValue == "000.00.00.G22")
    #expect(id.issuedDate == day(2015, 9, 30))
    #expect(id.codeNumber == "7816")
    #expect(id.codeNotation == "VPCP-TTĐT")
  }

  @Test(arguments: [
    "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", "000.00.00.H41,2020/12/31,01/NQ/ĐUK",
    "000.00.31.H41,2025/01/02,15/QĐ-UBND", "000.00.00.G01,2024/02/29,3/BC-KH&ĐT",
  ])
  func formattingAndParsingRoundTrip(text: String) throws {
    #expect(try DocumentId(parsing: text).description == text)
  }

  @Test func aNotationMayContainASlashSoTheNumberEndsAtTheFirst() throws {
    let id = try DocumentId(parsing: "000.00.00.H41,2020/12/31,01/NQ/ĐUK")
    #expect(id.codeNumber == "01")
    #expect(id.codeNotation == "NQ/ĐUK")
  }

  @Test func aNotationTypedWithCombiningMarksIsStoredInNFC() throws {
    let decomposed = "KH-SỞ".decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count > "KH-SỞ".unicodeScalars.count)
    let id = try DocumentId(parsing: "000.00.31.H41,2025/01/02,15/\(decomposed)")
    #expect(id == (try DocumentId(parsing: "000.00.31.H41,2025/01/02,15/KH-SỞ")))
    #expect(id.codeNotation.unicodeScalars.count == "KH-SỞ".unicodeScalars.count)
  }

  @Test(arguments: [
    ("000.00.00.G22;2015/09/30;7816/VPCP-TTĐT", DocumentIdError.Part.documentId),
    ("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT,x", .documentId),
    ("000.00.00.G22,2015/09/30,7816-VPCP-TTĐT", .documentId),
    ("000.00.G22,2015/09/30,7816/VPCP-TTĐT", .organId),
    ("000.00.00.G22,2015-09-30,7816/VPCP-TTĐT", .issuedDate),
    ("000.00.00.G22,2015/02/30,7816/VPCP-TTĐT", .issuedDate),
    ("000.00.00.G22,2015/09/30,78a6/VPCP-TTĐT", .codeNumber),
    ("000.00.00.G22,2015/09/30,/VPCP-TTĐT", .codeNumber),
    ("000.00.00.G22,2015/09/30,7816/", .codeNotation),
    ("000.00.00.G22,2015/09/30,7816/VPCP TTĐT", .codeNotation),
    ("000.00.00.G22,2015/09/30,7816/-VPCP", .codeNotation),
  ])
  func aMalformedIdNamesThePartThatIsWrong(text: String, part: DocumentIdError.Part) {
    #expect {
      try DocumentId(parsing: text)
    } throws: { error in
      guard let error = error as? DocumentIdError else { return false }
      return error.part == part && error.field == part.rawValue && error.kind == .invalidArgument
    }
  }
}
