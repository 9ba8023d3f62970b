import Foundation
import GRPCCore
import InspectionDomain
import ReformModule
import ReformStore
import ReformWire

/// The handlers of `reform.v1.Inspection`: each decodes nothing itself (the worker does),
/// checks the caller's unit scope first, validates through the mapping and the domain, reads
/// or writes the store, and answers.
///
/// ## Topics
/// - Calendar: ``getCalendar(_:_:)``, ``loadCalendarNotice(_:_:)``, ``removeCalendarNotice(_:_:)``
/// - Risk: ``computeRisk(_:_:)``
/// - Programmes: ``plan(_:_:)``, ``getProgramme(_:_:)``, ``listProgrammes(_:_:)``,
///   ``replan(_:_:)``, ``exportProgramme(_:_:)``
struct InspectionHandlers: Sendable {
  let store: any InspectionStoring
  let risks: RiskCalculator
  /// The current instant; injected so that tests fix "today".
  let now: @Sendable () -> Date

  /// Registers every method of the service.
  func register(into methods: inout ModuleMethods) {
    Self.unary(InspectionService.GetCalendar.self, into: &methods) { try await self.getCalendar($0, $1) }
    Self.unary(InspectionService.LoadCalendarNotice.self, into: &methods) { try await self.loadCalendarNotice($0, $1) }
    Self.unary(InspectionService.RemoveCalendarNotice.self, into: &methods) {
      try await self.removeCalendarNotice($0, $1)
    }
    Self.unary(InspectionService.ComputeRisk.self, into: &methods) { try await self.computeRisk($0, $1) }
    Self.unary(InspectionService.Plan.self, into: &methods) { try await self.plan($0, $1) }
    Self.unary(InspectionService.GetProgramme.self, into: &methods) { try await self.getProgramme($0, $1) }
    Self.unary(InspectionService.ListProgrammes.self, into: &methods) { try await self.listProgrammes($0, $1) }
    Self.unary(InspectionService.Replan.self, into: &methods) { try await self.replan($0, $1) }
    Self.unary(InspectionService.ExportProgramme.self, into: &methods) { try await self.exportProgramme($0, $1) }
  }

  /// Registers `handler` for `method`, a refusal of the store (or of its idempotency ledger)
  /// answered as the field error it names.
  private static func unary<M: WireMethod>(
    _ method: M.Type, into methods: inout ModuleMethods,
    _ handler: @escaping @Sendable (M.Input, JobContext) async throws -> M.Output
  ) {
    methods.unary(method) { request, context in
      do {
        return try await handler(request, context)
      } catch let refusal as InspectionStoreRefusal {
        throw FieldError(refusal)
      } catch let refusal as IdempotencyRefusal {
        throw FieldError(refusal)
      }
    }
  }

  /// The working-day calendar of `year` with `notice` applied, if any.
  func calendar(year: Int, notice: InspectionCalendarNotice?) throws -> WorkingCalendar {
    let domainNotice = try notice.map { notice in try CalendarNotice(notice, field: "notice") }
    do {
      return try WorkingCalendar(year: year, notice: domainNotice)
    } catch {
      throw error.fieldError
    }
  }

  /// The programme `programmeID`, after checking that the caller may act on its owner's unit.
  ///
  /// The owner is known only from the store, so this read comes before the scope check; it
  /// reads nothing a refused caller sees.
  func programmeHeader(_ programmeID: String, field: String, _ context: JobContext) async throws
    -> ProgrammeHeader
  {
    guard !programmeID.isEmpty else { throw FieldError.invalid(field, "required") }
    guard let header = try await store.header(programmeID: programmeID) else {
      throw FieldError.notFound(field, "no programme \(programmeID)")
    }
    try context.requireScope(over: header.ownerUnitCode, field: field)
    return header
  }

  /// The version asked for (0 for the latest) of a programme, checked against those stored.
  func resolvedVersion(_ version: Int32, of header: ProgrammeHeader, field: String) throws -> Int {
    guard version >= 0 else { throw FieldError.invalid(field, "must not be negative (0 for the latest)") }
    guard version <= header.latestVersion else {
      throw FieldError.notFound(
        field, "\(header.programmeId) has versions 1–\(header.latestVersion); there is no version \(version)")
    }
    return version == 0 ? header.latestVersion : Int(version)
  }

  /// The stored version, which must exist.
  func storedProgramme(_ header: ProgrammeHeader, version: Int) async throws -> InspectionProgramme {
    guard let programme = try await store.programme(header.programmeId, version: version) else {
      throw RPCError(code: .dataLoss, message: "version \(version) of \(header.programmeId) is missing from the store")
    }
    return programme
  }

  /// The idempotency claim of a request sent with an idempotency key under `method` (e.g.
  /// `Plan`), or `nil` for none. Its fingerprint is the SHA-256 of the request as sent, key
  /// included, as the module has always stored it, so answers stored before still replay.
  static func idempotencyClaim(_ key: String, method: String, request: some WireMessage) throws -> IdempotencyClaim? {
    guard !key.isEmpty else { return nil }
    try InspectionLimits.checkText(key, field: "idempotency_key", limit: InspectionLimits.maxCodeLength)
    return try IdempotencyClaim(method: method, key: key, request: try request.wireBytes())
  }

  /// The caller's `Principal.id`, for `created_by` and `loaded_by`.
  static func callerID(_ context: JobContext) -> String { context.caller?.id ?? "" }

  /// Whole milliseconds of `duration`.
  static func milliseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
  }
}
