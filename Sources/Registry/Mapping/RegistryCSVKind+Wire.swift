import ReformModule
import ReformWire
import RegistryDomain

extension RegistryCsvKind: DomainMirrored {
  public typealias Domain = RegistryDomain.RegistryCSVKind
  public static let namePrefix = "REGISTRY_CSV_KIND_"
  public static let byDomainName = namesTable()
}
