import ReformKit
import ReformModule
import RegistryDomain
import ReformWire

extension Period {
  /// The period a wire `Period` names.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` (or its `type`) for a period that does not exist,
  ///   e.g. quarter 5 or a term that runs backwards.
  init(wire period: ReformWire.Period, field: String) throws {
    let type = try period.type.required(field: field + ".type")
    let year = Int(period.year)
    let index = Int(period.index)
    let sameYear = period.endYear == 0 || period.endYear == period.year
    let made: Period? =
      switch type {
      case .year: index == 0 && sameYear ? .year(year) : nil
      case .halfYear: sameYear ? .half(index, of: year) : nil
      case .quarter: sameYear ? .quarter(index, of: year) : nil
      case .month: sameYear ? .month(index, of: year) : nil
      case .term: index == 0 ? .term(year, Int(period.endYear)) : nil
      }
    guard let made, made.isValid else {
      throw FieldError.invalid(
        field,
        "\(period.type) year \(period.year) index \(period.index) end_year \(period.endYear) is not a period; e.g. a year (index 0), quarter 1–4, month 1–12, or a term whose end_year follows its year, years \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound)")
    }
    self = made
  }

  /// The period of a field that must be set.
  static func required(_ period: ReformWire.Period?, field: String) throws -> Period {
    guard let period else { throw FieldError.invalid(field, "is required, e.g. {type: PERIOD_TYPE_YEAR, year: 2024}") }
    return try Period(wire: period, field: field)
  }

  /// The period on the wire.
  var wire: ReformWire.Period {
    ReformWire.Period(
      type: ReformWire.PeriodType(type), year: Int32(clamping: year), index: Int32(clamping: index),
      endYear: Int32(clamping: endYear))
  }
}
