/// One row of a study file: whose record it is, and the record.
public struct PersonStudy: Sendable, Hashable {
  /// The person who studied.
  public var personID: String
  /// What they studied, and when.
  public var record: ReformStudyRecord

  /// Makes a row.
  public init(personID: String, record: ReformStudyRecord) {
    self.personID = personID
    self.record = record
  }
}
