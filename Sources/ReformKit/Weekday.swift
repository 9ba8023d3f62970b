/// A day of the week (thứ), Monday first as in Vietnam; the raw value is the ISO number,
/// 1 Monday … 7 Sunday.
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
  /// Thứ Hai.
  case monday = 1
  /// Thứ Ba.
  case tuesday
  /// Thứ Tư.
  case wednesday
  /// Thứ Năm.
  case thursday
  /// Thứ Sáu.
  case friday
  /// Thứ Bảy.
  case saturday
  /// Chủ nhật.
  case sunday
}
