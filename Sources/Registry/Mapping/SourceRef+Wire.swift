import ReformKit
import ReformModule
import RegistryDomain
import ReformWire

extension SourceRef {
  /// The reference a wire `SourceRef` names, its texts checked for length.
  init(wire source: ReformWire.SourceRef, field: String) throws {
    self.init(
      document: try TextLimit.short.checked(source.document, field: field + ".document"),
      article: try TextLimit.short.checked(source.article, field: field + ".article"),
      issued: try CivilDate.optional(source.issued, field: field + ".issued"),
      note: try TextLimit.long.checked(source.note, field: field + ".note"))
  }

  /// The reference, or `nil` when the field is unset or names no document.
  static func optional(_ source: ReformWire.SourceRef?, field: String) throws -> SourceRef? {
    guard let source else { return nil }
    let reference = try SourceRef(wire: source, field: field)
    return reference.document.isEmpty && reference.article.isEmpty && reference.note.isEmpty ? nil : reference
  }
}
