import ReformKit

/// The metadata of an official document (văn bản) as Nghị định 30/2020/NĐ-CP, Phụ lục VI lists
/// it and edXML carries it in its `MessageHeader`: the `ExchangeDocumentMetadata` of the protocol.
///
/// Fields hold what the caller gave; ``ExchangeDocument/validationErrors(today:)`` checks them
/// and ``StorableDocument`` keeps them only in normalized (NFC, trimmed) and valid form.
///
/// ## Topics
/// - ``documentId`` — the national identifier, computed from the issuer, date, number, notation
/// - ``recipients``, ``unaddressedRecipients`` — nơi nhận, with and without an OrganId
/// - ``urgency``, ``confidentiality``
public struct DocumentMetadata: Sendable, Hashable {
  /// The largest subject: 500 characters, counted as grapheme clusters after NFC, so that
  /// "Đ" counts once however it was typed.
  public static let maxSubjectLength = 500

  /// The DocumentId as the caller stated it, e.g. `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`;
  /// empty to have it computed. When set it must equal the one computed from ``organId``,
  /// ``issuedDate``, ``codeNumber`` and ``codeNotation``.
  public var documentId: String
  /// Mã định danh of the issuing organ, which is also the sender on the exchange (edXML `From`).
  public var organId: String
  /// Tên cơ quan, tổ chức ban hành. Required.
  public var issuingOrganName: String
  /// Số (CodeNumber): Arabic numerals, e.g. "7816" or "01". Required.
  public var codeNumber: String
  /// Ký hiệu (CodeNotation), e.g. "VPCP-TTĐT" or "NQ/ĐUK". Required.
  public var codeNotation: String
  /// Địa danh (edXML `PromulgationInfo/Place`), e.g. "Lai Châu"; may be empty.
  public var place: String
  /// Ngày ban hành. Not after the day of validation.
  public var issuedDate: CivilDate
  /// Tên loại văn bản.
  public var documentType: DocumentType
  /// Trích yếu nội dung: required, at most ``maxSubjectLength`` characters.
  public var subject: String
  /// Người ký.
  public var signer: Signer
  /// Nơi nhận that the exchange delivers to (edXML `To`): at least one, each with a valid
  /// OrganId, none twice, never the issuer itself.
  public var recipients: [Organ]
  /// Nơi nhận printed on the document without an OrganId, kept for the record and delivered
  /// nothing (edXML `ToPlaces`), e.g. "Lưu: VT, TTĐT".
  public var unaddressedRecipients: [String]
  /// Số trang; 0 when not known.
  public var pageCount: Int
  /// Hạn xử lý; nil when none. Not before ``issuedDate``.
  public var dueDate: CivilDate?
  /// Độ khẩn.
  public var urgency: Urgency
  /// Độ mật. Anything but ``Confidentiality/normal`` is refused.
  public var confidentiality: Confidentiality
  /// DocumentIds of the documents this one answers (edXML `ResponseFor`).
  public var inReplyTo: [String]

  /// Metadata with every field given; optional ones default to empty.
  public init(
    documentId: String = "", organId: String, issuingOrganName: String, codeNumber: String,
    codeNotation: String, place: String = "", issuedDate: CivilDate, documentType: DocumentType,
    subject: String, signer: Signer, recipients: [Organ], unaddressedRecipients: [String] = [],
    pageCount: Int = 0, dueDate: CivilDate? = nil, urgency: Urgency = .normal,
    confidentiality: Confidentiality = .normal, inReplyTo: [String] = []
  ) {
    self.documentId = documentId
    self.organId = organId
    self.issuingOrganName = issuingOrganName
    self.codeNumber = codeNumber
    self.codeNotation = codeNotation
    self.place = place
    self.issuedDate = issuedDate
    self.documentType = documentType
    self.subject = subject
    self.signer = signer
    self.recipients = recipients
    self.unaddressedRecipients = unaddressedRecipients
    self.pageCount = pageCount
    self.dueDate = dueDate
    self.urgency = urgency
    self.confidentiality = confidentiality
    self.inReplyTo = inReplyTo
  }
}
