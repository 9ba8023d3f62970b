import ClassificationDomain
import ReformKit
import ReformWire

/// A SubmitEvaluations request read and checked: every error, each naming its list, entry,
/// subject and field in proto spelling; and, when there is none, the records to store.
///
/// Each entry is read from the wire first; entries that read cleanly are then validated by the
/// domain against the rule set that rates their kind in their year (the set a run would pick
/// by default). An entry the wire already faults is not passed on, so its domain errors show
/// once the wire errors are fixed.
struct EvaluationBatch: Sendable {
  /// Every error found, persons before collectives, each list in entry order.
  var errors: [ReformWire.ClassificationInputError] = []
  /// Entries without errors.
  var personsAccepted = 0
  var collectivesAccepted = 0
  /// The entries to store, in request order.
  var records: [EvaluationRecord] = []
  /// Units placed under a unit: a collective's parent, and its disciplined subordinates.
  var links: [UnitLink] = []

  init(_ request: SubmitEvaluationsRequest, ruleSets: [CatalogueRuleSet]) {
    var personGroups: [GroupKey: [(index: Int, evaluation: ClassificationDomain.PersonEvaluation)]] = [:]
    var firstPerson: [String: Int] = [:]
    for (index, wire) in request.persons.enumerated() {
      var problems = FieldProblems()
      let evaluation = ClassificationDomain.PersonEvaluation(wire: wire, problems: &problems)
      let key = SubjectKey.of(wire.subjectKind.rawValue, wire.personId) + "\u{1F}\(wire.year)"
      if let first = firstPerson[key] {
        problems.add("person_id", "\(wire.personId) is already rated as \(wire.subjectKind.shortName) for \(wire.year) in persons[\(first)]", .alreadyExists)
      } else {
        firstPerson[key] = index
      }
      add(problems, list: "persons", index: index, kind: wire.subjectKind, subjectId: wire.personId)
      if problems.isEmpty, let evaluation {
        personGroups[GroupKey(year: evaluation.year, kind: evaluation.subjectKind), default: []].append((index, evaluation))
      }
    }
    var collectiveGroups: [Int: [(index: Int, evaluation: ClassificationDomain.CollectiveEvaluation)]] = [:]
    var firstCollective: [String: Int] = [:]
    for (index, wire) in request.collectives.enumerated() {
      var problems = FieldProblems()
      let evaluation = ClassificationDomain.CollectiveEvaluation(wire: wire, problems: &problems)
      let key = "\(wire.unitCode)\u{1F}\(wire.year)"
      if let first = firstCollective[key] {
        problems.add("unit_code", "\(wire.unitCode) is already rated for \(wire.year) in collectives[\(first)]", .alreadyExists)
      } else {
        firstCollective[key] = index
      }
      add(problems, list: "collectives", index: index, kind: .collective, subjectId: wire.unitCode)
      if problems.isEmpty { collectiveGroups[evaluation.year, default: []].append((index, evaluation)) }
    }

    for (key, group) in personGroups.sorted(by: { ($0.key.year, $0.key.kind.code) < ($1.key.year, $1.key.kind.code) }) {
      let indices = group.map(\.index)
      guard let set = RuleSetCatalogue.applicable(year: key.year, kind: key.kind, among: ruleSets) else {
        noRuleSet(list: "persons", indices: indices, kind: key.kind, year: key.year, ids: group.map(\.evaluation.personId))
        continue
      }
      let input = ClassificationInput(year: key.year, persons: group.map(\.evaluation))
      add(input.validationErrors(against: set.set), list: "persons", indices: indices, kind: key.kind.wire)
    }
    for (year, group) in collectiveGroups.sorted(by: { $0.key < $1.key }) {
      let indices = group.map(\.index)
      guard let set = RuleSetCatalogue.applicable(year: year, kind: .collective, among: ruleSets) else {
        noRuleSet(list: "collectives", indices: indices, kind: .collective, year: year, ids: group.map(\.evaluation.unitCode))
        continue
      }
      let input = ClassificationInput(year: year, collectives: group.map(\.evaluation))
      add(input.validationErrors(against: set.set), list: "collectives", indices: indices, kind: .collective)
    }

    errors.sort { ($0.listName == "persons" ? 0 : 1, $0.index) < ($1.listName == "persons" ? 0 : 1, $1.index) }
    let faulty = Set(errors.map { "\($0.listName)\u{1F}\($0.index)" })
    personsAccepted = request.persons.indices.filter { !faulty.contains("persons\u{1F}\($0)") }.count
    collectivesAccepted = request.collectives.indices.filter { !faulty.contains("collectives\u{1F}\($0)") }.count
    if errors.count > ClassificationLimits.errorsListed {
      let more = errors.count - ClassificationLimits.errorsListed
      errors.removeLast(more)
      errors.append(ReformWire.ClassificationInputError(message: "\(more) more errors are not listed; fix these and submit again"))
    }
    guard errors.isEmpty else { return }

    records.reserveCapacity(request.persons.count + request.collectives.count)
    for (index, person) in request.persons.enumerated() {
      var stored = person
      stored.submittedBy = nil
      stored.submittedAt = nil
      stored.revision = 0
      guard let payload = encoded(stored, list: "persons", index: index, kind: person.subjectKind, id: person.personId)
      else { continue }
      records.append(
        EvaluationRecord(
          year: Int(person.year), subjectKind: person.subjectKind.rawValue, subjectId: person.personId,
          unitCode: person.unitCode, subjectName: person.subjectName, payload: payload))
    }
    for (index, collective) in request.collectives.enumerated() {
      var stored = collective
      stored.submittedBy = nil
      stored.submittedAt = nil
      stored.revision = 0
      guard let payload = encoded(stored, list: "collectives", index: index, kind: .collective, id: collective.unitCode)
      else { continue }
      records.append(
        EvaluationRecord(
          year: Int(collective.year), subjectKind: ReformWire.RatingSubjectKind.collective.rawValue,
          subjectId: collective.unitCode, unitCode: collective.unitCode, subjectName: collective.subjectName,
          payload: payload))
      if !collective.parentUnitCode.isEmpty {
        links.append(UnitLink(unitCode: collective.unitCode, parentCode: collective.parentUnitCode))
      }
      for child in collective.disciplinedSubordinateUnitCodes {
        links.append(UnitLink(unitCode: child, parentCode: collective.unitCode))
      }
    }
    if !errors.isEmpty {
      records = []
      links = []
      personsAccepted = 0
      collectivesAccepted = 0
    }
  }

