/// Something a run noticed that did not stop it, e.g. a leader whose collective was not rated.
public struct ClassificationRunIssue: Sendable, Hashable {
  /// Machine-readable, e.g. `led_collective_not_rated`.
  public var code: String
  /// The subject concerned.
  public var subjectKind: RatingSubjectKind
  /// Its id.
  public var subjectId: String
  /// In words, naming the subject and the field.
  public var message: String

  /// An issue `code` about a subject.
  public init(code: String, subjectKind: RatingSubjectKind, subjectId: String, message: String) {
    self.code = code
    self.subjectKind = subjectKind
    self.subjectId = subjectId
    self.message = message
  }
}
