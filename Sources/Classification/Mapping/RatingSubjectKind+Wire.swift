import ClassificationDomain
import ReformWire

extension ClassificationDomain.RatingSubjectKind {
  /// The kind `wire` names; `nil` for RATING_SUBJECT_KIND_UNSPECIFIED or an unknown number.
  init?(wire: ReformWire.RatingSubjectKind) {
    switch wire {
    case .partyMember: self = .partyMember
    case .civilServant: self = .civilServant
    case .publicEmployee: self = .publicEmployee
    case .collective: self = .collective
    default: return nil
    }
  }

  /// The kind on the wire.
  var wire: ReformWire.RatingSubjectKind {
    switch self {
    case .partyMember: .partyMember
    case .civilServant: .civilServant
    case .publicEmployee: .publicEmployee
    case .collective: .collective
    }
  }
}

extension ReformWire.RatingSubjectKind {
  /// The proto's name without its prefix, e.g. `PARTY_MEMBER`, for messages.
  var shortName: String {
    ClassificationDomain.RatingSubjectKind(wire: self)?.code ?? String(rawValue)
  }
}
