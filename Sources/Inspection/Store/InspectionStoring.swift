import ReformStore
import ReformWire

/// What the inspection handlers ask of storage, each call one transaction: the years'
/// calendar notices, programmes and their versions, and the answers to requests that carried
/// an idempotency key.
///
/// Programmes cross as their wire messages, since a version is kept as the bytes it was
/// answered with. Failures are ReformKit's `StoreFailure` (busy, corrupt, failed), an
/// ``InspectionStoreRefusal`` naming the field at fault, or ReformStore's `IdempotencyRefusal`
/// for a key reused for another request; nothing of the engine or the transport crosses.
///
/// ## Topics
/// - Notices: ``notice(year:)``, ``saveNotice(_:)``, ``removeNotice(year:)``
/// - Programmes: ``createProgramme(_:idempotency:respond:)``,
///   ``appendVersion(_:baseVersion:replanRequest:idempotency:respond:)``, ``header(programmeID:)``,
///   ``latestHeader(ownerUnitCode:year:)``, ``programme(_:version:)``,
///   ``summaries(ownerUnitCode:year:after:limit:)``, ``lastVisits(unitCodes:onOrBefore:)``
/// - Idempotency: ``replay(_:as:)``
protocol InspectionStoring: Sendable {
  /// The notice loaded for `year`, as it was loaded.
  func notice(year: Int) async throws -> InspectionCalendarNotice?
  /// Loads `notice` for its year, replacing any earlier one.
  func saveNotice(_ notice: InspectionCalendarNotice) async throws
  /// Removes the notice of `year`, if any.
  func removeNotice(year: Int) async throws

  /// Stores `programme` as version 1 of a new programme, numbered within its year, and returns
  /// `respond`'s answer for it — or, when `idempotency` names a request answered before, that
  /// first answer, storing nothing.
  ///
  /// `programme` carries its name, owner, year, creation and input; the store sets its id
  /// (`KTGS-2026-0001`) and version.
  func createProgramme<Response: WireMessage>(
    _ programme: InspectionProgramme, idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response

  /// Stores `programme` as the version after `baseVersion` and returns `respond`'s answer —
  /// or, when `idempotency` names a request answered before, that first answer, storing
  /// nothing.
  ///
  /// - Throws: ``InspectionStoreRefusal``: not found on `programme_id` when the programme does
  ///   not exist; a failed precondition on `base_version` when another version was stored
  ///   after `baseVersion` meanwhile.
  func appendVersion<Response: WireMessage>(
    _ programme: InspectionProgramme, baseVersion: Int, replanRequest: [UInt8], idempotency: IdempotencyClaim?,
    respond: @escaping @Sendable (InspectionProgramme) -> Response
  ) async throws -> Response

  /// The programme `programmeID`, without its versions.
  func header(programmeID: String) async throws -> ProgrammeHeader?
  /// The last programme numbered for `ownerUnitCode` and `year`.
  func latestHeader(ownerUnitCode: String, year: Int) async throws -> ProgrammeHeader?
  /// Version `version` of programme `programmeID`, whole, as it was stored.
  func programme(_ programmeID: String, version: Int) async throws -> InspectionProgramme?
  /// Up to `limit` programmes, their latest versions summed up, ordered by id after `after`,
  /// filtered by owner and year when given; and how many match the filters in all.
  func summaries(ownerUnitCode: String?, year: Int?, after: String, limit: Int) async throws -> (
    programmes: [InspectionProgrammeSummary], total: Int
  )
  /// For each of `unitCodes` (in NFC) that has one, the last day of its last visit ending on
  /// or before `day` (ISO 8601) in the latest version of any programme.
  func lastVisits(unitCodes: [String], onOrBefore day: String) async throws -> [String: String]

  /// The first answer to the request `claim` identifies, if it was answered before.
  ///
  /// - Throws: ReformStore's `IdempotencyRefusal` (already exists, on `idempotency_key`) when
  ///   the key was used for a different request.
  func replay<Response: WireMessage>(_ claim: IdempotencyClaim, as type: Response.Type) async throws -> Response?
}
