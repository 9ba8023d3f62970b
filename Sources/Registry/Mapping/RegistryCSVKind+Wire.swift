import ReformWire
import RegistryDomain

extension RegistryCsvKind: DomainMirrored {
  typealias Domain = RegistryCSVKind
  static let namePrefix = "REGISTRY_CSV_KIND_"
  static let byDomainName = namesTable()
}
