import Foundation
import GRDB
import ReformKit
import RegistryDomain

/// Reads and writes `registry_people` and `registry_studies`.
///
/// Every person row carries `changed_in`, the people revision that wrote it last, so a process
/// holding the roster at revision R reloads only the rows with `changed_in > R`.
enum PersonRecords {
  /// Loads the people written after revision `since` (every person for -1) into `state`.
  static func load(_ db: Database, changedAfter since: Int64, into state: inout RegistrySnapshot) throws {
    var loaded: [String: Person] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, full_name, gender, birth_date, ethnicity, categories, party_status, admitted, official,
          card_number, party_left, party_left_reason, unit_code, workplace, position, leader_or_manager,
          theory_level, required_theory_level, arrived, departed, note, revision, created_at, updated_at, changed_in
        FROM registry_people WHERE changed_in > ?
        """, arguments: [since])
    while let row = try rows.next() {
      let (person, stamp) = try PersonRow(
        id: row[0], fullName: row[1], gender: row[2], birthDate: row[3], ethnicity: row[4], categories: row[5],
        partyStatus: row[6], admitted: row[7], official: row[8], cardNumber: row[9], partyLeft: row[10],
        partyLeftReason: row[11], unitCode: row[12], workplace: row[13], position: row[14], leaderOrManager: row[15],
        theoryLevel: row[16], requiredTheoryLevel: row[17], arrived: row[18], departed: row[19], note: row[20],
        revision: row[21], createdAt: row[22], updatedAt: row[23], changedIn: row[24]
      ).person()
      loaded[person.id] = person
      state.personStamps[person.id] = stamp
    }
    guard !loaded.isEmpty else { return }
    let studies = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.person_id, s.document, s.studied, s.form, s.note FROM registry_studies s
        JOIN registry_people p ON p.id = s.person_id WHERE p.changed_in > ?
        """, arguments: [since])
    while let row = try studies.next() {
      let study = StudyRow(personId: row[0], document: row[1], studied: row[2], form: row[3], note: row[4])
      loaded[study.personId]?.studies.append(try study.study())
    }
    state.restore(people: loaded.values)
  }
}

extension RegistryWrite {
  /// Stores people as given (new or changed), each a revision further (or created); their
  /// study records are rewritten when they differ from the stored ones.
  mutating func commitPeople(_ people: [Person]) throws {
    guard !people.isEmpty else { return }
    let changedIn = touch(.people)
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO registry_people (id, full_name, gender, birth_date, ethnicity, categories, party_status, admitted,
          official, card_number, party_left, party_left_reason, unit_code, workplace, position, leader_or_manager,
          theory_level, required_theory_level, arrived, departed, note, revision, created_at, updated_at, changed_in)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, gender = excluded.gender,
          birth_date = excluded.birth_date, ethnicity = excluded.ethnicity, categories = excluded.categories,
          party_status = excluded.party_status, admitted = excluded.admitted, official = excluded.official,
          card_number = excluded.card_number, party_left = excluded.party_left,
          party_left_reason = excluded.party_left_reason, unit_code = excluded.unit_code,
          workplace = excluded.workplace, position = excluded.position,
          leader_or_manager = excluded.leader_or_manager, theory_level = excluded.theory_level,
          required_theory_level = excluded.required_theory_level, arrived = excluded.arrived,
          departed = excluded.departed, note = excluded.note, revision = excluded.revision,
          updated_at = excluded.updated_at, changed_in = excluded.changed_in
        """)
    let deleteStudies = try db.cachedStatement(sql: "DELETE FROM registry_studies WHERE person_id = ?")
    let insertStudy = try db.cachedStatement(
      sql: "INSERT INTO registry_studies (person_id, document, studied, form, note) VALUES (?, ?, ?, ?, ?)")
    // The roster takes the people at the end, all at once; until then `written` holds them.
    var written: [String: Person] = [:]
    for person in people {
      let previous = written[person.id] ?? state.roster.person(person.id)
      let stamp = state.personStamps[person.id].map { $0.changed(at: now) } ?? .created(at: now)
      let row = PersonRow(person, stamp, changedIn: changedIn)
      upsert.setUncheckedArguments([
        row.id, row.fullName, row.gender, row.birthDate, row.ethnicity, row.categories, row.partyStatus, row.admitted,
        row.official, row.cardNumber, row.partyLeft, row.partyLeftReason, row.unitCode, row.workplace, row.position,
        row.leaderOrManager, row.theoryLevel, row.requiredTheoryLevel, row.arrived, row.departed, row.note, row.revision,
        row.createdAt, row.updatedAt, row.changedIn,
      ])
      try upsert.execute()
      if (previous?.studies ?? []) != person.studies {
        if previous != nil { try deleteStudies.execute(arguments: [person.id]) }
        for study in person.studies.map({ StudyRow(personId: person.id, $0) }) {
          try insertStudy.execute(arguments: [study.personId, study.document, study.studied, study.form, study.note])
        }
      }
      state.personStamps[person.id] = stamp
      written[person.id] = person
    }
    state.roster.restore(written.values)
  }

  /// `count` new person ids, `NV` and six digits or more, none of them taken.
  mutating func newPersonIDs(_ count: Int) throws -> [String] {
    guard count > 0 else { return [] }
    let last = try Int64.fetchOne(db, sql: "SELECT value FROM registry_counters WHERE name = 'person_id'") ?? 0
    let (ids, next) = newPersonIDs(count, after: last)
    try db.execute(
      sql: "INSERT INTO registry_counters (name, value) VALUES ('person_id', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      arguments: [next])
    return ids
  }
}
