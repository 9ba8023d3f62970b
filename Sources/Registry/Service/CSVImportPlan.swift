import Foundation
import ReformKit
import RegistryDomain

/// What a checked CSV file would change, ready to store: the domain's import (``UnitCSV``,
/// ``PersonCSV``, ``StudyCSV``, ``IndicatorValueCSV``) run against the registry as it stands,
/// with the counts of the summary.
struct CSVImportPlan {
  enum Change {
    case units(UnitCSV.Import, changed: [String])
    case people([Person], newIDs: Int)
    case studies([PersonStudy])
    case values([IndicatorValue], setVersions: [String: Int])
  }

  var change: Change
  var rows: Int
  var created: Int
  var updated: Int
  var unchanged: Int

  /// Checks `text` as a file of `kind` against `state`.
  ///
  /// - Parameters:
  ///   - today: the effective date of unit changes whose row leaves `effective` empty.
  ///   - defaultSetID: for values, the set of rows without a `set_id`.
  /// - Throws: ``CSVImportFailure`` with every problem.
  static func check(
    _ text: String, kind: RegistryCSVKind, state: RegistrySnapshot, today: CivilDate, defaultSetID: String?, stamp: ChangeStamp
  ) throws(CSVImportFailure) -> CSVImportPlan {
    switch kind {
    case .units:
      let result = try UnitCSV.importUnits(text, into: state.tree, asOf: today, stamp: stamp)
      let changed = result.units.map(\.code).filter { state.tree.unit($0) != result.tree.unit($0) }
      return CSVImportPlan(
        change: .units(result, changed: changed), rows: result.units.count, created: result.created, updated: result.updated,
        unchanged: result.unchanged)
    case .people:
      let result = try PersonCSV.importPeople(text, roster: state.roster, tree: state.tree)
      let changed = result.people.filter { $0.id.isEmpty || state.roster.person($0.id) != $0 }
      return CSVImportPlan(
        change: .people(changed, newIDs: changed.filter(\.id.isEmpty).count), rows: result.people.count,
        created: result.created, updated: result.updated, unchanged: result.unchanged)
    case .studies:
      let result = try StudyCSV.importStudies(text, roster: state.roster)
      let new = result.studies.filter { study in
        !(state.roster.person(study.personID)?.studies.contains { $0.document == study.record.document && $0.studied == study.record.studied } ?? false)
      }
      return CSVImportPlan(
        change: .studies(new), rows: result.studies.count, created: result.recorded, updated: 0, unchanged: result.alreadyRecorded)
    case .values:
      let latest = state.latestSets
      let values = try IndicatorValueCSV.importValues(
        text, sets: latest.map(\.set), tree: state.tree, book: state.book, defaultSetID: defaultSetID)
      let retired = Set(latest.filter { $0.set.status == .retired }.map(\.set.id))
      if values.contains(where: { retired.contains($0.key.setID) }) {
        throw retiredSetFailure(text, values: values, retired: retired)
      }
      var changed: [IndicatorValue] = []
      var created = 0
      for value in values {
        guard let existing = state.book.valuesByKey[value.key] else {
          created += 1
          changed.append(value)
          continue
        }
        if existing.ratio != value.ratio || existing.note != value.note || existing.evidence != value.evidence {
          changed.append(value)
        }
      }
      let versions = Dictionary(latest.map { ($0.set.id, $0.set.version) }, uniquingKeysWith: { first, _ in first })
      return CSVImportPlan(
        change: .values(changed, setVersions: versions), rows: values.count, created: created,
        updated: changed.count - created, unchanged: values.count - changed.count)
    }
  }

  /// Stores the change in `write`, as `actor`.
  func apply(to write: inout some RegistryTransaction, actor: ActorRef) throws {
    switch change {
    case .units(let result, let changed):
      try write.commitUnits(result.tree, changed: changed, history: result.recorded)
    case .people(let people, let newIDs):
      var ids = try write.newPersonIDs(newIDs).makeIterator()
      let named = people.map { person in
        var person = person
        if person.id.isEmpty { person.id = ids.next() ?? "" }
        return person
      }
      try write.commitPeople(named)
    case .studies(let studies):
      try write.commitStudies(studies)
    case .values(let values, let versions):
      var all = write.state.book.valuesByKey
      for var value in values {
        value.reportedBy = actor
        value.reportedAt = write.now
        all[value.key] = value
      }
      let book = ReportingBook(restoring: all.values, states: write.state.book.statesByKey.values)
      try write.commitBook(book, changed: values.map(\.key), removed: [], states: []) { versions[$0] ?? 1 }
    }
  }

  /// The failure of a values file naming retired sets, on each row's `set_id`.
  private static func retiredSetFailure(_ text: String, values: [IndicatorValue], retired: Set<String>) -> CSVImportFailure {
    let document = CSVParser.parse(text)
    let header = document.records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
    let column = header.firstIndex(of: "set_id")
    let records = document.records.dropFirst().filter { !$0.fields.allSatisfy(\.isEmpty) }
    var errors: [CSVImportError] = []
    for (record, value) in zip(records, values) where retired.contains(value.key.setID) {
      errors.append(
        CSVImportError(
          line: record.line, column: column.map { $0 + 1 } ?? 0, field: column == nil ? "" : "set_id", value: value.key.setID,
          message: "indicator set \"\(value.key.setID)\" is retired; its values are kept but no longer accepted",
          kind: .failedPrecondition))
    }
    return CSVImportFailure(errors: errors)
  }
}
