import ClassificationDomain
import ReformWire

extension ClassificationDomain.DisciplineLevel {
  /// The measure `wire` names; `nil` for DISCIPLINE_LEVEL_UNSPECIFIED or an unknown number.
  init?(wire: ReformWire.DisciplineLevel) {
    if wire == .admonition {
      self = .admonition
      return
    }
    guard wire.rawValue != 0,
      let level = Self.allCases.first(where: { $0 != .admonition && $0.severity == Int(wire.rawValue) })
    else { return nil }
    self = level
  }

  /// The measure on the wire. The proto numbers ``admonition`` 10, after the measures it
  /// ranks below, which keep their numbers; severity, not the number, orders them.
  var wire: ReformWire.DisciplineLevel {
    self == .admonition ? .admonition : ReformWire.DisciplineLevel(rawValue: Int32(severity))
  }
}
