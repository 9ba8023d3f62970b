import ExchangeDomain
import Testing

private func id(_ text: String) -> DocumentId {
  do { return try DocumentId(parsing: text) } catch { preconditionFailure("\(error)") }
}

@Suite("Duplicate documents")
struct DuplicateCheckTests {
  let new = id("000.00.00.H41,2025/10/15,125/CV/ĐUK")

  @Test func theSameDocumentIdMatchesByTheFirstRule() {
    let matches = DuplicateCheck.matches(of: new, among: [id("000.00.00.H41,2025/10/15,125/CV/ĐUK")])
    #expect(matches == [DuplicateMatch(documentId: new, rule: .sameDocumentId)])
  }

  @Test func theSameNumberNotationAndIssuerInTheSameYearMatchByTheSecondRule() {
    let earlier = id("000.00.00.H41,2025/03/02,125/CV/ĐUK")
    #expect(DuplicateCheck.matches(of: new, among: [earlier]) == [DuplicateMatch(documentId: earlier, rule: .sameNumberNotationIssuer)])
  }

  @Test func leadingZerosAndLetterCaseDoNotHideADuplicate() {
    let earlier = id("000.00.00.H41,2025/03/02,0125/cv/đuk")
    #expect(DuplicateCheck.matches(of: new, among: [earlier]).map(\.rule) == [.sameNumberNotationIssuer])
  }

  @Test func anotherYearAnotherIssuerOrAnotherNumberIsNoDuplicate() {
    let others = [
      id("000.00.00.H41,2024/10/15,125/CV/ĐUK"), id("000.00.31.H41,2025/10/15,125/CV/ĐUK"),
      id("000.00.00.H41,2025/10/15,126/CV/ĐUK"), id("000.00.00.H41,2025/10/15,125/BC/ĐUK"),
    ]
    #expect(DuplicateCheck.matches(of: new, among: others).isEmpty)
  }

  @Test func eachEarlierDocumentIsReportedOnce() {
    let earlier = id("000.00.00.H41,2025/03/02,125/CV/ĐUK")
    #expect(DuplicateCheck.matches(of: new, among: [earlier, earlier]).count == 1)
  }

  @Test func anUnconfirmedDuplicateIsRefusedAsAlreadyExisting() {
    let matches = DuplicateCheck.matches(of: new, among: [new])
    #expect {
      try DuplicateCheck.admit(matches, reason: "  ")
    } throws: { error in
      guard let error = error as? DuplicateError else { return false }
      return error.kind == .alreadyExists && error.field == "confirmDuplicateReason"
        && error.message.contains(new.description)
    }
  }

  @Test func aConfirmedDuplicateIsLetThroughWithItsReasonRecorded() throws {
    let matches = DuplicateCheck.matches(of: new, among: [new])
    let confirmation = try DuplicateCheck.admit(matches, reason: " Gửi bổ sung nơi nhận ")
    #expect(confirmation == DuplicateConfirmation(reason: "Gửi bổ sung nơi nhận", duplicateOf: [new]))
  }

  @Test func aDocumentWithoutDuplicatesNeedsNoConfirmation() throws {
    #expect(try DuplicateCheck.admit([], reason: "") == nil)
  }
}
