import Crypto
import Foundation
import GRPCCore
import ReformModule
import ReformWire

extension RegistryModule {
  /// The demo files, in the order they import: a unit before its people, a person before
  /// their studies, a unit before its values.
  public static let demoFiles: [(name: String, kind: RegistryCsvKind)] = [
    ("units.csv", .units), ("people.csv", .people), ("studies.csv", .studies), ("values.csv", .values),
  ]

  /// Loads the demo bloc of `Deploy/demo/` (or any folder with the same four files) through
  /// the same path as `ImportCsv`: `units.csv`, `people.csv`, `studies.csv`, then `values.csv`,
  /// each all or nothing.
  ///
  /// Each file is imported under an idempotency key made of its name and content, so loading
  /// the same files again writes nothing: what `reformd up --demo` needs to load them once.
  ///
  /// - Returns: each file's summary, in order.
  /// - Throws: `NOT_FOUND` for a missing file; `INVALID_ARGUMENT` with the first problems of a
  ///   file that does not import (the files before it stay imported).
  @discardableResult
  public func loadDemo(from directory: String) async throws -> [RegistryImportSummary] {
    try await loadDemo(from: directory, into: store)
  }

  private func loadDemo(from directory: String, into store: some RegistryStoring) async throws -> [RegistryImportSummary] {
    var summaries: [RegistryImportSummary] = []
    let handlers = RegistryHandlers(store: store, exchange: nil)
    for file in Self.demoFiles {
      let path = (directory as NSString).appendingPathComponent(file.name)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw RPCError(code: .notFound, message: "\(path): the demo file is missing")
      }
      let bytes = [UInt8](data)
      let digest = SHA256.hash(data: bytes).prefix(8).map { String($0, radix: 16) }.joined()
      let request = RegistryImportCsvRequest(kind: file.kind, csv: bytes, fileName: file.name, idempotencyKey: "demo:\(file.name):\(digest)")
      let context = JobContext(
        jobID: 0, method: RegistryService.ImportCsv.info.path, caller: nil,
        worker: WorkerIdentity(id: "demo", module: name, pid: ProcessInfo.processInfo.processIdentifier, host: "localhost", version: ""))
      let errors = ErrorCollector()
      let summary = try await handlers.importCsv(request, context) { event in
        if case .errors(let batch) = event.event { errors.add(batch.errors) }
      }
      guard summary.errorCount == 0 else {
        let first = errors.first.map { "line \($0.line), column \($0.column) (\($0.field)): \($0.message)" } ?? ""
        throw RPCError(code: .invalidArgument, message: "\(path): \(summary.errorCount) problems, the first: \(first)")
      }
      summaries.append(summary)
    }
    return summaries
  }
}
