import Foundation
import ReformWire

/// How the console words the coordinator's values in Vietnamese: states, roles, urgencies,
/// and times on the wall clock of Asia/Ho_Chi_Minh.
enum ConsoleText {
  static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

  /// `07/12/2026 08:54` in Vietnam's time; `—` when unset.
  static func time(_ timestamp: Timestamp?) -> String {
    guard let timestamp else { return "—" }
    var style = Date.VerbatimFormatStyle(
      format: "\(day: .twoDigits)/\(month: .twoDigits)/\(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
      timeZone: vietnam, calendar: Calendar(identifier: .gregorian))
    style.locale = Locale(identifier: "vi_VN")
    return timestamp.date.formatted(style)
  }

  /// `07/12/2026`; `—` when unset.
  static func day(_ date: CalendarDate?) -> String {
    guard let date, date.year > 0 else { return "—" }
    return String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
  }

  static func workerState(_ state: AdminWorkerState) -> String {
    switch state {
    case .attached: "Đang chạy"
    case .draining: "Đã tạm dừng"
    case .gone: "Đã rời"
    default: "Không rõ"
    }
  }

  static func role(_ role: Role) -> String {
    switch role {
    case .admin: "quản trị"
    case .operator: "vận hành"
    case .clerk: "văn thư"
    case .inspector: "kiểm tra"
    case .viewer: "xem"
    case .service: "dịch vụ"
    case .worker: "worker"
    default: "không rõ"
    }
  }

  /// Độ khẩn; unspecified reads as normal, as the exchange reads it.
  static func urgency(_ urgency: ExchangeUrgency) -> String {
    switch urgency {
    case .urgent: "Khẩn"
    case .veryUrgent: "Thượng khẩn"
    case .flash: "Hỏa tốc"
    default: "Thường"
    }
  }

  /// A copy's processing state with its edXML number, then its recall state when there is one.
  static func status(_ delivery: ExchangeDelivery) -> String {
    var text = notice(delivery.status)
    if delivery.recallStatus != .unspecified { text += "; " + notice(delivery.recallStatus) }
    if delivery.voided != nil { text += "; đã hủy" }
    return text
  }

  static func notice(_ code: ExchangeNoticeCode) -> String {
    switch code {
    case .arrived: "01 Đã đến"
    case .refused: "02 Từ chối tiếp nhận"
    case .registered: "03 Đã tiếp nhận"
    case .assigned: "04 Đã phân công"
    case .inProgress: "05 Đang xử lý"
    case .done: "06 Hoàn thành"
    case .recallRequested: "13 Yêu cầu lấy lại"
    case .recallAgreed: "15 Đồng ý lấy lại"
    case .recallRefused: "16 Từ chối lấy lại"
    default: "—"
    }
  }

  /// A rating level by its short name, as the committee's tables write it.
  static func level(_ level: RatingLevel) -> String {
    switch level {
    case .htxsnv: "HTXSNV"
    case .httnv: "HTTNV"
    case .htnv: "HTNV"
    case .khtnv: "KHTNV"
    default: "—"
    }
  }

  static func subjectKind(_ kind: RatingSubjectKind) -> String {
    switch kind {
    case .partyMember: "Đảng viên"
    case .civilServant: "Công chức"
    case .publicEmployee: "Viên chức"
    case .collective: "Tập thể"
    default: "—"
    }
  }

  /// Basis points as a percentage with one decimal and a decimal comma: `12,5%`.
  static func percent(_ basisPoints: Int32) -> String {
    String(format: "%.1f%%", Double(basisPoints) / 100).replacingOccurrences(of: ".", with: ",")
  }

  /// Số đến in the receiver's book, e.g. `17/2026`.
  static func arrival(_ delivery: ExchangeDelivery) -> String {
    delivery.arrivalNumber > 0 ? "\(delivery.arrivalNumber)/\(delivery.arrivalYear)" : "—"
  }

  static func organ(_ organ: ExchangeOrgan?) -> String {
    guard let organ else { return "—" }
    return organ.name.isEmpty ? (organ.organId.isEmpty ? "—" : organ.organId) : organ.name
  }

  /// A size in bytes as `12 KB`.
  static func size(_ bytes: Int64) -> String {
    ByteCountFormatter.string(fromByteCount: bytes, countStyle: .file)
  }

  /// Microseconds as milliseconds with one decimal.
  static func milliseconds(_ microseconds: Int64) -> String {
    String(format: "%.1f", Double(microseconds) / 1000)
  }

  /// A target as the set words it, else `≥ 90,0%`.
  static func target(_ target: IndicatorTarget?) -> String {
    guard let target else { return "" }
    if !target.wording.isEmpty { return target.wording }
    guard let ratio = target.value, ratio.denominator > 0 else { return "" }
    let sign = switch target.comparison {
    case .greaterOrEqual: "≥ "
    case .greater: "> "
    case .equal: "= "
    case .lessOrEqual: "≤ "
    case .less: "< "
    default: ""
    }
    // In floating point: numerator × 10,000 overflows Int64 for a numerator past 9.2 × 10^14.
    let basisPoints = (Double(ratio.numerator) / Double(ratio.denominator) * 10_000).rounded(.towardZero)
    return sign + percent(Int32(max(Double(Int32.min), min(Double(Int32.max), basisPoints))))
  }

  static func outcome(_ outcome: IndicatorTargetOutcome) -> String {
    switch outcome {
    case .met: "Đạt"
    case .notMet: "Không đạt"
    default: "Chưa có số liệu"
    }
  }

  /// The style class the HTML report gives an outcome.
  static func outcomeClass(_ outcome: IndicatorTargetOutcome) -> String {
    switch outcome {
    case .met: "met"
    case .notMet: "not-met"
    default: "no-data"
    }
  }

  static func inspectionKind(_ kind: InspectionKind) -> String {
    switch kind {
    case .signsOfViolation: "Kiểm tra khi có dấu hiệu vi phạm"
    case .programmed: "Kiểm tra theo chương trình"
    case .regularSupervision: "Giám sát thường xuyên"
    case .thematicSupervision: "Giám sát chuyên đề"
    default: "—"
    }
  }

  static func ruleOutcome(_ outcome: RatingRuleOutcome) -> String {
    switch outcome {
    case .held: "Đáp ứng"
    case .failed: "Không đáp ứng"
    case .notApplicable: "Không áp dụng"
    case .disabled: "Đã tắt"
    default: "—"
    }
  }

  /// A source as `Quy định 124-QĐ/TW, Điều 5`.
  static func source(_ source: SourceRef?) -> String {
    guard let source else { return "—" }
    let text = [source.document, source.article].filter { !$0.isEmpty }.joined(separator: ", ")
    return text.isEmpty ? "—" : text
  }

  static func dayKind(_ kind: InspectionDayKind) -> String {
    switch kind {
    case .working: "Ngày làm việc"
    case .weekend: "Nghỉ cuối tuần"
    case .holiday: "Nghỉ lễ, Tết"
    case .compensatingDayOff: "Nghỉ bù"
    case .swappedDayOff: "Nghỉ hoán đổi"
    case .swappedWorkingSaturday: "Làm bù thứ Bảy"
    default: "—"
    }
  }
}
