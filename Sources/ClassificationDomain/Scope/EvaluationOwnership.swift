/// The owners a clerk's submission writes over, checked against the clerk's own unit: the unit
/// each person is counted under in the registry, and the unit of the evaluation already stored
/// for the same subject and year — not only the unit the submission claims, which the clerk
/// chooses. Without this an upsert could replace another unit's evaluation and move the person
/// into the clerk's quota.
///
/// ## Topics
/// - ``init(entries:ownUnit:tree:)``, ``Entry``
/// - ``requireRegistered(_:)``, ``requireStored(_:)``
public struct EvaluationOwnership: Sendable {
  /// One person's evaluation in the submission, and the request field that names the person.
  public struct Entry: Sendable, Hashable {
    public var subjectId: String
    public var year: Int
    public var field: String

    public init(subjectId: String, year: Int, field: String) {
      self.subjectId = subjectId
      self.year = year
      self.field = field
    }
  }

  /// The entries checked, in submission order.
  public let entries: [Entry]
  /// The clerk's own unit.
  public let ownUnit: String
  private let reach: Set<String>

  /// The check of `entries` for a clerk of `ownUnit`, whose reach is that unit's subtree in
  /// `tree`.
  public init(entries: [Entry], ownUnit: String, tree: UnitTree) {
    self.entries = entries
    self.ownUnit = ownUnit
    reach = tree.subtree(of: ownUnit)
  }

  /// Refuses when a person is unknown to the registry (`notFound`), or counted under a unit
  /// outside the clerk's reach (`permissionDenied`).
  ///
  /// - Parameter registered: the unit each person known to the registry is counted under.
  public func requireRegistered(_ registered: [String: String]) throws(ClassificationRefusal) {
    for entry in entries {
      guard let unit = registered[entry.subjectId] else {
        throw ClassificationRefusal(
          .notFound, field: entry.field,
          "\(entry.subjectId) is not a person of the registry; a clerk evaluates only the people the registry counts under their unit")
      }
      guard covers(unit) else {
        throw ClassificationRefusal(
          .permissionDenied, field: entry.field,
          "\(entry.subjectId) is counted under unit \(unit) in the registry, outside the caller's scope; \(limit)")
      }
    }
  }

  /// Refuses when an evaluation already stored for an entry belongs to a unit outside the
  /// clerk's reach.
  ///
  /// - Parameter stored: the unit of each entry's stored evaluation, by the entry's index in
  ///   ``entries``; entries with none are left out.
  public func requireStored(_ stored: [Int: String]) throws(ClassificationRefusal) {
    for (index, entry) in entries.enumerated() {
      guard let unit = stored[index], !covers(unit) else { continue }
      throw ClassificationRefusal(
        .permissionDenied, field: entry.field,
        "\(entry.subjectId) is already evaluated for \(entry.year) in unit \(unit), outside the caller's scope; \(limit)")
    }
  }

  private func covers(_ unit: String) -> Bool { reach.contains(unit) }

  private var limit: String {
    "a clerk of \(ownUnit) writes only the evaluations of \(ownUnit) and the units under it"
  }
}
