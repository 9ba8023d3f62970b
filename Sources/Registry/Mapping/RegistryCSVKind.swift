import ReformWire

/// What a CSV file holds, as `RegistryCsvKind` names it.
enum RegistryCSVKind: String, CaseIterable, Sendable {
  case units = "UNITS"
  case people = "PEOPLE"
  case values = "VALUES"
  case studies = "STUDIES"
}

extension RegistryCsvKind: DomainMirrored {
  typealias Domain = RegistryCSVKind
  static let namePrefix = "REGISTRY_CSV_KIND_"
  static let byDomainName = namesTable()
}
