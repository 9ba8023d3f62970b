import Foundation
import ReformKit
import ReformModule
import ReformWire
import RegistryDomain

extension Person {
  /// The most study records one person's message may carry.
  static let maxStudies = 1_000

  /// The person a wire `Person` describes; output-only fields are ignored.
  ///
  /// - Throws: `INVALID_ARGUMENT` naming the field under `field` (e.g.
  ///   `person.party_membership.admitted`) for a value that does not read; the record's rules
  ///   are checked later, by the domain.
  init(wire person: ReformWire.Person, field: String) throws {
    var categories = Set<PersonCategory>()
    for (index, category) in person.categories.enumerated() {
      let path = "\(field).categories[\(index)]"
      let value = try category.required(field: path)
      guard categories.insert(value).inserted else {
        throw FieldError.invalid(path, "\(category) is listed twice")
      }
    }
    guard person.studies.count <= Person.maxStudies else {
      throw FieldError.tooLarge(field + ".studies", "at most \(Person.maxStudies) records; got \(person.studies.count)")
    }
    var studies: [ReformStudyRecord] = []
    for (index, study) in person.studies.enumerated() {
      studies.append(try ReformStudyRecord(wire: study, field: "\(field).studies[\(index)]"))
    }
    self.init(
      id: try TextLimit.short.checked(person.id, field: field + ".id"),
      fullName: try TextLimit.short.checked(person.fullName, field: field + ".full_name"),
      gender: try person.gender.domain(field: field + ".gender"),
      birthDate: try CivilDate.optional(person.birthDate, field: field + ".birth_date"),
      ethnicity: try TextLimit.short.checked(person.ethnicity, field: field + ".ethnicity"),
      categories: categories,
      partyMembership: try person.partyMembership.map { membership throws in
        try PartyMembership(wire: membership, field: field + ".party_membership")
      },
      unitCode: try TextLimit.short.checked(person.unitCode, field: field + ".unit_code"),
      workplace: try TextLimit.short.checked(person.workplace, field: field + ".workplace"),
      position: try TextLimit.short.checked(person.position, field: field + ".position"),
      leaderOrManager: person.leaderOrManager,
      theoryLevel: try person.theoryLevel.domain(field: field + ".theory_level"),
      requiredTheoryLevel: try person.requiredTheoryLevel.domain(field: field + ".required_theory_level"),
      studies: studies,
      arrived: try CivilDate.optional(person.arrived, field: field + ".arrived"),
      departed: try CivilDate.optional(person.departed, field: field + ".departed"),
      note: try TextLimit.long.checked(person.note, field: field + ".note"))
  }

  /// The person on the wire, with revision and times from `stamp`.
  func wire(stamp: RecordStamp?) -> ReformWire.Person {
    ReformWire.Person(
      id: id, fullName: fullName, gender: gender.map(ReformWire.PersonGender.init) ?? .unspecified,
      birthDate: birthDate?.wire, ethnicity: ethnicity,
      categories: categories.sorted().map(ReformWire.PersonCategory.init), partyMembership: partyMembership?.wire,
      unitCode: unitCode, workplace: workplace, position: position, leaderOrManager: leaderOrManager,
      theoryLevel: theoryLevel.map(ReformWire.PoliticalTheoryLevel.init) ?? .unspecified,
      requiredTheoryLevel: requiredTheoryLevel.map(ReformWire.PoliticalTheoryLevel.init) ?? .unspecified,
      studies: studies.map(\.wire), arrived: arrived?.wire, departed: departed?.wire, note: note,
      revision: stamp?.revision ?? 0, createdAt: stamp.map { Timestamp($0.createdAt) },
      updatedAt: stamp.map { Timestamp($0.updatedAt) })
  }
}

extension PartyMembership {
  /// The membership a wire `PartyMembership` describes.
  init(wire membership: ReformWire.PartyMembership, field: String) throws {
    self.init(
      status: try membership.status.required(field: field + ".status"),
      admitted: try CivilDate.required(membership.admitted, field: field + ".admitted", what: "the date of admission"),
      official: try CivilDate.optional(membership.official, field: field + ".official"),
      cardNumber: try TextLimit.short.checked(membership.cardNumber, field: field + ".card_number"),
      left: try CivilDate.optional(membership.left, field: field + ".left"),
      leftReason: try TextLimit.short.checked(membership.leftReason, field: field + ".left_reason"))
  }

