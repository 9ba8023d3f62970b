/// The key of a subject in maps: its kind (proto number) and id joined, since one person may be
/// rated under several kinds.
enum SubjectKey {
  static func of(_ kind: Int32, _ subjectId: String) -> String { "\(kind)\u{1F}\(subjectId)" }
}
