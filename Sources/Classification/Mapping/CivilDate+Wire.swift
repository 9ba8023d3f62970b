import ClassificationDomain
import ReformWire

extension CivilDate {
  /// The date `wire` names, unchecked: the domain's validation says whether it exists.
  init(wire: CalendarDate) {
    self.init(Int(wire.year), Int(wire.month), Int(wire.day))
  }

  /// The date on the wire. Years, months and days of a valid date fit in 32 bits; anything
  /// larger is clamped rather than trapping.
  var wire: CalendarDate {
    CalendarDate(year: Int32(clamping: year), month: Int32(clamping: month), day: Int32(clamping: day))
  }
}

extension CalendarDate {
  /// `YYYY-MM-DD`, as dates are stored.
  var iso: String { CivilDate(wire: self).description }
}
