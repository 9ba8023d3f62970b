import ReformKit

/// The rules that compute a year's days off before any government notice (Bộ luật Lao động
/// 2019, Điều 112): 1/1; Tết Nguyên đán, 5 days; Giỗ Tổ Hùng Vương, 10/3 lunar; 30/4; 1/5;
/// 2/9 and one adjacent day; and, for each of them that falls on a Saturday or Sunday, a
/// compensating day off on the next working day (khoản 3). A day that is two holidays at once
/// (Giỗ Tổ on 30/4) counts once, under both names.
///
/// The law leaves two choices to the government's yearly notice, which ``WorkingCalendar``
/// applies on top of these rules; the defaults here are practice, *(unconfirmed)* for any given
/// year, and an operator can change them:
/// - the day next to 2/9: **1/9** by default (``NationalDayCompanion/dayBefore``), as in the
///   notices for 2023 and 2025;
/// - the placing of Tết's 5 days: by default **the last day of the lunar year and the first
///   four days of the new year** (29 or 30 tháng Chạp to mùng 4), as for 2026.
///
/// ## Topics
/// - ``laborCode2019``
/// - ``nationalDayCompanion``
/// - ``tetDaysBeforeNewYear``
/// - ``tetDayCount``
public struct HolidayRules: Sendable, Hashable {
  /// Which day next to 2/9 is the second day of the National Day holiday.
  public enum NationalDayCompanion: Sendable, Hashable {
    /// 1/9.
    case dayBefore
    /// 3/9.
    case dayAfter
  }

  /// The day next to 2/9 that is off too; default ``NationalDayCompanion/dayBefore`` (1/9).
  public var nationalDayCompanion: NationalDayCompanion
  /// How many of Tết's days come before mùng 1; default 1 (the last day of the lunar year).
  public var tetDaysBeforeNewYear: Int
  /// How many days Tết lasts; default 5 (Điều 112, khoản 1, điểm b).
  public var tetDayCount: Int
  /// The lunar calendar Tết and Giỗ Tổ are computed on; default ``LunarCalendar/vietnam``.
  public var lunarCalendar: LunarCalendar
  /// The sources of these rules.
  public var sources: [SourceRef]

  /// Rules with the given choices; every default is the one described above.
  public init(
    nationalDayCompanion: NationalDayCompanion = .dayBefore,
    tetDaysBeforeNewYear: Int = 1,
    tetDayCount: Int = 5,
    lunarCalendar: LunarCalendar = .vietnam,
    sources: [SourceRef] = HolidayRules.laborCodeSources
  ) {
    self.nationalDayCompanion = nationalDayCompanion
    self.tetDaysBeforeNewYear = tetDaysBeforeNewYear
    self.tetDayCount = tetDayCount
    self.lunarCalendar = lunarCalendar
    self.sources = sources
  }

  /// The rules of Bộ luật Lao động 2019 with the default choices.
  public static let laborCode2019 = HolidayRules()

  /// Bộ luật Lao động 2019, Điều 111–112, and its guiding decree.
  public static let laborCodeSources: [SourceRef] = [
    SourceRef(
      document: "Bộ luật Lao động số 45/2019/QH14", article: "Điều 111, Điều 112",
      issued: CivilDate(year: 2019, month: 11, day: 20)),
    SourceRef(
      document: "Nghị định 145/2020/NĐ-CP", article: "Điều 65",
      issued: CivilDate(year: 2020, month: 12, day: 14),
      note: "Ngày liền kề 2/9 và cách xếp 5 ngày Tết do thông báo hằng năm quyết định."),
  ]

  /// Tết Dương lịch.
  static let newYearName = "Tết Dương lịch"
  /// Tết Nguyên đán.
  static let tetName = "Tết Nguyên đán"
  /// Giỗ Tổ Hùng Vương.
  static let hungKingsName = "Giỗ Tổ Hùng Vương"
  /// Ngày Chiến thắng (30/4).
  static let victoryDayName = "Ngày Chiến thắng"
  /// Ngày Quốc tế Lao động (1/5).
  static let labourDayName = "Ngày Quốc tế Lao động"
  /// Quốc khánh (2/9 and its adjacent day).
  static let nationalDayName = "Quốc khánh"

  /// The holidays of `year`, in date order; days where two holidays meet carry both names.
  func holidays(in year: Int) -> [(date: CivilDate, name: String)] {
    var names: [CivilDate: [String]] = [:]
    func add(_ date: CivilDate, _ name: String) {
      guard date.year == year else { return }
      names[date, default: []].append(name)
    }
    add(CivilDate(year: year, month: 1, day: 1)!, Self.newYearName)
    let newYear = lunarCalendar.newYear(year)
    for offset in 0..<tetDayCount {
      add(newYear.adding(days: offset - tetDaysBeforeNewYear), Self.tetName)
    }
    if let hungKings = lunarCalendar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) {
      add(hungKings, Self.hungKingsName)
    }
    add(CivilDate(year: year, month: 4, day: 30)!, Self.victoryDayName)
    add(CivilDate(year: year, month: 5, day: 1)!, Self.labourDayName)
    let nationalDay = CivilDate(year: year, month: 9, day: 2)!
    add(nationalDay, Self.nationalDayName)
    add(nationalDay.adding(days: nationalDayCompanion == .dayBefore ? -1 : 1), Self.nationalDayName)
    return names.keys.sorted().map { ($0, names[$0]!.joined(separator: ", ")) }
  }
}