  /// The entry's bytes as stored; an entry that cannot be encoded (a text holding U+0000)
  /// becomes an error.
  private mutating func encoded<Message: WireMessage>(
    _ message: Message, list: String, index: Int, kind: ReformWire.RatingSubjectKind, id: String
  ) -> [UInt8]? {
    do {
      return try message.wireBytes()
    } catch {
      errors.append(
        ReformWire.ClassificationInputError(
          listName: list, index: Int32(index), subjectKind: kind, subjectId: id, field: "\(list)[\(index)]",
          message: "cannot be stored: \(error)"))
      return nil
    }
  }

  /// The year and kind a person is validated under.
  private struct GroupKey: Hashable {
    var year: Int
    var kind: ClassificationDomain.RatingSubjectKind
  }

  private mutating func add(
    _ problems: FieldProblems, list: String, index: Int, kind: ReformWire.RatingSubjectKind, subjectId: String
  ) {
    for problem in problems.all {
      errors.append(
        ReformWire.ClassificationInputError(
          listName: list, index: Int32(index), subjectKind: kind, subjectId: subjectId,
          field: "\(list)[\(index)].\(problem.field)", message: problem.problem))
    }
  }

  /// The domain's errors, whose entries are numbered within `indices`, renumbered as sent.
  private mutating func add(
    _ domainErrors: [ClassificationDomain.ClassificationInputError], list: String, indices: [Int],
    kind: ReformWire.RatingSubjectKind
  ) {
    for error in domainErrors {
      guard let entry = FieldPath.entry(error.field), entry.list == list, indices.indices.contains(entry.index) else {
        errors.append(
          ReformWire.ClassificationInputError(
            listName: list, subjectKind: kind, subjectId: error.subjectId ?? "", field: FieldPath.proto(error.field),
            message: error.message))
        continue
      }
      let index = indices[entry.index]
      errors.append(
        ReformWire.ClassificationInputError(
          listName: list, index: Int32(index), subjectKind: kind, subjectId: error.subjectId ?? "",
          field: "\(list)[\(index)].\(FieldPath.evaluationField(entry.rest))", message: error.message))
    }
  }

  private mutating func noRuleSet(
    list: String, indices: [Int], kind: ClassificationDomain.RatingSubjectKind, year: Int, ids: [String]
  ) {
    for (index, id) in zip(indices, ids) {
      errors.append(
        ReformWire.ClassificationInputError(
          listName: list, index: Int32(index), subjectKind: kind.wire, subjectId: id, field: "\(list)[\(index)].year",
          message: "no rule set rates \(kind.code) in \(year); define one with DefineRuleSet first"))
    }
  }
}
