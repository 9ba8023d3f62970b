import Foundation
import ReformKit
import RegistryDomain

// The registry's rows as records, one struct per table, property for column (`shortName` is
// `short_name`): what the PostgreSQL store writes in batches and reads back, and where a
// stored row turns into domain values, its damage reported as a `StoreCorruption` naming the
// table and key. The SQLite store keeps its positional statements for the values it reloads
// by the fifty thousand.

/// A row of `registry_units`.
struct UnitRow: Codable, Sendable {
  var code: String
  var name: String
  var shortName: String
  var kind: String
  var parentCode: String?
  var organId: String
  var hostName: String
  var hostKind: String?
  var opened: String
  var closed: String?
  var successorCode: String
  var revision: Int64
  var createdAt: Double
  var updatedAt: Double
}

extension UnitRow {
  init(_ unit: OrgUnit, _ stamp: RecordStamp) {
    code = unit.code
    name = unit.name
    shortName = unit.shortName
    kind = unit.kind.rawValue
    parentCode = unit.parentCode
    organId = unit.organId
    hostName = unit.hostName
    hostKind = unit.hostKind?.rawValue
    opened = unit.opened.description
    closed = unit.closed?.description
    successorCode = unit.successorCode
    revision = stamp.revision
    createdAt = stamp.createdAt.timeIntervalSince1970
    updatedAt = stamp.updatedAt.timeIntervalSince1970
  }

  /// The unit this row stores, with its stamp.
  func unit() throws -> (OrgUnit, RecordStamp) {
    func fail(_ problem: String) -> StoreCorruption { StoreCorruption(table: "registry_units", key: code, problem: problem) }
    guard let unitKind = UnitKind(rawValue: kind) else { throw fail("kind \(kind)") }
    guard let openedDate = CivilDate(parsing: opened) else { throw fail("opened") }
    let unit = OrgUnit(
      code: code, name: name, shortName: shortName, kind: unitKind, parentCode: parentCode, organId: organId,
      hostName: hostName, hostKind: hostKind.flatMap(HostOrganisationKind.init(rawValue:)), opened: openedDate,
      closed: closed.flatMap { CivilDate(parsing: $0) }, successorCode: successorCode)
    return (unit, RecordStamp(revision: revision, createdAt: Date(timeIntervalSince1970: createdAt), updatedAt: Date(timeIntervalSince1970: updatedAt)))
  }
}

/// A row of `registry_unit_history` (its `id`, the order entries were recorded in, is the
/// database's).
struct UnitHistoryRow: Codable, Sendable {
  var unitCode: String
  var sequence: Int64
  var change: String
  var effective: String
  var fromParentCode: String?
  var toParentCode: String?
  var fromName: String?
  var toName: String?
  var successorCode: String?
  var changedFields: String
  var decision: String?
  var reason: String
  var recordedById: String
  var recordedByName: String
  var recordedByUnit: String?
  var recordedByRoles: String
  var recordedAt: Double
}

extension UnitHistoryRow {
  init(_ entry: UnitHistoryEntry) throws {
    unitCode = entry.unitCode
    sequence = Int64(entry.sequence)
    change = entry.change.rawValue
    effective = entry.effective.description
    fromParentCode = entry.fromParentCode
    toParentCode = entry.toParentCode
    fromName = entry.fromName
    toName = entry.toName
    successorCode = entry.successorCode
    changedFields = entry.changedFields.joined(separator: "|")
    decision = try entry.decision.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    reason = entry.reason
    let actor = ActorColumns.parts(entry.recordedBy)
    recordedById = actor.id ?? ""
    recordedByName = actor.name ?? ""
    recordedByUnit = actor.unit
    recordedByRoles = actor.roles ?? ""
    recordedAt = entry.recordedAt.timeIntervalSince1970
  }

  /// The history entry this row stores.
  func entry() throws -> UnitHistoryEntry {
    func fail(_ problem: String) -> StoreCorruption {
      StoreCorruption(table: "registry_unit_history", key: "\(unitCode) #\(sequence)", problem: problem)
    }
    guard let changeKind = UnitChangeKind(rawValue: change) else { throw fail("change") }
    guard let effectiveDate = CivilDate(parsing: effective) else { throw fail("effective") }
    guard let actor = ActorColumns.actor(id: recordedById, name: recordedByName, unit: recordedByUnit, roles: recordedByRoles)
    else { throw fail("recorded_by") }
    return UnitHistoryEntry(
      sequence: Int(sequence), unitCode: unitCode, change: changeKind, effective: effectiveDate,
      fromParentCode: fromParentCode, toParentCode: toParentCode, fromName: fromName, toName: toName,
      successorCode: successorCode, changedFields: changedFields.isEmpty ? [] : changedFields.split(separator: "|").map(String.init),
      decision: try decision.map { try JSONDecoder().decode(SourceRef.self, from: Data($0.utf8)) }, reason: reason,
      recordedBy: actor, recordedAt: Date(timeIntervalSince1970: recordedAt))
  }
}

