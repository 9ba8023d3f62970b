import ReformModule
import RegistryDomain
import ReformWire

/// A wire enum whose values are a domain enum's cases, spelled with a prefix: the domain's
/// `BLOC_COMMITTEE` is the wire's `UNIT_KIND_BLOC_COMMITTEE`. Conversions go by name, so a value
/// added to both schemas needs no new code here.
protocol DomainMirrored: WireEnum, CustomStringConvertible {
  associatedtype Domain: RawRepresentable & CaseIterable where Domain.RawValue == String
  /// What the wire's value names start with, e.g. `UNIT_KIND_`.
  static var namePrefix: String { get }
  /// ``namesTable()``, made once per type.
  static var byDomainName: [String: Self] { get }
}

extension DomainMirrored {
  /// The wire value of a domain value.
  init(_ value: Domain) {
    self = Self.byDomainName[value.rawValue] ?? Self(rawValue: 0)
  }

  /// Every named wire value by its domain name (without the prefix), for ``init(_:)``, which
  /// runs for each row of a large report.
  static func namesTable() -> [String: Self] {
    var table: [String: Self] = [:]
    for value in allKnown where value.description.hasPrefix(namePrefix) {
      table[String(value.description.dropFirst(namePrefix.count))] = value
    }
    return table
  }

  /// The domain value; `nil` for the unspecified value (0).
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for a number the schema does not name.
  func domain(field: String) throws -> Domain? {
    guard rawValue != 0 else { return nil }
    let name = description
    if name.hasPrefix(Self.namePrefix), let value = Domain(rawValue: String(name.dropFirst(Self.namePrefix.count))) {
      return value
    }
    throw FieldError.invalid(field, "\(rawValue) is not a known value; use one of \(Self.knownNames)")
  }

  /// The domain value, which must be given.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `field` for the unspecified value or an unknown number.
  func required(field: String) throws -> Domain {
    guard let value = try domain(field: field) else {
      throw FieldError.invalid(field, "is required: one of \(Self.knownNames)")
    }
    return value
  }

  /// The names of the values besides the unspecified one, for messages.
  static var knownNames: String {
    Domain.allCases.map { namePrefix + $0.rawValue }.joined(separator: ", ")
  }
}

extension ReformWire.UnitKind: DomainMirrored {
  typealias Domain = UnitKind
  static let namePrefix = "UNIT_KIND_"
  static let byDomainName = namesTable()
}

extension ReformWire.HostOrganisationKind: DomainMirrored {
  typealias Domain = HostOrganisationKind
  static let namePrefix = "HOST_ORGANISATION_KIND_"
  static let byDomainName = namesTable()
}

extension ReformWire.UnitChangeKind: DomainMirrored {
  typealias Domain = UnitChangeKind
  static let namePrefix = "UNIT_CHANGE_KIND_"
  static let byDomainName = namesTable()
}

extension ReformWire.PersonCategory: DomainMirrored {
  typealias Domain = PersonCategory
  static let namePrefix = "PERSON_CATEGORY_"
  static let byDomainName = namesTable()
}

extension ReformWire.PersonGender: DomainMirrored {
  typealias Domain = PersonGender
  static let namePrefix = "PERSON_GENDER_"
  static let byDomainName = namesTable()
}

extension ReformWire.PoliticalTheoryLevel: DomainMirrored {
  typealias Domain = PoliticalTheoryLevel
  static let namePrefix = "POLITICAL_THEORY_LEVEL_"
  static let byDomainName = namesTable()
}

extension ReformWire.PartyMemberStatus: DomainMirrored {
  typealias Domain = PartyMemberStatus
  static let namePrefix = "PARTY_MEMBER_STATUS_"
  static let byDomainName = namesTable()
}

extension ReformWire.IndicatorSource: DomainMirrored {
  typealias Domain = IndicatorSource
  static let namePrefix = "INDICATOR_SOURCE_"
  static let byDomainName = namesTable()
}

extension ReformWire.TargetComparison: DomainMirrored {
  typealias Domain = TargetComparison
  static let namePrefix = "TARGET_COMPARISON_"
  static let byDomainName = namesTable()
}

extension ReformWire.IndicatorAggregation: DomainMirrored {
  typealias Domain = IndicatorAggregation
  static let namePrefix = "INDICATOR_AGGREGATION_"
  static let byDomainName = namesTable()
}

extension ReformWire.IndicatorSetStatus: DomainMirrored {
  typealias Domain = IndicatorSetStatus
  static let namePrefix = "INDICATOR_SET_STATUS_"
  static let byDomainName = namesTable()
}

extension ReformWire.IndicatorValueOrigin: DomainMirrored {
  typealias Domain = IndicatorValueOrigin
  static let namePrefix = "INDICATOR_VALUE_ORIGIN_"
  static let byDomainName = namesTable()
}

extension IndicatorPeriodStatus: DomainMirrored {
  typealias Domain = PeriodStatus
  static let namePrefix = "INDICATOR_PERIOD_STATUS_"
  static let byDomainName = namesTable()
}

extension IndicatorTargetOutcome: DomainMirrored {
  typealias Domain = TargetOutcome
  static let namePrefix = "INDICATOR_TARGET_OUTCOME_"
  static let byDomainName = namesTable()
}

extension ReformWire.PeriodType: DomainMirrored {
  typealias Domain = PeriodType
  static let namePrefix = "PERIOD_TYPE_"
  static let byDomainName = namesTable()
}

extension Role: DomainMirrored {
  typealias Domain = ActorRole
  static let namePrefix = "ROLE_"
  static let byDomainName = namesTable()
}
