import ReformKit

/// One record of studying a reform document (nghiên cứu, học tập, quán triệt văn bản về cải
/// cách hành chính), as `ReformStudyRecord` in `person.proto`: the source of indicator 1 of
/// 01-NQ/ĐUK.
public struct ReformStudyRecord: Sendable, Hashable, Codable {
  /// The document studied, e.g. "01-NQ/ĐUK".
  public var document: String
  /// The date of the session (or of its last day).
  public var studied: CivilDate
  /// How: e.g. "hội nghị quán triệt", "tự nghiên cứu", "trực tuyến".
  public var form: String
  /// Free text.
  public var note: String

  /// Makes a record.
  public init(document: String, studied: CivilDate, form: String = "", note: String = "") {
    self.document = document
    self.studied = studied
    self.form = form
    self.note = note
  }
}
