import Exchange
import Foundation
import GRDB
import ReformModule
import ReformModuleTesting
import ReformWire

/// A module on a real SQLite file in a fresh temporary folder, registered into `ModuleMethods`,
/// with the bloc's units in its directory; calls go through `methods.invoke`, the wire encoding
/// of production.
struct TestBed {
  static let units: [(code: String, organId: String, name: String)] = [
    ("DUK", "000.00.00.H41", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu"),
    ("SNV", "000.00.31.H41", "Sở Nội vụ tỉnh Lai Châu"),
    ("STC", "000.00.32.H41", "Sở Tài chính tỉnh Lai Châu"),
    ("SYT", "000.00.33.H41", "Sở Y tế tỉnh Lai Châu"),
  ]

  let folder: String
  let module: ExchangeModule
  let methods: ModuleMethods

  var databasePath: String { folder + "/reform.sqlite" }

  /// A fresh module with `units` (by default the bloc's four) registered.
  static func make(
    units: [(code: String, organId: String, name: String)] = units, clock: @escaping @Sendable () -> Date = { Date() }
  ) async throws -> TestBed {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exchange-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let bed = try TestBed(folder: folder, clock: clock)
    for unit in units { try await bed.module.registerOrgan(unitCode: unit.code, organId: unit.organId, name: unit.name) }
    return bed
  }

  /// A second module on the same file and folder: another worker process, or the same one
  /// restarted.
  init(folder: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
    self.folder = folder
    module = try ExchangeModule(databasePath: folder + "/reform.sqlite", dataDirectory: folder + "/exchange", clock: clock)
    var methods = ModuleMethods()
    module.register(into: &methods)
    self.methods = methods
  }

  func invoke<M: WireMethod>(_ method: M.Type, _ request: M.Input, as context: JobContext) async throws -> M.Output {
    try await methods.invoke(method, request, context: context)
  }

  func stream<M: WireMethod>(_ method: M.Type, _ request: M.Input, as context: JobContext) async throws -> [M.Output] {
    try await methods.invokeStreaming(method, request, context: context)
  }

  /// Rows in each of the module's tables, read straight from the file.
  func rowCounts() throws -> [String: Int] {
    let queue = try DatabaseQueue(path: databasePath)
    return try queue.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'exchange_%' ORDER BY name")
      var counts: [String: Int] = [:]
      for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
      return counts
    }
  }

  /// Files under the module's attachment folder.
  func attachmentFiles() throws -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder + "/exchange/attachments")) ?? []
  }
}

/// Who calls, as the coordinator would hand it to the worker.
enum Caller {
  static let worker = JobContext.testWorker(module: "exchange")

  /// A clerk, admitted only for their own unit.
  static func clerk(_ unit: String) -> JobContext {
    .test(as: TestCaller.clerk(of: unit), ownUnitLimit: unit, module: "exchange")
  }

  /// An administrator of the whole bloc.
  static func admin() -> JobContext { .test(as: TestCaller.admin, ownUnitLimit: nil, module: "exchange") }

  /// An inspector of the whole bloc.
  static func inspector() -> JobContext { .test(as: TestCaller.inspector(), ownUnitLimit: nil, module: "exchange") }
}
