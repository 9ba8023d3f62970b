import Exchange
import Foundation
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

/// A module on a real store in a fresh temporary folder — a SQLite file, or a schema of its own
/// on the test PostgreSQL server when the run is on PostgreSQL (`TestStore`) — registered into
/// `ModuleMethods`, with the bloc's units in its directory; calls go through `methods.invoke`,
/// the wire encoding of production.
struct TestBed {
  static let units: [(code: String, organId: String, name: String)] = [
    ("DUK", "000.00.00.H41", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu"),
    ("SNV", "000.00.31.H41", "Sở Nội vụ tỉnh Lai Châu"),
    ("STC", "000.00.32.H41", "Sở Tài chính tỉnh Lai Châu"),
    ("SYT", "000.00.33.H41", "Sở Y tế tỉnh Lai Châu"),
  ]

  let folder: String
  let store: StoreLocation
  let module: ExchangeModule
  let methods: ModuleMethods

  var databasePath: String { folder + "/reform.sqlite" }

  /// A fresh module with `units` (by default the bloc's four) registered.
  static func make(
    units: [(code: String, organId: String, name: String)] = units, clock: @escaping @Sendable () -> Date = { Date() }
  ) async throws -> TestBed {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exchange-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let bed = try TestBed(
      folder: folder, store: TestStore.fresh(module: "exchange", sqlitePath: folder + "/reform.sqlite"), clock: clock)
    for unit in units { try await bed.module.registerOrgan(unitCode: unit.code, organId: unit.organId, name: unit.name) }
    return bed
  }

  /// A second module on the same store and folder: another worker process, or the same one
  /// restarted.
  init(sharing other: TestBed, clock: @escaping @Sendable () -> Date = { Date() }) throws {
    try self.init(folder: other.folder, store: other.store, clock: clock)
  }

  private init(folder: String, store: StoreLocation, clock: @escaping @Sendable () -> Date) throws {
    self.folder = folder
    self.store = store
    module = try ExchangeModule(store: store, dataDirectory: folder + "/exchange", clock: clock)
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

  /// Rows in each of the module's tables, read straight from the store.
  func rowCounts() async throws -> [String: Int] {
    try await TestStore.rowCounts(store, prefix: "exchange_")
  }

  /// The names of the attachment content the module keeps: the files of its attachment folder
  /// beside SQLite, the content in the database beside PostgreSQL (whose folder only stages
  /// copies for the edXML reader and writer, and must be empty between calls).
  func attachmentFiles() async throws -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/exchange/attachments")) ?? []
    guard case .postgres = store else { return files.sorted() }
    #expect(files.isEmpty, "staged copies left in the attachment folder: \(files)")
    return try await TestStore.texts(store, "SELECT DISTINCT name FROM exchange_content ORDER BY name")
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
