/// An organ (cơ quan, tổ chức) as the exchange addresses it: its OrganId and name, as edXML
/// `From` and `To` carry them.
///
/// The OrganId is kept as the text the caller gave, so that validation can name the entry at
/// fault (`metadata.recipients[2].organId`); ``OrganId`` checks it.
public struct Organ: Sendable, Hashable {
  /// Mã định danh, e.g. `000.00.00.H41`.
  public var organId: String
  /// Tên cơ quan, tổ chức, e.g. "Sở Nội vụ tỉnh Lai Châu".
  public var name: String

  /// An organ named `name` with OrganId `organId`.
  public init(organId: String, name: String) {
    self.organId = organId
    self.name = name
  }
}
