import Foundation
import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Registry
import RegistryDomain

/// A registry module on a real SQLite file in a fresh temporary folder — or, in the run on
/// PostgreSQL (`REFORM_TEST_STORE=postgres`), in a fresh schema of the test server — in a
/// `ModuleHarness`: called through the same encoding as a job from the hub.
struct RegistryHarness {
  /// The temporary folder holding the file; removed when the last harness on it goes.
  let folder: TemporaryFolder
  /// Where the registry's state is.
  let store: StoreLocation
  let module: RegistryModule
  let harness: ModuleHarness

  static let admin = TestCaller.admin
  /// 15 June 2025, noon in Vietnam.
  static let now = Date(timeIntervalSince1970: 1_749_963_600)

  init(exchange: (any ExchangeCountProvider)? = nil) throws {
    let folder = try TemporaryFolder("registry-tests")
    try self.init(
      folder: folder, store: TestStore.fresh(module: "registry", sqlitePath: folder.file("reform.sqlite")), exchange: exchange)
  }

  init(folder: TemporaryFolder, store: StoreLocation, exchange: (any ExchangeCountProvider)? = nil) throws {
    self.folder = folder
    self.store = store
    module = try RegistryModule(store: store, exchangeCounts: exchange) { Self.now }
    harness = ModuleHarness(module)
  }

  /// The folder, for files a test writes beside the database.
  var directory: URL { folder.url }
  /// The module's registered handlers.
  var methods: ModuleMethods { harness.methods }

  /// The module opened again on the same file, as a restarted (or a second) worker.
  func reopened() throws -> RegistryHarness { try RegistryHarness(folder: folder, store: store, exchange: nil) }

  static func clerk(of unit: String) -> Principal { TestCaller.clerk(of: unit) }

  /// A job of `method` for `caller`, limited to `ownUnit` when given.
  static func context<M: WireMethod>(_ method: M.Type, caller: Principal?, ownUnit: String? = nil) -> JobContext {
    .test(as: caller, ownUnitLimit: ownUnit, method: M.info.path, module: "registry")
  }

  /// Calls a unary method as `caller`; a clerk is limited to their own unit, as the coordinator
  /// limits them for `clerkOwnUnit` methods.
  func call<M: WireMethod>(_ method: M.Type, _ input: M.Input, as caller: Principal = admin) async throws -> M.Output {
    try await harness.call(method, input, as: caller)
  }

  /// Calls a streaming method as `caller` and returns every item; a clerk is limited to their
  /// own unit, as for ``call(_:_:as:)``.
  func stream<M: WireMethod>(_ method: M.Type, _ input: M.Input, as caller: Principal = admin) async throws -> [M.Output] {
    try await harness.stream(method, input, as: caller)
  }

  /// Imports a CSV file and returns its events.
  @discardableResult
  func importCSV(_ kind: RegistryCsvKind, _ text: String, dryRun: Bool = false, key: String = "", setID: String = "") async throws
    -> [RegistryImportCsvEvent]
  {
    try await stream(
      RegistryService.ImportCsv.self,
      RegistryImportCsvRequest(kind: kind, csv: Array(text.utf8), dryRun: dryRun, fileName: "test.csv", setId: setID, idempotencyKey: key))
  }

  /// A fresh registry holding ``seedSmallBloc()``'s small bloc.
  static func smallBloc(exchange: (any ExchangeCountProvider)? = nil) async throws -> RegistryHarness {
    let registry = try RegistryHarness(exchange: exchange)
    try await registry.seedSmallBloc()
    return registry
  }

  /// A small bloc: the committee DUK; DBCS-A with cells DBCS-A-01 and DBCS-A-02; DBCS-C; the cell
  /// CBCS-B. Three people: a leader meeting the standard who studied 01-NQ/ĐUK, a worker who
  /// studied it, and a leader below the standard who did not.
  func seedSmallBloc() async throws {
    try await importCSV(
      .units,
      """
      code,name,short_name,kind,parent_code,organ_id,opened
      DUK,Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu,Đảng bộ Khối,BLOC_COMMITTEE,,000.00.00.H41,2004-06-01
      DBCS-A,Đảng bộ Sở Nội vụ,Sở Nội vụ,GRASSROOTS_COMMITTEE,DUK,000.00.01.H41,2010-01-01
      DBCS-A-01,Chi bộ Văn phòng Sở Nội vụ,Văn phòng,SUBORDINATE_CELL,DBCS-A,,2010-01-01
      DBCS-A-02,Chi bộ Thanh tra Sở Nội vụ,Thanh tra,SUBORDINATE_CELL,DBCS-A,,2010-01-01
      DBCS-C,Đảng bộ Sở Tài chính,Sở Tài chính,GRASSROOTS_COMMITTEE,DUK,000.00.02.H41,2010-01-01
      CBCS-B,Chi bộ Ban Dân tộc tỉnh,Ban Dân tộc,GRASSROOTS_CELL,DUK,000.00.03.H41,2012-05-01

      """)
    try await importCSV(
      .people,
      """
      id,full_name,categories,unit_code,leader_or_manager,theory_level,required_theory_level,party_status,admitted,official
      P1,Nguyễn Văn An,CIVIL_SERVANT,DBCS-A-01,true,ADVANCED,ADVANCED,OFFICIAL,2000-01-01,2001-01-01
      P2,Lò Thị Bình,WORKER,DBCS-A-01,false,,,,,
      P3,Trần Văn Cường,CIVIL_SERVANT,CBCS-B,true,ELEMENTARY,INTERMEDIATE,,,

      """)
    try await importCSV(
      .studies,
      """
      person_id,document,studied,form
      P1,01-NQ/ĐUK,2021-03-01,Hội nghị quán triệt
      P2,01-NQ/ĐUK,2021-03-01,Hội nghị quán triệt

      """)
  }
}

extension RegistryImportCsvEvent {
  var summary: RegistryImportSummary? {
    if case .summary(let summary) = event { return summary }
    return nil
  }

  var errors: [RegistryImportError] {
    if case .errors(let batch) = event { return batch.errors }
    return []
  }
}

/// The status of a failed call as the caller would get it, or nil when it succeeded (a test
/// that requires a failure uses `expectRPCError`).
func status(of call: () async throws -> some Any) async -> RPCError? {
  do {
    _ = try await call()
    return nil
  } catch let error as RPCError {
    return error
  } catch let error as any RPCErrorConvertible {
    // What the worker sends back for a FieldError or a StoreFailure.
    return RPCError(error)
  } catch {
    return RPCError(code: .unknown, message: "\(error)")
  }
}

let set01 = "01-NQ-DUK-2020-2025"

func year(_ year: Int32) -> ReformWire.Period { ReformWire.Period(type: .year, year: year) }
