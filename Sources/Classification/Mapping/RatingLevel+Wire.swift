import ClassificationDomain
import ReformWire

extension ClassificationDomain.RatingLevel {
  /// The level `wire` names; `nil` for RATING_LEVEL_UNSPECIFIED or a number the schema lacks.
  init?(wire: ReformWire.RatingLevel) {
    switch wire {
    case .htxsnv: self = .htxsnv
    case .httnv: self = .httnv
    case .htnv: self = .htnv
    case .khtnv: self = .khtnv
    default: return nil
    }
  }

  /// The level on the wire.
  var wire: ReformWire.RatingLevel { ReformWire.RatingLevel(rawValue: Int32(rank)) }
}
