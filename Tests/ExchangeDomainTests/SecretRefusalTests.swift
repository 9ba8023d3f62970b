import ExchangeDomain
import Testing

@Suite("Secret documents")
struct SecretRefusalTests {
  @Test(arguments: [Confidentiality.confidential, .secret, .topSecret])
  func aSecretDocumentIsRefusedAsAFailedPreconditionCitingTheLaw(level: Confidentiality) {
    var document = Sample.document()
    document.metadata.confidentiality = level
    #expect {
      try StorableDocument(admitting: document, today: Sample.today)
    } throws: { error in
      guard let error = error as? DocumentError else { return false }
      return error.kind == .failedPrecondition && error.field == "metadata.confidentiality"
        && error.message.contains(level.vietnameseName)
        && error.message.contains("Luật Bảo vệ bí mật nhà nước 2018")
        && error.message.contains("Nghị định 63/2026/NĐ-CP")
    }
  }

  @Test func theSecretRefusalComesBeforeAnyOtherError() {
    var document = Sample.document()
    document.metadata.confidentiality = .topSecret
    document.metadata.subject = ""
    document.metadata.recipients = []
    let errors = document.validationErrors(today: Sample.today)
    #expect(errors.first?.kind == .failedPrecondition)
    #expect(errors.first?.field == "metadata.confidentiality")
    #expect(throws: DocumentError.self) { try StorableDocument(admitting: document, today: Sample.today) }
  }

  @Test func anInvalidSecretDocumentIsStillRefusedForBeingSecret() {
    var document = Sample.document()
    document.metadata.confidentiality = .confidential
    document.metadata.organId = "not an organ"
    #expect {
      try StorableDocument(admitting: document, today: Sample.today)
    } throws: { error in
      (error as? DocumentError)?.kind == .failedPrecondition
    }
  }

  @Test func aNormalDocumentIsAdmittedNormalizedWithItsDocumentId() throws {
    var document = Sample.document()
    document.metadata.subject = "  " + document.metadata.subject + "\n"
    let storable = try StorableDocument(admitting: document, today: Sample.today)
    #expect(storable.documentId.description == "000.00.00.H41,2025/10/15,125/CV/ĐUK")
    #expect(storable.metadata.documentId == storable.documentId.description)
    #expect(storable.metadata.subject == Sample.metadata().subject)
  }
}