  /// The membership on the wire.
  var wire: ReformWire.PartyMembership {
    ReformWire.PartyMembership(
      status: ReformWire.PartyMemberStatus(status), admitted: admitted.wire, official: official?.wire,
      cardNumber: cardNumber, left: left?.wire, leftReason: leftReason)
  }
}

extension ReformStudyRecord {
  /// The record a wire `ReformStudyRecord` describes: the document is its `document.document`.
  init(wire study: ReformWire.ReformStudyRecord, field: String) throws {
    self.init(
      document: try TextLimit.short.checked(study.document?.document ?? "", field: field + ".document.document"),
      studied: try CivilDate.required(study.studied, field: field + ".studied", what: "the date of the session"),
      form: try TextLimit.short.checked(study.form, field: field + ".form"),
      note: try TextLimit.long.checked(study.note, field: field + ".note"))
  }

  /// The record on the wire.
  var wire: ReformWire.ReformStudyRecord {
    ReformWire.ReformStudyRecord(document: ReformWire.SourceRef(document: document), studied: studied.wire, form: form, note: note)
  }
}

extension Person {
  /// The fields `UpdatePerson` changes when `update_fields` is empty. `studies` changes only
  /// when named: study records are kept by RecordReformStudies and imports, and a message that
  /// leaves them out must not erase them.
  static let mutableFields = [
    "full_name", "gender", "birth_date", "ethnicity", "categories", "party_membership", "unit_code", "workplace",
    "position", "leader_or_manager", "theory_level", "required_theory_level", "arrived", "departed", "note",
  ]

  /// This person with the fields named in `fields` (``mutableFields`` when empty) taken from
  /// `wire`; only those fields are read.
  ///
  /// - Throws: `INVALID_ARGUMENT` on `update_fields` for a field that cannot change, or on
  ///   `person.<field>` for a value that does not read.
  func updated(with wire: ReformWire.Person, fields: [String]) throws -> Person {
    let decoded = try Person(wire: wire.keeping(fields.isEmpty ? Person.mutableFields : fields), field: "person")
    var person = self
    for (index, field) in (fields.isEmpty ? Person.mutableFields : fields).enumerated() {
      switch field {
      case "full_name": person.fullName = decoded.fullName
      case "gender": person.gender = decoded.gender
      case "birth_date": person.birthDate = decoded.birthDate
      case "ethnicity": person.ethnicity = decoded.ethnicity
      case "categories": person.categories = decoded.categories
      case "party_membership": person.partyMembership = decoded.partyMembership
      case "unit_code": person.unitCode = decoded.unitCode
      case "workplace": person.workplace = decoded.workplace
      case "position": person.position = decoded.position
      case "leader_or_manager": person.leaderOrManager = decoded.leaderOrManager
      case "theory_level": person.theoryLevel = decoded.theoryLevel
      case "required_theory_level": person.requiredTheoryLevel = decoded.requiredTheoryLevel
      case "studies": person.studies = decoded.studies
      case "arrived": person.arrived = decoded.arrived
      case "departed": person.departed = decoded.departed
      case "note": person.note = decoded.note
      case "id":
        throw FieldError.invalid("update_fields[\(index)]", "id names the person and never changes")
      default:
        throw FieldError.invalid(
          "update_fields[\(index)]",
          "\"\(field)\" is not a field UpdatePerson changes; use \((Person.mutableFields + ["studies"]).joined(separator: ", "))")
      }
    }
    return person
  }
}

extension ReformWire.Person {
  /// The message with only `fields` kept (and the id), so that decoding reads nothing else.
  fileprivate func keeping(_ fields: [String]) -> ReformWire.Person {
    var kept = ReformWire.Person(id: id)
    for field in fields {
      switch field {
      case "full_name": kept.fullName = fullName
      case "gender": kept.gender = gender
      case "birth_date": kept.birthDate = birthDate
      case "ethnicity": kept.ethnicity = ethnicity
      case "categories": kept.categories = categories
      case "party_membership": kept.partyMembership = partyMembership
      case "unit_code": kept.unitCode = unitCode
      case "workplace": kept.workplace = workplace
      case "position": kept.position = position
      case "leader_or_manager": kept.leaderOrManager = leaderOrManager
      case "theory_level": kept.theoryLevel = theoryLevel
      case "required_theory_level": kept.requiredTheoryLevel = requiredTheoryLevel
      case "studies": kept.studies = studies
      case "arrived": kept.arrived = arrived
      case "departed": kept.departed = departed
      case "note": kept.note = note
      default: break
      }
    }
    return kept
  }
}
