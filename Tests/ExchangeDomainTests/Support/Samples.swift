import ExchangeDomain
import Foundation
import ReformKit

/// A day that exists, for tests that spell dates out.
func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
  guard let date = CivilDate(year: year, month: month, day: day) else {
    preconditionFailure("\(year)-\(month)-\(day) is not a date")
  }
  return date
}

/// An instant written in ISO 8601 with its offset, e.g. `2025-10-15T08:30:00+07:00`.
func instant(_ text: String) -> Date {
  guard let date = try? Date(text, strategy: .iso8601) else { preconditionFailure("bad instant \(text)") }
  return date
}

/// Documents of the bloc as the tests use them: full Vietnamese metadata that passes every rule.
enum Sample {
  /// The day the tests validate on.
  static let today = day(2025, 10, 20)

  static let issuer = "000.00.00.H41"
  static let homeAffairs = Organ(organId: "000.00.31.H41", name: "Sở Nội vụ tỉnh Lai Châu")
  static let finance = Organ(organId: "000.00.32.H41", name: "Sở Tài chính tỉnh Lai Châu")

  /// Metadata with every field set.
  static func metadata() -> DocumentMetadata {
    DocumentMetadata(
      organId: issuer,
      issuingOrganName: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu",
      codeNumber: "125",
      codeNotation: "CV/ĐUK",
      place: "Lai Châu",
      issuedDate: day(2025, 10, 15),
      documentType: DocumentType(code: 9, name: "Công văn"),
      subject: "V/v triển khai thực hiện Nghị quyết số 01-NQ/ĐUK về đẩy mạnh cải cách hành chính "
        + "giai đoạn 2020–2025 & báo cáo kết quả <quý III>",
      signer: Signer(competence: "TM.", position: "Phó Bí thư Thường trực", fullName: "Nguyễn Thị Hương"),
      recipients: [homeAffairs, finance],
      unaddressedRecipients: ["Thường trực Đảng ủy Khối (b/c)", "Lưu: VT, VP"],
      pageCount: 3,
      dueDate: day(2025, 10, 31),
      urgency: .veryUrgent,
      confidentiality: .normal,
      inReplyTo: ["000.00.00.H41,2020/12/31,01/NQ/ĐUK"])
  }

  /// Two attachments: the signed letter and an annex.
  static func attachments(annexBytes: Int64 = 1_048_576) -> [Attachment] {
    [
      Attachment(
        name: "125-CV-ĐUK.pdf", mediaType: "application/pdf", sizeBytes: 10_000,
        sha256: String(repeating: "ab", count: 32), note: "Bản ký số"),
      Attachment(
        name: "Phụ lục số liệu cải cách hành chính.xlsx",
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        sizeBytes: annexBytes, sha256: "0123456789abcdef" + String(repeating: "f", count: 48)),
    ]
  }

  static func document() -> ExchangeDocument {
    ExchangeDocument(metadata: metadata(), attachments: attachments())
  }

  /// The sample document, admitted; `change` edits its metadata first.
  static func storable(_ change: (inout DocumentMetadata) -> Void = { _ in }) throws -> StorableDocument {
    var document = document()
    change(&document.metadata)
    return try StorableDocument(admitting: document, today: today)
  }
}

extension SplitMix64 {
  /// `count` bytes of test content, eight to a draw, little-endian.
  mutating func bytes(_ count: Int) -> Data {
    var data = Data(capacity: count + 8)
    while data.count < count {
      withUnsafeBytes(of: next().littleEndian) { data.append(contentsOf: $0) }
    }
    return Data(data.prefix(count))
  }
}
