import ReformKit
import RegistryDomain
import ReformWire

// RegistryDomain (or ReformKit) and ReformWire both name these types. In this module the bare name is the
// domain's, and the wire's message or enum is written `ReformWire.Name`, so that every
// conversion reads as domain value ⇄ ReformWire value.

typealias HostOrganisationKind = RegistryDomain.HostOrganisationKind
typealias IndicatorAggregation = RegistryDomain.IndicatorAggregation
typealias IndicatorComputationSkip = RegistryDomain.IndicatorComputationSkip
typealias IndicatorDefinition = RegistryDomain.IndicatorDefinition
typealias IndicatorParameter = RegistryDomain.IndicatorParameter
typealias IndicatorResult = RegistryDomain.IndicatorResult
typealias IndicatorSet = RegistryDomain.IndicatorSet
typealias IndicatorSetStatus = RegistryDomain.IndicatorSetStatus
typealias IndicatorSource = RegistryDomain.IndicatorSource
typealias IndicatorTarget = RegistryDomain.IndicatorTarget
typealias IndicatorTermMapping = RegistryDomain.IndicatorTermMapping
typealias IndicatorValue = RegistryDomain.IndicatorValue
typealias IndicatorValueOrigin = RegistryDomain.IndicatorValueOrigin
typealias OrgUnit = RegistryDomain.OrgUnit
typealias PartyMemberStatus = RegistryDomain.PartyMemberStatus
typealias PartyMembership = RegistryDomain.PartyMembership
typealias Period = RegistryDomain.Period
typealias PeriodType = RegistryDomain.PeriodType
typealias Person = RegistryDomain.Person
typealias PersonCategory = RegistryDomain.PersonCategory
typealias PersonGender = RegistryDomain.PersonGender
typealias PoliticalTheoryLevel = RegistryDomain.PoliticalTheoryLevel
typealias ReformStudyRecord = RegistryDomain.ReformStudyRecord
typealias SourceRef = ReformKit.SourceRef
typealias TargetComparison = RegistryDomain.TargetComparison
typealias UnitChangeKind = RegistryDomain.UnitChangeKind
typealias UnitHistoryEntry = RegistryDomain.UnitHistoryEntry
typealias UnitKind = RegistryDomain.UnitKind
