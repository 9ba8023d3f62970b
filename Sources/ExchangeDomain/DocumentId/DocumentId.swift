import Foundation
import ReformKit

/// The identifier of a document on the national exchange, written
/// `OrganId,yyyy/mm/dd,CodeNumber/CodeNotation`, e.g. `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`:
/// the issuing organ, the date of issue, the number (số) and the notation (ký hiệu).
///
/// ``description`` writes it and ``init(parsing:)`` reads it back; the two round-trip. The
/// notation may itself contain `/` (Party documents: `01-NQ/ĐUK` is number 01, notation
/// `NQ/ĐUK`), so the number ends at the first `/` of the third part. Parts are compared as exact
/// text after NFC.
public struct DocumentId: Sendable, Hashable, CustomStringConvertible {
  /// The issuing organ.
  public let organId: OrganId
  /// Ngày ban hành.
  public let issuedDate: CivilDate
  /// Số: ASCII digits.
  public let codeNumber: String
  /// Ký hiệu, in NFC.
  public let codeNotation: String

  /// The DocumentId of these parts, after checking the number and notation.
  public init(organId: OrganId, issuedDate: CivilDate, codeNumber: String, codeNotation: String)
    throws(DocumentIdError)
  {
    let notation = codeNotation.precomposedStringWithCanonicalMapping
    if let defect = DocumentId.defect(inCodeNumber: codeNumber) {
      throw DocumentIdError(.codeNumber, defect)
    }
    if let defect = DocumentId.defect(inCodeNotation: notation) {
      throw DocumentIdError(.codeNotation, defect)
    }
    self.organId = organId
    self.issuedDate = issuedDate
    self.codeNumber = codeNumber
    self.codeNotation = notation
  }

  /// The national form, e.g. `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`.
  public var description: String {
    "\(organId),\(issuedDate.formatted(separator: "/")),\(codeNumber)/\(codeNotation)"
  }

  /// What is wrong with `text` as a number (số), nil when it is one: Arabic numerals only
  /// (Nghị định 30/2020/NĐ-CP), so it can never hold the `/` or `,` that delimit a DocumentId.
  public static func defect(inCodeNumber text: String) -> String? {
    if text.isEmpty { return "required, e.g. 7816" }
    if !text.allSatisfy(\.isASCIIDigit) { return "\"\(text)\" is not a number: use digits 0–9 only" }
    return nil
  }

  /// What is wrong with `text` (in NFC) as a notation (ký hiệu), nil when it is one: letters
  /// (Vietnamese ones included), digits and `-` `/` `.` `&`, beginning and ending with a letter
  /// or digit, without spaces or commas, e.g. `VPCP-TTĐT`, `QĐ-TTg`, `NQ/ĐUK`, `BC-KH&ĐT`.
  public static func defect(inCodeNotation text: String) -> String? {
    if text.isEmpty { return "required, e.g. VPCP-TTĐT" }
    let isLetterOrDigit: (Character) -> Bool = { $0.isLetter || $0.isASCIIDigit }
    let allowed = text.allSatisfy { isLetterOrDigit($0) || "-/.&".contains($0) }
    guard allowed, let first = text.first, let last = text.last, isLetterOrDigit(first),
      isLetterOrDigit(last)
    else {
      return "\"\(text)\" is not a notation: use letters, digits and - / . & only, "
        + "beginning and ending with a letter or digit, e.g. VPCP-TTĐT"
    }
    return nil
  }
}
