/// The signer (người ký) of a document, as edXML `SignerInfo` carries it (Nghị định
/// 30/2020/NĐ-CP, Phụ lục VI).
public struct Signer: Sendable, Hashable {
  /// The marks of signing authority a document may carry before the position: on behalf of a
  /// collective (TM.), as deputy (KT.), by order (TL.), by authorisation (TUQ.), or none when
  /// signing in one's own name.
  public static let competences: Set<String> = ["", "TM.", "KT.", "TL.", "TUQ."]

  /// Quyền hạn ký: one of ``competences``.
  public var competence: String
  /// Chức vụ, e.g. "Phó Bí thư". Required.
  public var position: String
  /// Họ và tên. Required.
  public var fullName: String

  /// A signer; `competence` defaults to signing in one's own name.
  public init(competence: String = "", position: String, fullName: String) {
    self.competence = competence
    self.position = position
    self.fullName = fullName
  }
}