/// A row of `registry_people`; `changedIn` is the people revision that wrote it last.
struct PersonRow: Codable, Sendable {
  var id: String
  var fullName: String
  var gender: String?
  var birthDate: String?
  var ethnicity: String
  var categories: String
  var partyStatus: String?
  var admitted: String?
  var official: String?
  var cardNumber: String
  var partyLeft: String?
  var partyLeftReason: String
  var unitCode: String
  var workplace: String
  var position: String
  var leaderOrManager: Int64
  var theoryLevel: String?
  var requiredTheoryLevel: String?
  var arrived: String?
  var departed: String?
  var note: String
  var revision: Int64
  var createdAt: Double
  var updatedAt: Double
  var changedIn: Int64
}

extension PersonRow {
  init(_ person: Person, _ stamp: RecordStamp, changedIn: Int64) {
    let membership = person.partyMembership
    id = person.id
    fullName = person.fullName
    gender = person.gender?.rawValue
    birthDate = person.birthDate?.description
    ethnicity = person.ethnicity
    categories = person.categories.sorted().map(\.rawValue).joined(separator: "|")
    partyStatus = membership?.status.rawValue
    admitted = membership?.admitted.description
    official = membership?.official?.description
    cardNumber = membership?.cardNumber ?? ""
    partyLeft = membership?.left?.description
    partyLeftReason = membership?.leftReason ?? ""
    unitCode = person.unitCode
    workplace = person.workplace
    position = person.position
    leaderOrManager = person.leaderOrManager ? 1 : 0
    theoryLevel = person.theoryLevel?.rawValue
    requiredTheoryLevel = person.requiredTheoryLevel?.rawValue
    arrived = person.arrived?.description
    departed = person.departed?.description
    note = person.note
    revision = stamp.revision
    createdAt = stamp.createdAt.timeIntervalSince1970
    updatedAt = stamp.updatedAt.timeIntervalSince1970
    self.changedIn = changedIn
  }

  /// The person this row stores (without study records), with their stamp.
  func person() throws -> (Person, RecordStamp) {
    func date(_ text: String?) throws -> CivilDate? {
      guard let text else { return nil }
      guard let date = CivilDate(parsing: text) else {
        throw StoreCorruption(table: "registry_people", key: id, problem: "date \(text)")
      }
      return date
    }
    var membership: PartyMembership?
    if let partyStatus {
      guard let status = PartyMemberStatus(rawValue: partyStatus), let admittedDate = try date(admitted) else {
        throw StoreCorruption(table: "registry_people", key: id, problem: "party membership")
      }
      membership = PartyMembership(
        status: status, admitted: admittedDate, official: try date(official), cardNumber: cardNumber,
        left: try date(partyLeft), leftReason: partyLeftReason)
    }
    let person = Person(
      id: id, fullName: fullName, gender: gender.flatMap(PersonGender.init(rawValue:)), birthDate: try date(birthDate),
      ethnicity: ethnicity,
      categories: Set(categories.split(separator: "|").compactMap { PersonCategory(rawValue: String($0)) }),
      partyMembership: membership, unitCode: unitCode, workplace: workplace, position: position,
      leaderOrManager: leaderOrManager != 0, theoryLevel: theoryLevel.flatMap(PoliticalTheoryLevel.init(rawValue:)),
      requiredTheoryLevel: requiredTheoryLevel.flatMap(PoliticalTheoryLevel.init(rawValue:)), arrived: try date(arrived),
      departed: try date(departed), note: note)
    return (person, RecordStamp(revision: revision, createdAt: Date(timeIntervalSince1970: createdAt), updatedAt: Date(timeIntervalSince1970: updatedAt)))
  }
}

/// A row of `registry_studies`.
struct StudyRow: Codable, Sendable {
  var personId: String
  var document: String
  var studied: String
  var form: String
  var note: String
}

extension StudyRow {
  init(personId: String, _ study: ReformStudyRecord) {
    self.personId = personId
    document = study.document
    studied = study.studied.description
    form = study.form
    note = study.note
  }

  /// The study record this row stores.
  func study() throws -> ReformStudyRecord {
    guard let date = CivilDate(parsing: studied) else {
      throw StoreCorruption(table: "registry_studies", key: personId, problem: "studied")
    }
    return ReformStudyRecord(document: document, studied: date, form: form, note: note)
  }
}

/// A row of `registry_indicator_sets`: a version's definition as the domain's JSON.
struct IndicatorSetRow: Codable, Sendable {
  var id: String
  var version: Int64
  var status: String
  var definition: String
  var definedById: String?
  var definedByName: String?
  var definedByUnit: String?
  var definedByRoles: String?
  var definedAt: Double?
}

extension IndicatorSetRow {
  init(_ stored: StoredIndicatorSet) {
    id = stored.set.id
    version = Int64(stored.set.version)
    status = stored.set.status.rawValue
    definition = stored.set.encodedJSON()
    (definedById, definedByName, definedByUnit, definedByRoles) = ActorColumns.parts(stored.definedBy)
    definedAt = stored.definedAt?.timeIntervalSince1970
  }

