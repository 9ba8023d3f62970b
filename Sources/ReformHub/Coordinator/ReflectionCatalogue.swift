import Foundation

/// What gRPC server reflection answers from: the files the coordinator serves, found by name
/// or by a symbol they define, each with the files it imports; and the services. Built once
/// from the generated ``ServedSchema`` table (``served``), never from a descriptor parsed at
/// run time.
///
/// ## Topics
/// - ``served``: the catalogue of what this coordinator serves.
/// - ``services``, ``descriptors(ofFile:)``, ``descriptors(containingSymbol:)``, ``defines(_:)``
struct ReflectionCatalogue: Sendable {
  /// Every service served, sorted by full name.
  let services: [String]
  /// Each file's imports and encoded `FileDescriptorProto`, by file name.
  private let files: [String: (dependencies: [String], descriptor: [UInt8])]
  /// The file defining each symbol, by the symbol's full name.
  private let definingFile: [String: String]

  /// The catalogue of every file this coordinator serves.
  static let served = ReflectionCatalogue(files: ServedSchema.files, services: ServedSchema.services)

  init(files: [ServedFile], services: [String]) {
    self.services = services
    var byName: [String: (dependencies: [String], descriptor: [UInt8])] = [:]
    var definingFile: [String: String] = [:]
    for file in files {
      let descriptor = Data(base64Encoded: file.descriptor, options: .ignoreUnknownCharacters) ?? Data()
      byName[file.name] = (file.dependencies, [UInt8](descriptor))
      for symbol in file.symbols { definingFile[symbol] = file.name }
    }
    self.files = byName
    self.definingFile = definingFile
  }

  /// The encoded descriptors of the file `name` and of every file it imports, transitively,
  /// the file first and each at most once; nil when no such file is served.
  func descriptors(ofFile name: String) -> [[UInt8]]? {
    guard files[name] != nil else { return nil }
    var order: [String] = [name]
    var seen: Set<String> = [name]
    var next = 0
    while next < order.count {
      for dependency in files[order[next]]?.dependencies ?? [] where seen.insert(dependency).inserted {
        order.append(dependency)
      }
      next += 1
    }
    return order.compactMap { files[$0]?.descriptor }
  }

  /// The descriptors of the file defining `symbol` (a full name without a leading dot) and of
  /// the files it imports, as ``descriptors(ofFile:)``; nil when no served file defines it.
  func descriptors(containingSymbol symbol: String) -> [[UInt8]]? {
    definingFile[symbol].flatMap(descriptors(ofFile:))
  }

  /// Whether a served file defines `symbol`.
  func defines(_ symbol: String) -> Bool { definingFile[symbol] != nil }
}
