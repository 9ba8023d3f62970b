import ClassificationDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformStore
import ReformWire

extension ClassificationHandlers {
  /// Records an authority's exception to the quota for a unit (and a duty group) in a year,
  /// with who recorded it and the decision granting it. One live exception per unit, duty
  /// group and year: a second is refused until the first is revoked.
  func grantQuotaException(_ request: ClassificationGrantQuotaExceptionRequest, _ context: JobContext) async throws
    -> ClassificationGrantQuotaExceptionResponse
  {
    guard var wire = request.exception else {
      throw RPCError(code: .invalidArgument, message: "exception: required")
    }
    try await scope(context).require(wire.unitCode, field: "exception.unit_code")
    let key = try Self.claim(method: ClassificationService.GrantQuotaException.info.path, request)
    context.audit.record(target: "quota exception \(wire.unitCode) \(wire.year)", unit: wire.unitCode)
    if let replay = try await store.replay(key, as: ClassificationGrantQuotaExceptionResponse.self) {
      context.audit.record(target: replay.exception?.id ?? "")
      return replay
    }
    // Output-only fields are the store's to fill.
    wire.id = "pending"
    wire.revoked = false
    wire.revokedReason = ""
    wire.recordedBy = context.caller
    wire.recordedAt = Timestamp(Date())
    var problems = FieldProblems(prefix: "exception.")
    let exception = QuotaException(wire: wire, problems: &problems)
    try problems.throwFirst()
    let errors = ClassificationInput(year: exception.year)
      .validationErrors(against: RuleSet.quyDinh366, exceptions: [exception])
      .filter { $0.field.hasPrefix("exceptions[0].") }
    if let error = errors.first {
      let field = FieldPath.proto(String(error.field.dropFirst("exceptions[0].".count)))
        .replacingOccurrences(of: "grant.", with: "")
      throw RPCError(code: .invalidArgument, message: "exception.\(field): \(error.message)")
    }
    let pending = wire
    let response = try await store.grantException(pending, idempotency: key)
    context.audit.record(target: response.exception?.id ?? "")
    return response
  }

  /// Revokes an exception: it is kept, with the reason, and no longer applied to later runs.
  func revokeQuotaException(_ request: ClassificationRevokeQuotaExceptionRequest, _ context: JobContext) async throws
    -> ClassificationRevokeQuotaExceptionResponse
  {
    try Self.requireCode(request.id, field: "id")
    guard !request.reason.isEmpty else {
      throw RPCError(code: .invalidArgument, message: "reason: required: why the exception is revoked")
    }
    try Self.checkLength(request.reason, "reason", ClassificationLimits.textLength)
    let id = request.id
    guard let found = try await store.exception(id: id) else {
      throw RPCError(code: .notFound, message: "id: no quota exception \(request.id)")
    }
    try await scope(context).require(found.unitCode, field: "id")
    let key = try Self.claim(method: ClassificationService.RevokeQuotaException.info.path, request)
    context.audit.record(target: request.id, unit: found.unitCode)
    if let replay = try await store.replay(key, as: ClassificationRevokeQuotaExceptionResponse.self) { return replay }
    return try await store.revokeException(id: id, reason: request.reason, idempotency: key)
  }

  /// Lists exceptions in the order recorded. A clerk sees their own unit's subtree.
  func listQuotaExceptions(_ request: ClassificationListQuotaExceptionsRequest, _ context: JobContext) async throws
    -> ClassificationListQuotaExceptionsResponse
  {
    let scope = scope(context)
    let root = try await scope.readRoot(request.unitCode, field: "unit_code")
    let paging = try Paging(request.page, list: "quota_exceptions")
    try ClassificationLimits.checkYearFilter(request.year)
    context.audit.record(target: "quota exceptions \(request.year)", unit: root)
    let page = try await store.exceptionPage(
      year: Int(request.year), units: try await scope.subtree(of: root), includeRevoked: request.includeRevoked,
      after: paging.int(0), limit: paging.size)
    return ClassificationListQuotaExceptionsResponse(
      exceptions: page.exceptions.map(\.exception),
      page: paging.response(
        itemsReturned: page.exceptions.count, lastKey: page.exceptions.last.map { [String($0.seq)] }, total: page.total))
  }
}
