import ExchangeDomain
import GRPCCore
import ReformWire

extension CalendarDate {
  /// The protocol's form of `date`.
  init(_ date: CivilDate) {
    self.init(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day))
  }

  /// The day this names, or INVALID_ARGUMENT on `field` when it names none (year 0, 30 February).
  func civil(field: String) throws(RPCError) -> CivilDate {
    guard let date = CivilDate(year: Int(year), month: Int(month), day: Int(day)) else {
      throw ExchangeFault.invalid(field, "\(year)-\(month)-\(day) is not a date (year 1–9999, month 1–12, a day of that month)")
    }
    return date
  }
}

extension CivilDate {
  /// `yyyy-mm-dd`: how the store keeps days, ordered as text.
  var stored: String { formatted(separator: "-") }

  /// The day the store wrote as `yyyy-mm-dd`.
  init?(stored text: String) {
    self.init(parsing: text, separator: "-")
  }
}

extension DateRange {
  /// The days of the range, checked: both ends required, the first not after the last.
  func civil(field: String) throws(RPCError) -> ClosedRange<CivilDate> {
    guard let first else { throw ExchangeFault.invalid("\(field).first", "required") }
    guard let last else { throw ExchangeFault.invalid("\(field).last", "required") }
    let from = try first.civil(field: "\(field).first")
    let to = try last.civil(field: "\(field).last")
    guard from <= to else { throw ExchangeFault.invalid(field, "\(from) is after \(to)") }
    return from...to
  }
}
