import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension CivilDateRange {
  /// The days `range` names, both ends required, the last not before the first.
  init(_ range: DateRange, field: String) throws {
    let first = try CivilDate(required: range.first, field: "\(field).first")
    let last = try CivilDate(required: range.last, field: "\(field).last")
    guard let days = CivilDateRange(first: first, last: last) else {
      throw FieldError.invalid("\(field).last", "\(last) is before the first day \(first)")
    }
    self = days
  }

  /// The days of a required range.
  init(required range: DateRange?, field: String) throws {
    guard let range else { throw FieldError.invalid(field, "required") }
    try self.init(range, field: field)
  }

  /// The range on the wire.
  var wire: DateRange { DateRange(first: first.wire, last: last.wire) }
}
