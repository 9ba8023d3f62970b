import ReformWire

/// A made-up but realistic plan input, for `reformctl inspection example-input`: the same for
/// the same arguments, so a secretary can start from it and an operator can try the planner.
///
/// `units` grassroots units, each with one visit of 3–10 working days in a window of a quarter
/// to a whole year; one unit in ten also has a regular supervision in the second half-year.
/// `teams` teams of 3–5 inspectors, seven in ten from one of the units (whom the planner keeps
/// away from it), each with 0–2 periods of leave. No visit in the year-end reviews (15–31/12);
/// one unit in twenty holds its congress in a 2–4-week blackout. Risks spread over 0–10000 bp,
/// most units low. The monthly cap is raised above the default of 2 only where the teams could
/// not otherwise start every visit within the year.
enum ExamplePlanInput {
  static func generate(units: Int, teams: Int, seed: UInt64, year: Int32) -> PlanInputFile {
    var random = SeededRandom(seed: seed)
    let daysInYear = InspectionText.daysIn(month: 2, year: year) == 29 ? 366 : 365
    /// The `n`-th day of the year, 0 for 1 January, held within the year.
    func day(_ n: Int) -> CalendarDate {
      var left = Int32(min(max(n, 0), daysInYear - 1)) + 1
      var month: Int32 = 1
      while left > InspectionText.daysIn(month: month, year: year) {
        left -= InspectionText.daysIn(month: month, year: year)
        month += 1
      }
      return CalendarDate(year: year, month: month, day: left)
    }
    func span(from start: Int, days: Int) -> PlanInputFile.DateSpan {
      PlanInputFile.DateSpan(day(start), day(start + days - 1))
    }

    let codes = (1...units).map { "DBCS-\(padded($0))" }
    let kinds: [InspectionKind] = [
      .programmed, .programmed, .programmed, .programmed, .regularSupervision, .regularSupervision,
      .regularSupervision, .thematicSupervision, .thematicSupervision, .signsOfViolation,
    ]
    var visits: [PlanInputFile.VisitDue] = []
    var risks: [PlanInputFile.UnitRisk] = []
    var blackouts = [
      PlanInputFile.Blackout(
        dates: PlanInputFile.DateSpan(day(daysInYear - 17), day(daysInYear - 1)), reason: "Tổng kết năm")
    ]
    for (i, code) in codes.enumerated() {
      let name = unitName(i)
      let windowDays = random.int(in: 91...daysInYear)
      let kind = random.element(of: kinds)
      visits.append(
        PlanInputFile.VisitDue(
          dueId: "\(code)-1", unitCode: code, unitName: name, kind: PlanInputFile.Kind(kind),
          lengthDays: Int32(random.int(in: 3...10)), unitMemberCount: Int32(random.int(in: 5...120)),
          window: span(from: random.int(in: 0...(daysInYear - windowDays)), days: windowDays),
          topic: kind == .signsOfViolation
            ? "Kiểm tra dấu hiệu vi phạm trong quản lý tài chính"
            : "Thực hiện Nghị quyết 01-NQ/ĐUK về cải cách hành chính"))
      if random.chance(10) {
        visits.append(
          PlanInputFile.VisitDue(
            dueId: "\(code)-2", unitCode: code, unitName: name, kind: PlanInputFile.Kind(.regularSupervision),
            lengthDays: Int32(random.int(in: 3...5)), window: span(from: daysInYear - 184, days: 184),
            topic: "Giám sát thường xuyên việc thực hiện chương trình công tác"))
      }
      let spread = random.int(in: 0...100)
      risks.append(PlanInputFile.UnitRisk(unitCode: code, scoreBp: Int32(spread * spread)))
      if random.chance(5) {
        blackouts.append(
          PlanInputFile.Blackout(
            dates: span(from: random.int(in: 0...(daysInYear - 30)), days: random.int(in: 14...28)),
            reason: "Đại hội chi bộ", unitCodes: [code]))
      }
    }

    var inspectorNumber = 0
    let teamList = (1...teams).map { number in
      let inspectors = (0..<random.int(in: 3...5)).map { _ in
        inspectorNumber += 1
        let leave = (0..<random.int(in: 0...2)).map { _ in
          PlanInputFile.Unavailability(
            dates: span(from: random.int(in: 0...(daysInYear - 15)), days: random.int(in: 3...14)), reason: "Nghỉ phép")
        }
        return PlanInputFile.Inspector(
          inspectorId: "KTV-\(padded(inspectorNumber))", fullName: personName(&random),
          homeUnitCode: random.chance(70) ? random.element(of: codes) : "UBKT-DUK",
          unavailable: leave.isEmpty ? nil : leave)
      }
      return PlanInputFile.Team(
        teamId: "T\(padded(number, width: 2))", name: "Đoàn kiểm tra số \(number)", inspectors: inspectors)
    }

    // Starts needed per team and month if every team starts its share of visits within the
    // year, with half again for slack.
    let needed = (3 * visits.count + 2 * teams * 12 - 1) / (2 * teams * 12)
    return PlanInputFile(
      year: year, seed: Int64(bitPattern: seed), visitsDue: visits, teams: teamList, blackouts: blackouts,
      rules: needed > 2 ? PlanInputFile.Rules(maxVisitsPerTeamPerMonth: Int32(needed)) : nil, risks: risks,
      riskMode: .given)
  }

  /// `n` with leading zeros to `width` digits.
  private static func padded(_ n: Int, width: Int = 4) -> String {
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
  private static func personName(_ random: inout SeededRandom) -> String {
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Giàng", "Tao"]
    let middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc"]
    let given = [
      "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Sơn", "Thảo", "Tuấn",
      "Yến",
    ]
    return "\(random.element(of: family)) \(random.element(of: middle)) \(random.element(of: given))"
  }
}

/// SplitMix64: a small generator whose sequence depends only on its seed, so that an example
/// is the same on every machine.
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `range`, each about equally likely.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  /// True `percent` times in a hundred.
  mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

  mutating func element<T>(of items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}
