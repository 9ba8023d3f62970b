import ReformKit

/// A year of made-up correspondence inside a bloc, for the demo: the bloc committee sends plans,
/// guidance, notices and requests to its grassroots organisations, which send reports and
/// proposals back; each receiver takes its copy some way through 03 → 04 → 05 → 06 (older
/// copies mostly done, recent ones still open, a few refused or never registered, some past
/// their due date).
///
/// Deterministic: the same arguments give the same letters on every platform. Every name and
/// figure is made up.
public enum DemoCorrespondence {
  /// One document and what each receiver does with its copy.
  public struct Letter: Sendable, Hashable {
    /// Stable across runs: what the demo keys its calls with.
    public var key: String
    public var sender: UnitOrgan
    public var receivers: [UnitOrgan]
    public var issued: CivilDate
    public var codeNumber: Int
    public var codeNotation: String
    public var typeName: String
    public var subject: String
    public var signerCompetence: String
    public var signerPosition: String
    public var signerName: String
    public var due: CivilDate?
    public var urgency: Urgency
    public var pageCount: Int
    /// Per receiver, in the order of ``receivers``: the notices it gives, in order.
    public var notices: [[Step]]
  }

  /// A notice a receiver gives, with its reason where the code needs one.
  public struct Step: Sendable, Hashable {
    public var code: NoticeCode
    public var detail: String
  }

  /// `count` letters issued on working days of the 365 days ending `today`, between `bloc`
  /// (the committee) and `members`, in the order they were issued; numbers run from 1 per
  /// sender and year of issue.
  ///
  /// - Precondition: `members` is not empty.
  public static func year(
    bloc: UnitOrgan, members: [UnitOrgan], endingOn today: CivilDate, count: Int, seed: UInt64
  ) -> [Letter] {
    precondition(!members.isEmpty, "the demo needs a member unit")
    var random = SplitMix64(seed: seed)
    let first = today.adding(days: -364)
    var drafts: [(issued: CivilDate, sender: UnitOrgan, receivers: [UnitOrgan], template: Template)] = []
    for _ in 0..<max(0, count) {
      var issued = first.adding(days: random.int(in: 0...364))
      while issued.isWeekend { issued = issued.adding(days: -1) }
      if issued < first { issued = first.adding(days: 2) }
      if random.chance(percent: 60) {
        let receivers = Array(Set((0..<random.int(in: 1...5)).map { _ in random.pick(members) })).sorted {
          $0.unitCode < $1.unitCode
        }
        drafts.append((issued, bloc, receivers, random.pick(fromBloc)))
      } else {
        drafts.append((issued, random.pick(members), [bloc], random.pick(toBloc)))
      }
    }
    drafts.sort { ($0.issued, $0.sender.unitCode) < ($1.issued, $1.sender.unitCode) }

    var numbers: [String: Int] = [:]
    return drafts.enumerated().map { index, draft in
      let numberKey = "\(draft.sender.unitCode)/\(draft.issued.year)"
      numbers[numberKey, default: 0] += 1
      let age = draft.issued.days(to: today)
      let fromBloc = draft.sender == bloc
      let urgency: Urgency = random.chance(percent: 85) ? .normal : (random.chance(percent: 80) ? .urgent : .veryUrgent)
      let due = draft.template.answerDays > 0 ? draft.issued.adding(days: draft.template.answerDays) : nil
      return Letter(
        key: "demo-letter-\(index + 1)", sender: draft.sender, receivers: draft.receivers, issued: draft.issued,
        codeNumber: numbers[numberKey] ?? 1,
        codeNotation: "\(draft.template.notation)/\(fromBloc ? "ĐUK" : draft.sender.unitCode)",
        typeName: draft.template.type, subject: subject(draft.template, on: draft.issued),
        signerCompetence: fromBloc ? random.pick(["TM.", "KT."]) : "TM.",
        signerPosition: fromBloc ? "Phó Bí thư" : "Bí thư", signerName: name(&random),
        due: due, urgency: urgency, pageCount: random.int(in: 1...12),
        notices: draft.receivers.map { _ in notices(age: age, &random) })
    }
  }

  /// What a receiver did with a copy `age` days old.
  private static func notices(age: Int, _ random: inout SplitMix64) -> [Step] {
    let flow: [NoticeCode] = [.registered, .assigned, .inProgress, .done]
    let roll = random.int(in: 0...99)
    if roll < 3 { return [Step(code: .refused, detail: "Gửi nhầm đơn vị, đề nghị chuyển lại đúng nơi nhận")] }
    let steps: Int
    if age > 30 {
      steps = roll < 8 ? 0 : (roll < 14 ? random.int(in: 1...3) : 4)
    } else {
      steps = random.int(in: 0...4)
    }
    return flow.prefix(steps).map { Step(code: $0, detail: "") }
  }

  private static func name(_ random: inout SplitMix64) -> String {
    let family = ["Nguyễn", "Trần", "Lò", "Giàng", "Tao", "Vàng", "Hoàng", "Phạm", "Lê", "Đỗ"]
    let middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "A", "Seo", "Quang"]
    let given = ["Bình", "Chiến", "Dung", "Hà", "Hải", "Hương", "Khánh", "Lan", "Mai", "Phong", "Sơn", "Thắng", "Vân"]
    return "\(random.pick(family)) \(random.pick(middle)) \(random.pick(given))"
  }

  /// A kind of letter: who writes it (the committee, or an organisation to the committee), its
  /// type and notation, the days the receiver has to answer (0: no due date), and
  /// what it is about, with `{year}`, `{quarter}` and `{month}` of its date filled in.
  private typealias Template = (fromBloc: Bool, type: String, notation: String, answerDays: Int, subject: String)

  private static let templates: [Template] = [
    (true, "Kế hoạch", "KH", 0, "Kế hoạch triển khai thực hiện Nghị quyết 01-NQ/ĐUK về đẩy mạnh cải cách hành chính năm {year}"),
    (true, "Công văn", "CV", 15, "V/v báo cáo kết quả thực hiện các chỉ tiêu cải cách hành chính quý {quarter} năm {year}"),
    (true, "Hướng dẫn", "HD", 0, "Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {year}"),
    (true, "Thông báo", "TB", 0, "Thông báo kết luận của Ban Thường vụ Đảng ủy Khối tại hội nghị tháng {month}/{year}"),
    (true, "Công văn", "CV", 10, "V/v đôn đốc cập nhật hồ sơ đảng viên trên phần mềm quản lý cơ sở dữ liệu đảng viên"),
    (true, "Công văn", "CV", 20, "V/v rà soát thủ tục hành chính nội bộ, đề xuất cắt giảm thành phần hồ sơ và thời gian giải quyết"),
    (false, "Báo cáo", "BC", 0, "Báo cáo kết quả thực hiện cải cách hành chính quý {quarter} năm {year}"),
    (false, "Báo cáo", "BC", 0, "Báo cáo sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year}"),
    (false, "Tờ trình", "TTr", 30, "Tờ trình đề nghị kết nạp đảng viên mới"),
    (false, "Công văn", "CV", 15, "V/v đăng ký danh hiệu thi đua năm {year}"),
  ]

  private static let fromBloc = templates.filter(\.fromBloc)
  private static let toBloc = templates.filter { !$0.fromBloc }

  /// `template`'s subject for a letter dated `date`.
  private static func subject(_ template: Template, on date: CivilDate) -> String {
    template.subject.replacing("{year}", with: "\(date.year)")
      .replacing("{quarter}", with: "\((date.month - 1) / 3 + 1)")
      .replacing("{month}", with: "\(date.month)")
  }
}
