/// A day of the week (thứ), Monday first as in Vietnam.
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

  /// The weekday of a 0-based index from Monday.
  init(mondayBasedIndex: Int) {
    self = Weekday(rawValue: mondayBasedIndex + 1)!
  }
}
