/// Gender as recorded in personnel files (giới tính), as `PersonGender` in `person.proto`.
public enum PersonGender: String, Sendable, Hashable, Codable, CaseIterable {
  /// Nam.
  case male = "MALE"
  /// Nữ.
  case female = "FEMALE"
}
