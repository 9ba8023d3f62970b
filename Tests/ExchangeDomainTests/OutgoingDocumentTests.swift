import ExchangeDomain
import Testing

@Suite("Văn bản đi: what a send records of a document")
struct OutgoingDocumentTests {
  let issuer = Organ(organId: Sample.issuer, name: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu")

  @Test func aUnitsSendIsAnsweredForByThatUnit() throws {
    let outgoing = OutgoingDocument(try Sample.storable(), sendingUnit: "DUK", sender: issuer, actingUnit: "SNV")
    #expect(outgoing.sendingUnit == "DUK")
    #expect(outgoing.answeringUnit == "DUK")
    #expect(outgoing.sender == issuer)
  }

  @Test func anOutsideOrgansEnvelopeIsAnsweredForByTheImportingUnit() throws {
    let outside = Organ(organId: "000.00.00.G01", name: "Văn phòng Chính phủ")
    let outgoing = OutgoingDocument(try Sample.storable(), sendingUnit: "", sender: outside, actingUnit: "SNV")
    #expect(outgoing.sendingUnit == "")
    #expect(outgoing.answeringUnit == "SNV")
    let unknown = OutgoingDocument(try Sample.storable(), sendingUnit: "", sender: outside, actingUnit: nil)
    #expect(unknown.answeringUnit == "")
  }

  @Test func itIsFoundByTheSecondDuplicateRulesKey() throws {
    let outgoing = OutgoingDocument(
      try Sample.storable { $0.codeNumber = "0125" }, sendingUnit: "DUK", sender: issuer, actingUnit: nil)
    #expect(outgoing.duplicateKey == DuplicateKey(try Sample.storable().documentId))
    #expect(outgoing.duplicateKey.codeNumber == "125")
    #expect(outgoing.duplicateKey.codeNotation == "cv/đuk")
  }

  @Test func itsSubjectIsKeptFoldedForSearchAndItsDatesAndUrgencyAsAdmitted() throws {
    let storable = try Sample.storable { $0.subject = "Quyết định Đổi mới" }
    let outgoing = OutgoingDocument(storable, sendingUnit: "DUK", sender: issuer, actingUnit: nil)
    #expect(outgoing.searchableSubject == "quyet dinh doi moi")
    #expect(outgoing.documentId == storable.documentId)
    #expect(outgoing.issuedDate == storable.metadata.issuedDate)
    #expect(outgoing.dueDate == storable.metadata.dueDate)
    #expect(outgoing.urgency == .veryUrgent)
  }
}
