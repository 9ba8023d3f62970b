import ReformKit

extension PlanInput {
  /// A realistic made-up input for benchmarks and tests, the same for the same arguments.
  ///
  /// `units` grassroots units, each with one visit of 3–10 working days whose window spans a
  /// quarter to a whole year; one unit in ten also has a regular supervision in the second
  /// half-year (so the minimum gap matters). `teams` teams of 3–5 inspectors; seven inspectors
  /// in ten come from one of the units, the others from the commission's own office; each
  /// inspector takes 0–2 periods of leave of 3–14 days. Every unit's visits avoid the year-end
  /// reviews (15–31/12), and one unit in twenty holds its congress in a 2–4-week blackout.
  /// Risks spread over 0–10000 bp, most units low. The monthly cap is raised above the default
  /// of 2 where the teams could not otherwise start all visits within twelve months.
  ///
  /// - Precondition: `units` and `teams` are at least 1; `year` is a year the calendar
  ///   supports.
  public static func generated(units: Int, teams: Int, seed: UInt64, year: Int = 2026) -> PlanInput {
    precondition(units >= 1 && teams >= 1, "an instance needs a unit and a team")
    let made = (1...units).map { (code: "DBCS-\(Self.padded($0, 4))", name: Self.unitName($0 - 1)) }
    return generated(units: made, teams: teams, seed: seed, year: year, officeCode: "UBKT-DUK")
  }

  /// The same made-up input for the given units (code and name, in order): what the demo plans
  /// for the demo bloc's grassroots organisations. Inspectors who come from none of the units
  /// come from `officeCode`, the inspection commission's own office.
  ///
  /// - Precondition: `units` is not empty and `teams` is at least 1.
  public static func generated(
    units unitList: [(code: String, name: String)], teams: Int, seed: UInt64, year: Int = 2026, officeCode: String
  ) -> PlanInput {
    precondition(!unitList.isEmpty && teams >= 1, "an instance needs a unit and a team")
    var rng = SplitMix64(seed: seed)
    let firstOfYear = CivilDate.firstDay(of: year)
    let daysInYear = firstOfYear.days(to: CivilDate.lastDay(of: year)) + 1
    func range(_ first: CivilDate, _ length: Int) -> CivilDateRange {
      let last = min(first.adding(days: length - 1), CivilDate.lastDay(of: year))
      return CivilDateRange(first: first, last: last)!
    }

    let codes = unitList.map(\.code)
    var visits: [VisitDue] = []
    var risks: [UnitRisk] = []
    var blackouts = [
      Blackout(
        dates: CivilDateRange(first: CivilDate(year: year, month: 12, day: 15)!, last: CivilDate.lastDay(of: year))!,
        reason: "Tổng kết năm")
    ]
    let kinds: [VisitKind] = [
      .programmed, .programmed, .programmed, .programmed, .regularSupervision, .regularSupervision,
      .regularSupervision, .thematicSupervision, .thematicSupervision, .signsOfViolation,
    ]
    for (i, code) in codes.enumerated() {
      let name = unitList[i].name
      let windowDays = rng.int(in: 91...min(365, daysInYear))
      let windowStart = firstOfYear.adding(days: rng.int(in: 0...(daysInYear - windowDays)))
      let kind = rng.pick(kinds)
      visits.append(
        VisitDue(
          dueID: "\(code)-1", unitCode: code, unitName: name, kind: kind, lengthDays: rng.int(in: 3...10),
          unitMemberCount: rng.int(in: 5...120), window: range(windowStart, windowDays),
          topic: kind == .signsOfViolation
            ? "Kiểm tra dấu hiệu vi phạm trong quản lý tài chính"
            : "Thực hiện Nghị quyết 01-NQ/ĐUK về cải cách hành chính"))
      if rng.chance(percent: 10) {
        visits.append(
          VisitDue(
            dueID: "\(code)-2", unitCode: code, unitName: name, kind: .regularSupervision,
            lengthDays: rng.int(in: 3...5), window: range(CivilDate(year: year, month: 7, day: 1)!, 184),
            topic: "Giám sát thường xuyên việc thực hiện chương trình công tác"))
      }
      let spread = rng.int(in: 0...100)
      risks.append(UnitRisk(unitCode: code, scoreBP: spread * spread))
      if rng.chance(percent: 5) {
        let start = firstOfYear.adding(days: rng.int(in: 0...(daysInYear - 30)))
        blackouts.append(
          Blackout(dates: range(start, rng.int(in: 14...28)), reason: "Đại hội chi bộ", unitCodes: [code]))
      }
    }

    var inspectorNumber = 0
    let teamList = (1...teams).map { number in
      let inspectors = (0..<rng.int(in: 3...5)).map { _ in
        inspectorNumber += 1
        let leave = (0..<rng.int(in: 0...2)).map { _ in
          Unavailability(
            dates: range(firstOfYear.adding(days: rng.int(in: 0...(daysInYear - 15))), rng.int(in: 3...14)),
            reason: "Nghỉ phép")
        }
        return Inspector(
          inspectorID: "KTV-\(Self.padded(inspectorNumber, 4))", fullName: Self.personName(&rng),
          homeUnitCode: rng.chance(percent: 70) ? rng.pick(codes) : officeCode, unavailable: leave)
      }
      return Team(teamID: "T\(Self.padded(number, 2))", name: "Đoàn kiểm tra số \(number)", inspectors: inspectors)
    }

    let needed = (3 * visits.count + 2 * teams * 12 - 1) / (2 * teams * 12)
    return PlanInput(
      year: year, visitsDue: visits, teams: teamList, blackouts: blackouts,
      rules: PlanningRules(maxVisitsPerTeamPerMonth: max(2, needed)), risks: risks, seed: seed)
  }

  /// `n` with leading zeros to `width` digits.
  private static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// The name of the `i`-th made-up unit.
  private static func unitName(_ i: Int) -> String {
    let agencies = [
      "Sở Tài chính", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Xây dựng",
      "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
      "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Kho bạc Nhà nước",
      "Bảo hiểm xã hội tỉnh", "Công ty Điện lực Lai Châu", "Bệnh viện Đa khoa tỉnh", "Trường Cao đẳng Cộng đồng",
      "Ban Quản lý dự án", "Đài Phát thanh và Truyền hình", "Quỹ Đầu tư phát triển",
    ]
    let body = i < agencies.count ? "Đảng bộ" : "Chi bộ Phòng \(i / agencies.count) –"
    return "\(body) \(agencies[i % agencies.count])"
  }

  /// A made-up Vietnamese full name.
  private static func personName(_ rng: inout SplitMix64) -> String {
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Giàng", "Tao"]
    let middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc"]
    let given = [
      "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Sơn", "Thảo", "Tuấn",
      "Yến",
    ]
    return "\(rng.pick(family)) \(rng.pick(middle)) \(rng.pick(given))"
  }
}
