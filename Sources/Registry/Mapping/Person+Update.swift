import ReformModule
import RegistryDomain
import ReformWire

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
