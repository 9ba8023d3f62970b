import ClassificationDomain
import ReformKit
import ReformModule
import ReformWire

extension ReformKit.SourceRef {
  /// The reference `wire` names; problems are recorded under `problems`.
  init(wire: ReformWire.SourceRef, problems: inout FieldProblems) {
    problems.checkLength(wire.document, "document", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.article, "article", limit: ClassificationLimits.nameLength)
    problems.checkLength(wire.note, "note", limit: ClassificationLimits.textLength)
    var issued: CivilDate?
    if let date = wire.issued {
      let civil = CivilDate(wire: date)
      if civil.isValid { issued = civil } else { problems.add("issued", "\(civil) is not a date") }
    }
    self.init(document: wire.document, article: wire.article, issued: issued, note: wire.note)
  }
}
