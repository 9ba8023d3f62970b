import InspectionDomain
import ReformKit
import ReformModule
import ReformWire

extension ReformKit.SourceRef {
  /// The source a wire `SourceRef` names, its texts checked for length.
  init(_ source: ReformWire.SourceRef, field: String) throws {
    try InspectionLimits.checkText(source.document, field: "\(field).document", limit: InspectionLimits.maxNoteLength)
    try InspectionLimits.checkText(source.article, field: "\(field).article", limit: InspectionLimits.maxNameLength)
    try InspectionLimits.checkText(source.note, field: "\(field).note", limit: InspectionLimits.maxNoteLength)
    self.init(
      document: source.document, article: source.article,
      issued: try source.issued.map { date in try CivilDate(date, field: "\(field).issued") },
      note: source.note)
  }
}
