/// The system that imposed a discipline.
public enum DisciplineSystem: String, Sendable, Hashable, Codable, CaseIterable {
  /// Kỷ luật Đảng (e.g. Quy định 69-QĐ/TW, 2022).
  case party
  /// Kỷ luật hành chính of cán bộ, công chức, viên chức (e.g. Nghị định 112/2020/NĐ-CP).
  case administrative
}

extension DisciplineSystem {
  /// Reads the name, e.g. `"party"`.
  public init(from decoder: any Decoder) throws {
    self = try CaseDecoding.decode(Self.self, from: decoder, what: "a discipline system")
  }
}
