import ClassificationDomain
import ReformWire

extension QuotaBasis {
  /// The basis `wire` names; `nil` for RATING_QUOTA_BASIS_UNSPECIFIED or an unknown number.
  init?(wire: RatingQuotaBasis) {
    switch wire {
    case .goodCount: self = .goodCount
    case .ratedCount: self = .ratedCount
    default: return nil
    }
  }

  /// The basis on the wire.
  var wire: RatingQuotaBasis {
    switch self {
    case .goodCount: .goodCount
    case .ratedCount: .ratedCount
    }
  }
}

extension QuotaRounding {
  /// The rounding `wire` names; `nil` for RATING_QUOTA_ROUNDING_UNSPECIFIED or an unknown
  /// number.
  init?(wire: RatingQuotaRounding) {
    switch wire {
    case .floor: self = .floor
    case .halfUp: self = .halfUp
    default: return nil
    }
  }

  /// The rounding on the wire.
  var wire: RatingQuotaRounding {
    switch self {
    case .floor: .floor
    case .halfUp: .halfUp
    }
  }
}

extension TieBreakKey {
  /// The key `wire` names; `nil` for RATING_TIE_BREAK_KEY_UNSPECIFIED or an unknown number.
  init?(wire: RatingTieBreakKey) {
    guard let key = Self.allCases.first(where: { $0.wire == wire }) else { return nil }
    self = key
  }

  /// The key on the wire.
  var wire: RatingTieBreakKey {
    switch self {
    case .totalScore: .totalScore
    case .taskResultsScore: .taskResultsScore
    case .exceededShare: .exceededShare
    case .onTimeShare: .onTimeShare
    case .subjectId: .subjectId
    }
  }
}

extension RuleOutcome {
  /// The outcome on the wire.
  var wire: RatingRuleOutcome {
    switch self {
    case .held: .held
    case .failed: .failed
    case .notApplicable: .notApplicable
    case .disabled: .disabled
    }
  }
}
