import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension SourceReference {
  /// The source a `SourceRef` names.
  init(_ source: SourceRef, field: String) throws {
    try InspectionLimits.checkText(source.document, field: "\(field).document", limit: InspectionLimits.maxNoteLength)
    try InspectionLimits.checkText(source.article, field: "\(field).article", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkText(source.note, field: "\(field).note", limit: InspectionLimits.maxNoteLength)
    self.init(
      document: source.document, article: source.article,
      issued: try source.issued.map { date in try CivilDate(date, field: "\(field).issued") },
      note: source.note)
  }

  /// The source on the wire.
  var wire: SourceRef { SourceRef(document: document, article: article, issued: issued?.wire, note: note) }
}
