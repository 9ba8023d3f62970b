import ReformKit

extension CalendarNotice {
  /// The days off of 2026 for cadres, civil servants and public employees.
  ///
  /// What it sets: Tết Nguyên đán from Saturday 14/2 to Sunday 22/2/2026 (27 tháng Chạp to
  /// mùng 6), and Monday 27/4/2026 off in compensation for Giỗ Tổ Hùng Vương, which falls on
  /// Sunday 26/4.
  ///
  /// *(To be confirmed by the operator)*: the notice's number and date, and whether it changes
  /// anything else. The rest of 2026 is left to the computed calendar: 1/1 (Thursday); 30/4 and
  /// 1/5 (Thursday and Friday); 2/9 with 1/9 (Wednesday and Tuesday). An operator who holds the
  /// published notice loads it in place of this one.
  public static let vietnam2026 = CalendarNotice(
    year: 2026,
    source: SourceRef(
      document: "Thông báo nghỉ lễ, Tết năm 2026 (Bộ Nội vụ)",
      note: "Số hiệu, ngày ban hành và các ngày khác ngoài Tết và Giỗ Tổ: người vận hành xác nhận."),
    days: (14...22).map { day in
      DayOverride(date: CivilDate(year: 2026, month: 2, day: day)!, kind: .holiday, name: "Tết Nguyên đán")
    } + [
      DayOverride(
        date: CivilDate(year: 2026, month: 4, day: 26)!, kind: .holiday, name: "Giỗ Tổ Hùng Vương",
        note: "10/3 âm lịch, Chủ nhật."),
      DayOverride(
        date: CivilDate(year: 2026, month: 4, day: 27)!, kind: .compensatingDayOff,
        name: "Nghỉ bù Giỗ Tổ Hùng Vương"),
    ]
  )
}