  /// The version this row stores.
  func stored() throws -> StoredIndicatorSet {
    let set: IndicatorSet
    do {
      set = try IndicatorSet.decode(json: definition)
    } catch {
      throw StoreCorruption(table: "registry_indicator_sets", key: "\(id) v\(version)", problem: error.description)
    }
    return StoredIndicatorSet(
      set: set, definedBy: ActorColumns.actor(id: definedById, name: definedByName, unit: definedByUnit, roles: definedByRoles),
      definedAt: definedAt.map(Date.init(timeIntervalSince1970:)))
  }
}

/// A row of `registry_values`.
struct ValueRow: Codable, Sendable {
  var setId: String
  var indicatorCode: String
  var unitCode: String
  var period: String
  var setVersion: Int64
  var numerator: Int64
  var denominator: Int64
  var origin: String
  var note: String
  var evidence: String
  var reportedById: String?
  var reportedByName: String?
  var reportedByUnit: String?
  var reportedByRoles: String?
  var reportedAt: Double?
  var revision: Int64
  /// The values revision that wrote the row last.
  var changedIn: Int64
}

extension ValueRow {
  init(_ value: IndicatorValue, _ stamp: ValueStamp, changedIn: Int64) {
    setId = value.key.setID
    indicatorCode = value.key.indicatorCode
    unitCode = value.key.unitCode
    period = value.key.period.description
    setVersion = Int64(stamp.setVersion)
    numerator = Int64(value.ratio.numerator)
    denominator = Int64(value.ratio.denominator)
    origin = value.origin.rawValue
    note = value.note
    evidence = value.evidence
    (reportedById, reportedByName, reportedByUnit, reportedByRoles) = ActorColumns.parts(value.reportedBy)
    reportedAt = value.reportedAt?.timeIntervalSince1970
    revision = stamp.revision
    self.changedIn = changedIn
  }

  /// The value this row stores, with its stamp.
  func value() throws -> (IndicatorValue, ValueStamp) {
    guard let parsed = Period(parsing: period), let valueOrigin = IndicatorValueOrigin(rawValue: origin),
      let whole = Int(exactly: numerator), let over = Int(exactly: denominator), let version = Int(exactly: setVersion)
    else {
      throw StoreCorruption(table: "registry_values", key: "\(setId) \(indicatorCode) \(unitCode)", problem: "period or origin")
    }
    let key = IndicatorValueKey(setID: setId, indicatorCode: indicatorCode, unitCode: unitCode, period: parsed)
    let value = IndicatorValue(
      key: key, ratio: Ratio(whole, over), origin: valueOrigin, note: note, evidence: evidence,
      reportedBy: ActorColumns.actor(id: reportedById, name: reportedByName, unit: reportedByUnit, roles: reportedByRoles),
      reportedAt: reportedAt.map(Date.init(timeIntervalSince1970:)))
    return (value, ValueStamp(setVersion: version, revision: revision))
  }
}

/// A row of `registry_period_states`: the workflow's transitions as JSON.
struct PeriodStateRow: Codable, Sendable {
  var setId: String
  var unitCode: String
  var period: String
  var status: String
  var transitions: String
  /// The values revision that wrote the row last.
  var changedIn: Int64
}

extension PeriodStateRow {
  init(_ state: PeriodState, key: PeriodKey, changedIn: Int64) throws {
    setId = key.setID
    unitCode = key.unitCode
    period = key.period.description
    status = state.status.rawValue
    transitions = String(decoding: try JSONEncoder().encode(state.transitions), as: UTF8.self)
    self.changedIn = changedIn
  }

  /// The period state this row stores.
  func state() throws -> PeriodState {
    guard let parsed = Period(parsing: period), let periodStatus = PeriodStatus(rawValue: status),
      let decoded = try? JSONDecoder().decode([PeriodTransition].self, from: Data(transitions.utf8))
    else {
      throw StoreCorruption(table: "registry_period_states", key: "\(setId) \(unitCode) \(period)", problem: "status or transitions")
    }
    return PeriodState(restoring: PeriodKey(setID: setId, unitCode: unitCode, period: parsed), status: periodStatus, transitions: decoded)
  }
}

/// A row of `registry_value_removals`: a value withdrawn, and the values revision that
/// withdrew it, so that a process holding an older book drops it when it reloads.
struct ValueRemovalRow: Codable, Sendable {
  var setId: String
  var indicatorCode: String
  var unitCode: String
  var period: String
  var removedIn: Int64
}

extension ValueRemovalRow {
  init(_ key: IndicatorValueKey, removedIn: Int64) {
    setId = key.setID
    indicatorCode = key.indicatorCode
    unitCode = key.unitCode
    period = key.period.description
    self.removedIn = removedIn
  }

  /// The key of the value withdrawn.
  func key() throws -> IndicatorValueKey {
    guard let parsed = Period(parsing: period) else {
      throw StoreCorruption(table: "registry_value_removals", key: "\(setId) \(indicatorCode) \(unitCode)", problem: "period")
    }
    return IndicatorValueKey(setID: setId, indicatorCode: indicatorCode, unitCode: unitCode, period: parsed)
  }
}
