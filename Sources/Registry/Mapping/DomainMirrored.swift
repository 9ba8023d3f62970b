import ReformModule
import RegistryDomain
import ReformWire

// How each of the registry's wire enums mirrors its domain enum (see ``DomainMirrored``).

extension ReformWire.UnitKind: DomainMirrored {
  public typealias Domain = RegistryDomain.UnitKind
  public static let namePrefix = "UNIT_KIND_"
  public static let byDomainName = namesTable()
}

extension ReformWire.HostOrganisationKind: DomainMirrored {
  public typealias Domain = RegistryDomain.HostOrganisationKind
  public static let namePrefix = "HOST_ORGANISATION_KIND_"
  public static let byDomainName = namesTable()
}

extension ReformWire.UnitChangeKind: DomainMirrored {
  public typealias Domain = RegistryDomain.UnitChangeKind
  public static let namePrefix = "UNIT_CHANGE_KIND_"
  public static let byDomainName = namesTable()
}

extension ReformWire.PersonCategory: DomainMirrored {
  public typealias Domain = RegistryDomain.PersonCategory
  public static let namePrefix = "PERSON_CATEGORY_"
  public static let byDomainName = namesTable()
}

extension ReformWire.PersonGender: DomainMirrored {
  public typealias Domain = RegistryDomain.PersonGender
  public static let namePrefix = "PERSON_GENDER_"
  public static let byDomainName = namesTable()
}

extension ReformWire.PoliticalTheoryLevel: DomainMirrored {
  public typealias Domain = RegistryDomain.PoliticalTheoryLevel
  public static let namePrefix = "POLITICAL_THEORY_LEVEL_"
  public static let byDomainName = namesTable()
}

extension ReformWire.PartyMemberStatus: DomainMirrored {
  public typealias Domain = RegistryDomain.PartyMemberStatus
  public static let namePrefix = "PARTY_MEMBER_STATUS_"
  public static let byDomainName = namesTable()
}

extension ReformWire.IndicatorSource: DomainMirrored {
  public typealias Domain = RegistryDomain.IndicatorSource
  public static let namePrefix = "INDICATOR_SOURCE_"
  public static let byDomainName = namesTable()
}

extension ReformWire.TargetComparison: DomainMirrored {
  public typealias Domain = RegistryDomain.TargetComparison
  public static let namePrefix = "TARGET_COMPARISON_"
  public static let byDomainName = namesTable()
}

extension ReformWire.IndicatorAggregation: DomainMirrored {
  public typealias Domain = RegistryDomain.IndicatorAggregation
  public static let namePrefix = "INDICATOR_AGGREGATION_"
  public static let byDomainName = namesTable()
}

extension ReformWire.IndicatorSetStatus: DomainMirrored {
  public typealias Domain = RegistryDomain.IndicatorSetStatus
  public static let namePrefix = "INDICATOR_SET_STATUS_"
  public static let byDomainName = namesTable()
}

extension ReformWire.IndicatorValueOrigin: DomainMirrored {
  public typealias Domain = RegistryDomain.IndicatorValueOrigin
  public static let namePrefix = "INDICATOR_VALUE_ORIGIN_"
  public static let byDomainName = namesTable()
}

extension IndicatorPeriodStatus: DomainMirrored {
  public typealias Domain = RegistryDomain.PeriodStatus
  public static let namePrefix = "INDICATOR_PERIOD_STATUS_"
  public static let byDomainName = namesTable()
}

extension IndicatorTargetOutcome: DomainMirrored {
  public typealias Domain = RegistryDomain.TargetOutcome
  public static let namePrefix = "INDICATOR_TARGET_OUTCOME_"
  public static let byDomainName = namesTable()
}

extension ReformWire.PeriodType: DomainMirrored {
  public typealias Domain = RegistryDomain.PeriodType
  public static let namePrefix = "PERIOD_TYPE_"
  public static let byDomainName = namesTable()
}

extension Role: DomainMirrored {
  public typealias Domain = RegistryDomain.ActorRole
  public static let namePrefix = "ROLE_"
  public static let byDomainName = namesTable()
}
