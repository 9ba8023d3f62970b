/// The kind of reporting period (kỳ báo cáo), as `PeriodType` in `common.proto`.
public enum PeriodType: String, Sendable, Hashable, Codable, CaseIterable {
  /// A calendar year (năm).
  case year = "YEAR"
  /// A half year (6 tháng), index 1–2.
  case halfYear = "HALF_YEAR"
  /// A quarter (quý), index 1–4.
  case quarter = "QUARTER"
  /// A month (tháng), index 1–12.
  case month = "MONTH"
  /// A resolution's whole term (nhiệm kỳ, giai đoạn), e.g. 2020–2025.
  case term = "TERM"
}
