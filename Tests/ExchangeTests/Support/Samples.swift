import ExchangeDomain
import Foundation
import GRPCCore
import ReformKit
import ReformWire
import Testing

/// Documents of the bloc as the tests send them.
enum Sample {
  static let duk = ExchangeOrgan(organId: "000.00.00.H41", name: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu")
  static let homeAffairs = ExchangeOrgan(organId: "000.00.31.H41", name: "Sở Nội vụ tỉnh Lai Châu")
  static let finance = ExchangeOrgan(organId: "000.00.32.H41", name: "Sở Tài chính tỉnh Lai Châu")

  /// The đảng ủy khối's letter number `number` to Sở Nội vụ and Sở Tài chính, issued
  /// 2026-10-15, due 2026-10-31.
  static func metadata(
    number: String = "125", notation: String = "CV/ĐUK", subject: String? = nil,
    recipients: [ExchangeOrgan] = [homeAffairs, finance], urgency: ExchangeUrgency = .normal,
    due: CalendarDate? = CalendarDate(year: 2026, month: 10, day: 31)
  ) -> ExchangeDocumentMetadata {
    ExchangeDocumentMetadata(
      organId: duk.organId, issuingOrganName: duk.name, codeNumber: number, codeNotation: notation, place: "Lai Châu",
      issuedDate: CalendarDate(year: 2026, month: 10, day: 15),
      documentType: ExchangeDocumentType(code: 9, name: "Công văn"),
      subject: subject ?? "V/v triển khai thực hiện Nghị quyết số 01-NQ/ĐUK về đẩy mạnh cải cách hành chính",
      signer: ExchangeSigner(competence: "TM.", position: "Phó Bí thư Thường trực", fullName: "Nguyễn Thị Hương"),
      recipients: recipients + [ExchangeOrgan(name: "Lưu: VT, VP")], pageCount: 3, dueDate: due, urgency: urgency,
      confidentiality: .normal, inReplyTo: ["000.00.00.H41,2020/12/31,01/NQ/ĐUK"])
  }

  static func send(
    number: String = "125", key: String = "", receivers: [ExchangeOrgan] = [], attachments: [String] = [],
    urgency: ExchangeUrgency = .normal, subject: String? = nil, due: CalendarDate? = CalendarDate(year: 2026, month: 10, day: 31)
  ) -> ExchangeSendRequest {
    ExchangeSendRequest(
      idempotencyKey: key, receivers: receivers,
      metadata: metadata(number: number, subject: subject, urgency: urgency, due: due), attachmentIds: attachments)
  }

  /// Deterministic bytes.
  static func bytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
    var state = UInt32(seed) &* 2_654_435_761 | 1
    return (0..<count).map { _ in
      state ^= state << 13
      state ^= state >> 17
      state ^= state << 5
      return UInt8(truncatingIfNeeded: state)
    }
  }

  /// Today in Asia/Ho_Chi_Minh, as the service judges it.
  static var today: CalendarDate {
    let day = CivilDate(Date())
    return CalendarDate(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day))
  }

  /// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
  static let abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
}

/// The status code `body` failed with; records an issue when it did not fail.
func failure<T>(_ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> RPCError? {
  do {
    _ = try await body()
    Issue.record("expected the call to fail", sourceLocation: sourceLocation)
    return nil
  } catch let error as RPCError {
    return error
  } catch {
    Issue.record("failed with \(error), not a status", sourceLocation: sourceLocation)
    return nil
  }
}
