import Classification
import Foundation
import GRPCCore
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

/// The module on a real store — a SQLite file in a fresh temporary folder, or a schema of its
/// own on the test PostgreSQL server when the run is on PostgreSQL (`TestStore`) — in a
/// `ModuleHarness`: called the way the worker calls it, through the wire encoding.
///
/// The unit tree: the bloc DUK; under it the grassroots committees DB1 (with cells CB1 and
/// CB2) and DB2 (with CB3).
struct TestBed {
  static let tree = ClassificationUnits(
    parents: ["DB1": "DUK", "DB2": "DUK", "CB1": "DB1", "CB2": "DB1", "CB3": "DB2"],
    names: ["DUK": "Đảng ủy Khối", "DB1": "Đảng bộ Sở Nội vụ", "DB2": "Đảng bộ Sở Tài chính"])

  /// The temporary folder holding a SQLite store; removed when the last copy of the bed goes.
  let folder: TemporaryFolder
  /// Where the module keeps its state.
  let store: StoreLocation
  private(set) var harness: ModuleHarness
  private let units: (any ClassificationUnitHierarchy)?
  private let people: (any ClassificationPersonUnits)?

  /// The module's registered handlers.
  var methods: ModuleMethods { harness.methods }

  /// A module on a new store, with the test tree unless told otherwise, and no registry of
  /// people unless `people` is given.
  init(
    units: (any ClassificationUnitHierarchy)? = FixedUnitHierarchy(TestBed.tree),
    people: (any ClassificationPersonUnits)? = nil
  ) throws {
    let folder = try TemporaryFolder("classification")
    try self.init(
      folder: folder, store: TestStore.fresh(module: "classification", sqlitePath: folder.file("reform.sqlite")),
      units: units, people: people)
  }

  /// A module on `store`, which a test chose itself (e.g. a schema on the test PostgreSQL
  /// server whatever engine the run uses).
  init(
    folder: TemporaryFolder, store: StoreLocation,
    units: (any ClassificationUnitHierarchy)? = FixedUnitHierarchy(TestBed.tree),
    people: (any ClassificationPersonUnits)? = nil
  ) throws {
    self.folder = folder
    self.store = store
    self.units = units
    self.people = people
    harness = ModuleHarness(try ClassificationModule(store: store, units: units, people: people))
  }

  /// The module opened again on the same store, as after a restart, or as a second worker
  /// sharing it.
  func reopened() throws -> TestBed {
    var bed = self
    bed.harness = ModuleHarness(try ClassificationModule(store: store, units: units, people: people))
    return bed
  }

  /// Rows in each of the module's tables, read straight from the store.
  func rowCounts() async throws -> [String: Int] {
    try await TestStore.rowCounts(store, prefix: "classification_")
  }

  /// An administrator of the bloc.
  static let admin = TestCaller.admin

  /// A job context for `caller`, limited to `ownUnit` when given (a clerk's grant).
  static func context(_ caller: Principal = admin, ownUnit: String? = nil, method: String = "") -> JobContext {
    .test(as: caller, ownUnitLimit: ownUnit, method: method, module: "classification")
  }

  /// A clerk of `unit`, admitted only for it.
  static func clerk(_ unit: String) -> JobContext {
    context(Principal(id: "clerk-\(unit)", displayName: "Văn thư \(unit)", unitCode: unit, roles: [.clerk]), ownUnit: unit)
  }

  func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, as context: JobContext = TestBed.context()) async throws
    -> M.Output
  {
    try await harness.call(method, request, as: context)
  }

  func stream<M: WireMethod>(_ method: M.Type, _ request: M.Input, as context: JobContext = TestBed.context())
    async throws -> [M.Output]
  {
    try await harness.stream(method, request, as: context)
  }

  /// Submits and requires that it was applied.
  @discardableResult
  func submit(
    _ persons: [PersonEvaluation] = [], collectives: [CollectiveEvaluation] = [], as context: JobContext = TestBed.context()
  ) async throws -> SubmitEvaluationsResponse {
    let response = try await call(
      ClassificationService.SubmitEvaluations.self, SubmitEvaluationsRequest(persons: persons, collectives: collectives),
      as: context)
    #expect(response.errors == [])
    #expect(response.applied)
    return response
  }

  /// The rule set `id` at `version` (0: the latest), which must exist.
  func ruleSet(_ id: String, version: Int32 = 0) async throws -> RatingRuleSet {
    try #require(
      try await call(ClassificationService.GetRuleSet.self, ClassificationGetRuleSetRequest(id: id, version: version))
        .ruleSet)
  }

  /// The rule set `id` under the id `newId` and version 0 (the next), to define as a set of
  /// one's own.
  func copy(of id: String, as newId: String) async throws -> RatingRuleSet {
    var set = try await ruleSet(id)
    set.id = newId
    set.version = 0
    return set
  }

  /// Defines `set` (or only checks it, for a dry run) and returns the set as stored.
  func define(_ set: RatingRuleSet, dryRun: Bool = false, key: String = "") async throws -> RatingRuleSet {
    try #require(
      try await call(
        ClassificationService.DefineRuleSet.self,
        ClassificationDefineRuleSetRequest(ruleSet: set, dryRun: dryRun, idempotencyKey: key)
      ).ruleSet)
  }

  /// Runs `year` over `unit` and returns the run.
  func run(
    _ year: Int32 = Sample.year, unit: String = "", mode: ClassificationRunMode = .dryRun, ruleSet: String = "",
    rerunReason: String = "", key: String = ""
  ) async throws -> ClassificationRunResponse {
    try await call(
      ClassificationService.Run.self,
      ClassificationRunRequest(
        unitCode: unit, year: year, ruleSetId: ruleSet, mode: mode, rerunReason: rerunReason, idempotencyKey: key))
  }

  /// Every rating of `year` (current final ones, or `runId`'s), with their checks.
  func results(_ year: Int32 = Sample.year, runId: String = "", unit: String = "") async throws -> [Rating] {
    try await call(
      ClassificationService.ListResults.self,
      ClassificationListResultsRequest(
        page: PageRequest(pageSize: 1_000), year: year, runId: runId, unitCode: unit, includeChecks: true)
    ).ratings
  }

  /// Every current evaluation of `year`.
  func evaluations(_ year: Int32 = Sample.year) async throws -> [ClassificationEvaluation] {
    try await call(
      ClassificationService.ListEvaluations.self,
      ClassificationListEvaluationsRequest(page: PageRequest(pageSize: 1_000), year: year)
    ).evaluations
  }
}

/// The status `body` failed with; a test fails when it did not fail.
func status<T>(_ body: () async throws -> T) async -> RPCError? {
  await expectRPCError { try await body() }
}
