import ReformWire

/// Which worker module owns which service: the coordinator routes every method of a module's
/// service to workers of that module. Health, Admin and WorkerHub are the coordinator's own.
public enum ModuleCatalogue {
  /// Module name → the service it serves.
  public static let services: [String: String] = [
    "registry": RegistryService.name,
    "classification": ClassificationService.name,
    "exchange": ExchangeService.name,
    "inspection": InspectionService.name,
    "diagnostics": DiagnosticsService.name,
  ]

  /// Every module name, sorted.
  public static var modules: [String] { services.keys.sorted() }

  /// The module that owns a service, if a module does.
  public static func module(owning service: String) -> String? {
    services.first { $0.value == service }?.key
  }

  /// The methods of a module's service.
  public static func methods(of module: String) -> [WireMethodInfo] {
    guard let name = services[module] else { return [] }
    return WireCatalogue.services.first { $0.name == name }?.methods ?? []
  }
}
