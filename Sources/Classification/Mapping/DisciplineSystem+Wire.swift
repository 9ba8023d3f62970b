import Foundation
import ClassificationDomain
import ReformWire

extension ClassificationDomain.DisciplineSystem {
  /// The system `wire` names; `nil` for DISCIPLINE_SYSTEM_UNSPECIFIED or an unknown number.
  init?(wire: ReformWire.DisciplineSystem) {
    switch wire {
    case .party: self = .party
    case .administrative: self = .administrative
    default: return nil
    }
  }

  /// The system on the wire.
  var wire: ReformWire.DisciplineSystem {
    switch self {
    case .party: .party
    case .administrative: .administrative
    }
  }

  /// The system spelt as in a rule's `systems` parameter: `PARTY`, `ADMINISTRATIVE`; the
  /// proto's full name and the domain's spelling are read too.
  init?(parameterText text: String) {
    switch text.trimmingCharacters(in: .whitespaces).uppercased() {
    case "PARTY", "DISCIPLINE_SYSTEM_PARTY": self = .party
    case "ADMINISTRATIVE", "DISCIPLINE_SYSTEM_ADMINISTRATIVE": self = .administrative
    default: return nil
    }
  }

  /// The spelling of a rule's `systems` parameter.
  var parameterText: String {
    switch self {
    case .party: "PARTY"
    case .administrative: "ADMINISTRATIVE"
    }
  }
}
