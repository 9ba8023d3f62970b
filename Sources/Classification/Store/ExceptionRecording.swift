import ClassificationDomain
import ReformWire

/// What granting and revoking a quota exception decide whatever the engine; each store calls
/// them inside the write, with what it read in that write.
enum ExceptionRecording {
  /// Refuses `pending` when one of `live` (the year's exceptions still applied) already covers
  /// its unit and duty group, naming `exception.unit_code`: that one must be revoked first.
  static func checkGrant(_ pending: RatingQuotaException, live: [RatingQuotaException]) throws {
    for other in live where other.unitCode == pending.unitCode && other.dutyGroup == pending.dutyGroup {
      let group = pending.dutyGroup.isEmpty ? "" : " (duty group \(pending.dutyGroup))"
      throw ClassificationRefusal(
        .alreadyExists, field: "exception.unit_code",
        "\(other.id) already grants \(pending.unitCode)\(group) an exception for \(pending.year); revoke it first")
    }
  }

  /// `stored` (the exception `id`, if any) revoked for `reason`.
  ///
  /// - Throws: ``ClassificationRefusal`` naming `id` when there is none or it was revoked already.
  static func revoked(_ stored: RatingQuotaException?, id: String, reason: String) throws -> RatingQuotaException {
    guard var exception = stored else {
      throw ClassificationRefusal(.notFound, field: "id", "no quota exception \(id)")
    }
    guard !exception.revoked else {
      throw ClassificationRefusal(.failedPrecondition, field: "id", "\(id) was already revoked (\(exception.revokedReason))")
    }
    exception.revoked = true
    exception.revokedReason = reason
    return exception
  }
}
