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
          theory_level, required_theory_level, arrived, departed, note, revision, created_at, updated_at
        FROM registry_people WHERE changed_in > ?
        """, arguments: [since])
    while let row = try rows.next() {
      let person = try person(from: row)
      loaded[person.id] = person
      state.personStamps[person.id] = RecordStamp(
        revision: row[21], createdAt: Date(timeIntervalSince1970: row[22]), updatedAt: Date(timeIntervalSince1970: row[23]))
    }
    guard !loaded.isEmpty else { return }
    let studies = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.person_id, s.document, s.studied, s.form, s.note FROM registry_studies s
        JOIN registry_people p ON p.id = s.person_id WHERE p.changed_in > ?
        """, arguments: [since])
    while let row = try studies.next() {
      let id: String = row[0]
      guard let studied = CivilDate(parsing: row[2] as String) else {
        throw StoreCorruption(table: "registry_studies", key: id, problem: "studied")
      }
      loaded[id]?.studies.append(ReformStudyRecord(document: row[1], studied: studied, form: row[3], note: row[4]))
    }
    state.roster.restore(
      loaded.values.map { person in
        var person = person
        person.studies.sort { ($0.studied, $0.document) < ($1.studied, $1.document) }
        return person
      })
  }

  private static func person(from row: Row) throws -> Person {
    let id: String = row[0]
    func date(_ index: Int) throws -> CivilDate? {
      guard let text: String = row[index] else { return nil }
      guard let date = CivilDate(parsing: text) else {
        throw StoreCorruption(table: "registry_people", key: id, problem: "date \(text)")
      }
      return date
    }
    let categories: String = row[5]
    let status: String? = row[6]
    var membership: PartyMembership?
    if let status {
      guard let status = PartyMemberStatus(rawValue: status), let admitted = try date(7) else {
        throw StoreCorruption(table: "registry_people", key: id, problem: "party membership")
      }
      membership = PartyMembership(
        status: status, admitted: admitted, official: try date(8), cardNumber: row[9], left: try date(10),
        leftReason: row[11])
    }
    let gender: String? = row[2]
    let theory: String? = row[16]
    let required: String? = row[17]
    return Person(
      id: id, fullName: row[1], gender: gender.flatMap(PersonGender.init(rawValue:)), birthDate: try date(3),
      ethnicity: row[4],
      categories: Set(categories.split(separator: "|").compactMap { PersonCategory(rawValue: String($0)) }),
      partyMembership: membership, unitCode: row[12], workplace: row[13], position: row[14],
      leaderOrManager: row[15], theoryLevel: theory.flatMap(PoliticalTheoryLevel.init(rawValue:)),
      requiredTheoryLevel: required.flatMap(PoliticalTheoryLevel.init(rawValue:)), arrived: try date(18),
      departed: try date(19), note: row[20])
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
      let membership = person.partyMembership
      upsert.setUncheckedArguments([
        person.id, person.fullName, person.gender?.rawValue, person.birthDate?.description, person.ethnicity,
        person.categories.sorted().map(\.rawValue).joined(separator: "|"), membership?.status.rawValue,
        membership?.admitted.description, membership?.official?.description, membership?.cardNumber ?? "",
        membership?.left?.description, membership?.leftReason ?? "", person.unitCode, person.workplace,
        person.position, person.leaderOrManager, person.theoryLevel?.rawValue, person.requiredTheoryLevel?.rawValue,
        person.arrived?.description, person.departed?.description, person.note, stamp.revision,
        stamp.createdAt.timeIntervalSince1970, stamp.updatedAt.timeIntervalSince1970, changedIn,
      ])
      try upsert.execute()
      if (previous?.studies ?? []) != person.studies {
        if previous != nil { try deleteStudies.execute(arguments: [person.id]) }
        for study in person.studies {
          try insertStudy.execute(arguments: [person.id, study.document, study.studied.description, study.form, study.note])
        }
      }
      state.personStamps[person.id] = stamp
      written[person.id] = person
    }
    state.roster.restore(written.values)
  }

  /// Stores new study records: each person's record gains them and moves a revision further.
  mutating func commitStudies(_ studies: [PersonStudy]) throws {
    var byPerson: [String: [ReformStudyRecord]] = [:]
    for study in studies { byPerson[study.personID, default: []].append(study.record) }
    var people: [Person] = []
    for (id, records) in byPerson {
      guard var person = state.roster.person(id) else { continue }
      person.studies += records
      person.studies.sort { ($0.studied, $0.document) < ($1.studied, $1.document) }
      people.append(person)
    }
    try commitPeople(people)
  }

  /// `count` new person ids, `NV` and six digits or more, none of them taken.
  mutating func newPersonIDs(_ count: Int) throws -> [String] {
    guard count > 0 else { return [] }
    var next = try Int.fetchOne(db, sql: "SELECT value FROM registry_counters WHERE name = 'person_id'") ?? 0
    var ids: [String] = []
    ids.reserveCapacity(count)
    while ids.count < count {
      next += 1
      let digits = String(next)
      let id = "NV" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
      if state.roster.person(id) == nil { ids.append(id) }
    }
    try db.execute(
      sql: "INSERT INTO registry_counters (name, value) VALUES ('person_id', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      arguments: [next])
    return ids
  }
}
