/// Standing of a Party member (Điều lệ Đảng, Điều 5), as `PartyMemberStatus` in
/// `person.proto`.
public enum PartyMemberStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Đảng viên chính thức.
  case official = "OFFICIAL"
  /// Đảng viên dự bị: probationary for twelve months after admission.
  case probationary = "PROBATIONARY"
}
