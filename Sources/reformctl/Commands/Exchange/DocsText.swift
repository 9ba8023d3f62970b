import Foundation
import ReformWire

/// How `reformctl docs` words the exchange's values: codes with their Vietnamese names, as a
/// văn thư reads them in the incoming book, and dates and organs in one form everywhere.
enum DocsText {
  /// A notice code with its edXML number and Vietnamese name, e.g. `03 đã tiếp nhận`; `-` when
  /// unset.
  static func notice(_ code: ExchangeNoticeCode) -> String {
    switch code {
    case .unspecified: "-"
    case .arrived: "01 đã đến"
    case .refused: "02 từ chối tiếp nhận"
    case .registered: "03 đã tiếp nhận"
    case .assigned: "04 phân công"
    case .inProgress: "05 đang xử lý"
    case .done: "06 hoàn thành"
    case .recallRequested: "13 yêu cầu lấy lại"
    case .recallAgreed: "15 đồng ý lấy lại"
    case .recallRefused: "16 từ chối lấy lại"
    default: String(format: "%02d", code.rawValue)
    }
  }

  /// An urgency's Vietnamese name (độ khẩn); unspecified reads as normal, as the service reads it.
  static func urgency(_ urgency: ExchangeUrgency) -> String {
    switch urgency {
    case .urgent: "khẩn"
    case .veryUrgent: "thượng khẩn"
    case .flash: "hỏa tốc"
    default: "thường"
    }
  }

  /// A day as `2025-03-01`; `-` when unset.
  static func day(_ date: CalendarDate?) -> String {
    guard let date else { return "-" }
    return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
  }

  /// An organ by name with its OrganId, e.g. `Sở Nội vụ tỉnh Lai Châu (000.00.31.H41)`.
  static func organ(_ organ: ExchangeOrgan?) -> String {
    guard let organ else { return "-" }
    switch (organ.name.isEmpty, organ.organId.isEmpty) {
    case (false, false): return "\(organ.name) (\(organ.organId))"
    case (true, false): return organ.organId
    case (false, true): return organ.name
    case (true, true): return "-"
    }
  }

  /// An organ's name, or its OrganId when it has none: for table cells.
  static func organName(_ organ: ExchangeOrgan?) -> String {
    guard let organ else { return "-" }
    return Format.orDash(organ.name.isEmpty ? organ.organId : organ.name)
  }

  /// The arrival number in the receiver's incoming book (số đến), e.g. `2025/17`.
  static func arrival(_ delivery: ExchangeDelivery?) -> String {
    guard let delivery, delivery.arrivalNumber > 0 else { return "-" }
    return "\(delivery.arrivalYear)/\(delivery.arrivalNumber)"
  }

  /// A copy's states in one cell: its processing state, then its recall state and "void" when
  /// they apply.
  static func state(_ delivery: ExchangeDelivery?) -> String {
    guard let delivery else { return "-" }
    var parts = [notice(delivery.status)]
    if delivery.recallStatus != .unspecified { parts.append(notice(delivery.recallStatus)) }
    if delivery.voided != nil { parts.append("void") }
    return parts.joined(separator: "; ")
  }

  /// A stamp as `2025-03-01 14:05:09 +07:00 by Văn thư Sở Nội vụ (DBCS-SNV)`.
  static func stamp(_ stamp: ExchangeStamp?) -> String {
    guard let stamp else { return "-" }
    var who = stamp.displayName.isEmpty ? stamp.principalId : stamp.displayName
    if !stamp.unitCode.isEmpty { who += who.isEmpty ? stamp.unitCode : " (\(stamp.unitCode))" }
    return who.isEmpty ? Format.wallClock(stamp.time) : "\(Format.wallClock(stamp.time)) by \(who)"
  }

  /// The officer of a notice: name, then department.
  static func staff(_ staff: ExchangeStaff?) -> String {
    guard let staff else { return "-" }
    return Format.orDash([staff.fullName, staff.department].filter { !$0.isEmpty }.joined(separator: ", "))
  }

  /// Text cut to `limit` characters with an ellipsis, for table cells; line breaks become
  /// spaces so that a row stays one line.
  static func cut(_ text: String, _ limit: Int) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count <= limit ? Format.orDash(line) : String(line.prefix(limit - 1)) + "…"
  }

  /// A key for matching command-line words: lower case, without diacritics (đ as d), with
  /// spaces and underscores as `-`. "Thượng khẩn" gives `thuong-khan`.
  static func plainKey(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "đ", with: "d")
      .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
      .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
  }

  /// A byte count for a person: `812 B`, `4.2 KB`, `42.7 MB`.
  static func size(_ bytes: Int64) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1_048_576 { return String(format: "%.1f KB", Double(bytes) / 1024) }
    return Format.megabytes(bytes)
  }
}
