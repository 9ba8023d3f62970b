/// The type of a document (tên loại văn bản), as edXML `DocumentType` carries it: a code from
/// the national exchange's list and the type's name.
public struct DocumentType: Sendable, Hashable {
  /// The edXML `DocumentType/Type` code; 0 when not known.
  public var code: Int
  /// The type's name, e.g. "Công văn", "Quyết định", "Nghị quyết". Required.
  public var name: String

  /// A type named `name` with code `code` (0: not known).
  public init(code: Int = 0, name: String) {
    self.code = code
    self.name = name
  }
}
