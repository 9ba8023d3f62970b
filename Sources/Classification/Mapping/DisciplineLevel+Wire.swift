import ClassificationDomain
import ReformWire

extension ClassificationDomain.DisciplineLevel {
  /// The measure `wire` names; `nil` for DISCIPLINE_LEVEL_UNSPECIFIED or an unknown number.
  /// The proto has no number for ``admonition``: it is never read from the wire.
  init?(wire: ReformWire.DisciplineLevel) {
    guard wire.rawValue != 0,
      let level = Self.allCases.first(where: { $0.severity == Int(wire.rawValue) })
    else { return nil }
    self = level
  }

  /// The measure on the wire; DISCIPLINE_LEVEL_UNSPECIFIED for ``admonition``, which the
  /// proto cannot name.
  var wire: ReformWire.DisciplineLevel { ReformWire.DisciplineLevel(rawValue: Int32(severity)) }
}
