// Secrets stay out of logs: swift-service-lifecycle logs every service it starts, and
// `dump` or string interpolation would print a configuration field by field.

extension Worker: CustomStringConvertible {
  public var description: String { "Worker(module: \(module.name), coordinator: \(configuration.coordinator))" }
}

extension Coordinator: CustomStringConvertible {
  public var description: String { "Coordinator(listen: \(configuration.listen.map(\.description).joined(separator: ", ")))" }
}

extension WorkerConfiguration: CustomStringConvertible, CustomReflectable {
  public var description: String {
    "WorkerConfiguration(coordinator: \(coordinator), secret: (redacted), capacity: \(capacity))"
  }
  public var customMirror: Mirror {
    Mirror(self, children: ["coordinator": coordinator, "secret": "(redacted)", "capacity": capacity])
  }
}

extension CoordinatorConfiguration: CustomStringConvertible, CustomReflectable {
  public var description: String {
    "CoordinatorConfiguration(listen: \(listen.map(\.description)), tokenStorePath: \(tokenStorePath), workerSecret: (redacted), rateLimit: \(rateLimit))"
  }
  public var customMirror: Mirror {
    Mirror(self, children: ["listen": listen, "tokenStorePath": tokenStorePath, "workerSecret": "(redacted)"])
  }
}
