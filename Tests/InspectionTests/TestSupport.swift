import Foundation
import GRPCCore
import InspectionDomain
import ReformModule
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Inspection

/// The module on a real store in a fresh temporary folder — a SQLite file, or a schema of its
/// own on the test PostgreSQL server when the run is on PostgreSQL (`TestStore`) — in a
/// `ModuleHarness`: called the way the worker calls it, through the wire encoding.
final class Harness: Sendable {
  /// 1 November 2025, 09:00 in Vietnam: before every day of 2026, so no visit has begun.
  static let november2025 = Date(timeIntervalSince1970: 1_761_962_400)

  /// Removed once this harness and every one reopened from it are gone.
  let folder: TemporaryFolder
  /// Where the module keeps its state.
  let store: StoreLocation
  let harness: ModuleHarness

  /// A module on a new store.
  convenience init(now: Date = Harness.november2025, riskSource: (any RiskSource)? = nil) throws {
    let folder = try TemporaryFolder("inspection-tests")
    try self.init(
      folder: folder, store: TestStore.fresh(module: "inspection", sqlitePath: folder.file("reform.sqlite")), now: now,
      riskSource: riskSource)
  }

  /// A module on `store`, which others may share.
  init(folder: TemporaryFolder, store: StoreLocation, now: Date = Harness.november2025, riskSource: (any RiskSource)? = nil)
    throws
  {
    self.folder = folder
    self.store = store
    harness = ModuleHarness(try InspectionModule(store: store, riskSource: riskSource, now: { now }))
  }

  /// Another module on the same store, as after a restart of the worker or in a second worker.
  func reopened(now: Date = Harness.november2025, riskSource: (any RiskSource)? = nil) throws -> Harness {
    try Harness(folder: folder, store: store, now: now, riskSource: riskSource)
  }

  /// Calls `method` through the same encoding and decoding as a job from the hub; an error
  /// that carries its status reaches the test as the `RPCError` the caller would get.
  func call<M: WireMethod>(_ method: M.Type, _ request: M.Input, as context: JobContext = .inspector()) async throws
    -> M.Output
  {
    do {
      return try await harness.call(method, request, as: context)
    } catch let error as any RPCErrorConvertible {
      throw RPCError(error)
    }
  }
}

extension JobContext {
  /// An inspector of the commission, who may act for any unit.
  static func inspector(_ id: String = "ktv-01") -> JobContext {
    .test(as: TestCaller.inspector(id, unit: "UBKT-DUK"), module: "inspection")
  }

  /// A clerk admitted only for `unit`, as the coordinator sends a `clerkOwnUnit` grant.
  static func clerk(of unit: String) -> JobContext {
    .test(as: TestCaller.clerk(of: unit), module: "inspection")
  }
}

/// `2026-03-02` on the wire.
func date(_ year: Int32, _ month: Int32, _ day: Int32) -> CalendarDate {
  CalendarDate(year: year, month: month, day: day)
}

/// The days from `first` through `last` on the wire.
func range(_ first: CalendarDate, _ last: CalendarDate) -> DateRange {
  DateRange(first: first, last: last)
}

/// A small 2026 programme's input: six units, two teams of two, one team with an inspector
/// from DBCS-03.
func smallInput(seed: Int64 = 1) -> InspectionPlanInput {
  let codes = (1...6).map { "DBCS-0\($0)" }
  return InspectionPlanInput(
    year: 2026,
    visitsDue: codes.enumerated().map { i, code in
      InspectionVisitDue(
        dueId: "\(code)-1", unitCode: code, unitName: "Chi bộ \(code)", kind: .programmed, lengthDays: 5,
        window: i < 3 ? range(date(2026, 3, 1), date(2026, 6, 30)) : nil, topic: "Cải cách hành chính")
    },
    teams: [
      InspectionTeam(
        teamId: "T1", name: "Đoàn 1",
        inspectors: [
          InspectionInspector(inspectorId: "KTV-01", fullName: "Nguyễn Văn An", homeUnitCode: "UBKT"),
          InspectionInspector(inspectorId: "KTV-02", fullName: "Lò Thị Bình", homeUnitCode: "DBCS-03"),
        ]),
      InspectionTeam(
        teamId: "T2", name: "Đoàn 2",
        inspectors: [
          InspectionInspector(inspectorId: "KTV-03", fullName: "Trần Đức Chi", homeUnitCode: "UBKT"),
          InspectionInspector(inspectorId: "KTV-04", fullName: "Giàng Minh Dũng", homeUnitCode: "UBKT"),
        ]),
    ],
    risks: codes.enumerated().map { i, code in InspectionUnitRisk(unitCode: code, scoreBp: Int32(1_000 * (i + 1))) },
    riskMode: .given, seed: seed)
}

/// The planner's generated instance of `units` units and `teams` teams, on the wire.
func generatedInput(units: Int, teams: Int, seed: UInt64) -> InspectionPlanInput {
  let input = PlanInput.generated(units: units, teams: teams, seed: seed)
  return input.wire(
    risks: input.risks.map { InspectionUnitRisk(unitCode: $0.unitCode, scoreBp: Int32($0.scoreBP), source: .given) },
    riskMode: .given, riskWeights: nil)
}

/// A Plan request for `input`, stored.
func planRequest(_ input: InspectionPlanInput, key: String = "", owner: String = "DUK") -> InspectionPlanRequest {
  InspectionPlanRequest(idempotencyKey: key, input: input, name: "Chương trình thử", ownerUnitCode: owner)
}
