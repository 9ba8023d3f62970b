import ExchangeDomain
import Foundation
import ReformKit
import Testing

/// The fields the errors of `document` name, in order.
private func failingFields(_ document: ExchangeDocument, today: CivilDate = Sample.today) -> [String] {
  document.validationErrors(today: today).map(\.field)
}

/// The sample document with `change` applied to its metadata.
private func sample(_ change: (inout DocumentMetadata) -> Void) -> ExchangeDocument {
  var document = Sample.document()
  change(&document.metadata)
  return document
}

@Suite("Document validation")
struct DocumentValidationTests {
  @Test func theFullVietnameseSampleIsValid() {
    #expect(Sample.document().validationErrors(today: Sample.today).isEmpty)
  }

  @Test func everyErrorNamesItsFieldAndAllAreReported() {
    var document = sample {
      $0.subject = ""
      $0.recipients[1].organId = "000.00.32"
    }
    document.attachments[0].sha256 = "ABC"
    let errors = document.validationErrors(today: Sample.today)
    #expect(errors.map(\.field) == ["metadata.subject", "metadata.recipients[1].organId", "attachments[0].sha256"])
    #expect(errors.allSatisfy { $0.kind == .invalidArgument })
  }

  @Test func validateThrowsTheFirstError() {
    let document = sample {
      $0.codeNumber = ""
      $0.subject = ""
    }
    #expect(throws: DocumentError(.invalidArgument, field: "metadata.codeNumber", "required, e.g. 7816")) {
      try document.validate(today: Sample.today)
    }
  }

  @Test func aSubjectOf500CharactersIsAcceptedAnd501IsNot() {
    #expect(failingFields(sample { $0.subject = String(repeating: "ễ", count: 500) }).isEmpty)
    #expect(failingFields(sample { $0.subject = String(repeating: "ễ", count: 501) }) == ["metadata.subject"])
  }

  @Test func theSubjectIsCountedInGraphemeClustersAfterNFC() {
    // "ễ" typed as e + circumflex + tilde is three scalars but one character.
    let decomposed = String(repeating: "e\u{0302}\u{0303}", count: 500)
    #expect(decomposed.unicodeScalars.count == 1500)
    #expect(failingFields(sample { $0.subject = decomposed }).isEmpty)
  }

  @Test func aSubjectMaySpanLinesButHoldsNoOtherControlCharacter() {
    #expect(failingFields(sample { $0.subject = "Dòng một\nDòng hai" }).isEmpty)
    #expect(failingFields(sample { $0.subject = "Chuông\u{07}" }) == ["metadata.subject"])
  }

  @Test func aNotationMayUseVietnameseLetters() {
    #expect(failingFields(sample { $0.codeNotation = "QĐ-SNV" }).isEmpty)
    #expect(failingFields(sample { $0.codeNotation = "QĐ SNV" }) == ["metadata.codeNotation"])
  }

  @Test func theCodeNumberIsArabicNumeralsOnly() {
    #expect(failingFields(sample { $0.codeNumber = "01" }).isEmpty)
    #expect(failingFields(sample { $0.codeNumber = "12a" }) == ["metadata.codeNumber"])
  }

  @Test func theIssuerMustBeAValidOrganId() {
    #expect(failingFields(sample { $0.organId = "H41" }) == ["metadata.organId"])
  }

  @Test func aDocumentCannotBeIssuedAfterToday() {
    #expect(failingFields(sample { $0.issuedDate = Sample.today }).isEmpty)
    #expect(failingFields(sample { $0.issuedDate = Sample.today.adding(days: 1); $0.dueDate = nil }) == ["metadata.issuedDate"])
  }

  @Test func theDueDateMayNotPrecedeTheIssueDate() {
    #expect(failingFields(sample { $0.dueDate = $0.issuedDate }).isEmpty)
    #expect(failingFields(sample { $0.dueDate = $0.issuedDate.adding(days: -1) }) == ["metadata.dueDate"])
  }

  @Test func atLeastOneAddressedRecipientIsRequired() {
    #expect(failingFields(sample { $0.recipients = [] }) == ["metadata.recipients"])
  }

  @Test func aRecipientMayNotAppearTwice() {
    let errors = sample { $0.recipients.append(Sample.homeAffairs) }.validationErrors(today: Sample.today)
    #expect(errors.map(\.field) == ["metadata.recipients[2].organId"])
    #expect(errors.first?.message.contains("recipients[0]") == true)
  }

  @Test func theIssuerCannotBeItsOwnRecipient() {
    let fields = failingFields(sample { $0.recipients.append(Organ(organId: Sample.issuer, name: "Đảng ủy Khối")) })
    #expect(fields == ["metadata.recipients[2].organId"])
  }

  @Test func aRecipientNeedsAName() {
    #expect(failingFields(sample { $0.recipients[0].name = "  " }) == ["metadata.recipients[0].name"])
  }

  @Test func anUnaddressedRecipientMustNotBeBlank() {
    #expect(failingFields(sample { $0.unaddressedRecipients.append("") }) == ["metadata.unaddressedRecipients[2]"])
  }

  @Test func theSignerNeedsPositionAndNameAndAKnownAuthority() {
    let fields = failingFields(sample { $0.signer = Signer(competence: "Q.", position: "", fullName: "") })
    #expect(fields == ["metadata.signer.competence", "metadata.signer.position", "metadata.signer.fullName"])
  }

  @Test func theDocumentTypeNeedsAName() {
    #expect(failingFields(sample { $0.documentType = DocumentType(code: 9, name: "") }) == ["metadata.documentType.name"])
  }

  @Test func thePageCountIsNeverNegative() {
    #expect(failingFields(sample { $0.pageCount = -1 }) == ["metadata.pageCount"])
  }

  @Test func anAnsweredDocumentMustBeAValidDocumentId() {
    let errors = sample { $0.inReplyTo = ["000.00.00.H41,2020/12/31,01"] }.validationErrors(today: Sample.today)
    #expect(errors.map(\.field) == ["metadata.inReplyTo[0]"])
    #expect(errors.first?.message.hasPrefix("documentId:") == true)
  }

  @Test func aStatedDocumentIdMustMatchTheComputedOne() {
    #expect(failingFields(sample { $0.documentId = "000.00.00.H41,2025/10/15,125/CV/ĐUK" }).isEmpty)
    #expect(failingFields(sample { $0.documentId = "000.00.00.H41,2025/10/15,126/CV/ĐUK" }) == ["metadata.documentId"])
  }

  @Test func anAttachmentIsAtMost50MegabytesAndNeverEmpty() {
    var document = Sample.document()
    document.attachments[0].sizeBytes = Attachment.maxSizeBytes
    #expect(failingFields(document).isEmpty)
    document.attachments[0].sizeBytes = Attachment.maxSizeBytes + 1
    document.attachments[1].sizeBytes = 0
    #expect(failingFields(document) == ["attachments[0].sizeBytes", "attachments[1].sizeBytes"])
  }

  @Test func anAttachmentDigestIs64LowerCaseHexCharacters() {
    var document = Sample.document()
    document.attachments[1].sha256 = String(repeating: "A", count: 64)
    #expect(failingFields(document) == ["attachments[1].sha256"])
  }

  @Test func anAttachmentHasAMediaTypeAndAName() {
    var document = Sample.document()
    document.attachments[0].mediaType = "pdf"
    document.attachments[1].name = ""
    #expect(failingFields(document) == ["attachments[0].mediaType", "attachments[1].name"])
  }

  @Test func textIsNormalizedBeforeItIsChecked() {
    #expect(failingFields(sample { $0.organId = " 000.00.00.H41\n" }).isEmpty)
  }
}
