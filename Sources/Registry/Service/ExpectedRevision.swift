import ReformModule

/// The optimistic check of `expected_revision` in update calls: a change made against a stale
/// revision is refused, so that no one overwrites a change they have not seen.
enum ExpectedRevision {
  /// Refuses a change made against a stale revision (`expected` 0 skips the check), and a
  /// negative `expected`, which no record ever has.
  static func check(_ expected: Int64, against stamp: RecordStamp?, of what: String) throws {
    guard expected >= 0 else {
      throw FieldError.invalid("expected_revision", "\(expected) is below 0; give 0 (no check) or the revision read")
    }
    guard expected != 0, let stamp, stamp.revision != expected else { return }
    throw FieldError.precondition(
      "expected_revision", "\(what) is at revision \(stamp.revision), not \(expected); someone changed it since: read it again and retry")
  }
}
