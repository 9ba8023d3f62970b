/// The officer named in a status notice (edXML `StaffInfo`): người xử lý.
public struct Staff: Sendable, Hashable {
  /// Họ và tên.
  public var fullName: String
  /// Phòng, ban.
  public var department: String
  /// E-mail address; may be empty.
  public var email: String
  /// Telephone; may be empty.
  public var phone: String

  /// An officer.
  public init(fullName: String, department: String = "", email: String = "", phone: String = "") {
    self.fullName = fullName
    self.department = department
    self.email = email
    self.phone = phone
  }
}
