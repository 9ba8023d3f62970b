import ReformKit

extension Person {
  /// The problems of the record on its own, without looking at the tree, one per field at
  /// fault, in field order; empty when the record is well formed.
  ///
  /// Rules: an id, when given, follows ``CodeSyntax``; a full name is required; a person is a
  /// Party member or holds at least one category; an official member has an official date
  /// after admission and a probationary one has none; a leader or manager has the required
  /// theory level of their title recorded; dates exist and run forwards (born before arriving,
  /// arriving before departing); each document is studied once per date.
  public var validationProblems: [PersonError] {
    var problems: [PersonError] = []
    if !id.isEmpty && !CodeSyntax.isValid(id) {
      problems.append(.invalid("id", CodeSyntax.problem(with: id)))
    }
    let name = fullName.normalizedText
    if name.isEmpty {
      problems.append(.invalid("full_name", "is required: họ và tên with diacritics"))
    } else if name.count > 200 {
      problems.append(.invalid("full_name", "is longer than 200 characters"))
    }
    if let birthDate, !birthDate.isSupported || birthDate.year < 1900 {
      problems.append(.invalid("birth_date", "\(birthDate) is not a plausible date of birth"))
    }
    if categories.isEmpty && partyMembership == nil {
      problems.append(
        .invalid(
          "categories",
          "a person is a Party member or at least one of CADRE, CIVIL_SERVANT, PUBLIC_EMPLOYEE, WORKER; give one"))
    }
    if !CodeSyntax.isValid(unitCode) {
      problems.append(.invalid("unit_code", CodeSyntax.problem(with: unitCode)))
    }
    if let membership = partyMembership { problems += Person.problems(of: membership, birthDate: birthDate) }
    if leaderOrManager && requiredTheoryLevel == nil {
      problems.append(
        .invalid("required_theory_level", "is required for a leader or manager: the level their title's standard requires"))
    }
    if let arrived, !arrived.isSupported {
      problems.append(.invalid("arrived", "\(arrived) is not a date"))
    }
    if let departed {
      if !departed.isSupported {
        problems.append(.invalid("departed", "\(departed) is not a date"))
      } else if let arrived, departed < arrived {
        problems.append(.invalid("departed", "\(departed) is before the arrival \(arrived)"))
      }
    }
    var seen = Set<String>()
    for (index, study) in studies.enumerated() {
      if study.document.normalizedText.isEmpty {
        problems.append(.invalid("studies[\(index)].document", "is required: the document studied, e.g. 01-NQ/ĐUK"))
      }
      if !study.studied.isSupported {
        problems.append(.invalid("studies[\(index)].studied", "\(study.studied) is not a date"))
      } else if !seen.insert("\(study.document)@\(study.studied)").inserted {
        problems.append(
          .invalid("studies[\(index)]", "\(study.document) studied on \(study.studied) is recorded twice"))
      }
    }
    return problems
  }

  private static func problems(of membership: PartyMembership, birthDate: CivilDate?) -> [PersonError] {
    var problems: [PersonError] = []
    if !membership.admitted.isSupported {
      problems.append(.invalid("party_membership.admitted", "\(membership.admitted) is not a date"))
    } else if let birthDate, birthDate.isSupported, membership.admitted <= birthDate {
      problems.append(.invalid("party_membership.admitted", "\(membership.admitted) is not after the birth date"))
    }
    switch (membership.status, membership.official) {
    case (.official, nil):
      problems.append(
        .invalid("party_membership.official", "is required for an official member: the date membership became official"))
    case (.official, let official?):
      if !official.isSupported {
        problems.append(.invalid("party_membership.official", "\(official) is not a date"))
      } else if official <= membership.admitted {
        problems.append(
          .invalid("party_membership.official", "\(official) must come after admission (\(membership.admitted))"))
      }
    case (.probationary, .some):
      problems.append(
        .invalid("party_membership.official", "must be empty for a probationary member; set the status to OFFICIAL"))
    case (.probationary, nil):
      break
    }
    if let left = membership.left, !left.isSupported || left < membership.admitted {
      problems.append(.invalid("party_membership.left", "\(left) must be a date on or after admission"))
    }
    return problems
  }

  /// The record with its texts in NFC, surrounding blanks removed, and studies oldest first.
  public var normalized: Person {
    var person = self
    person.id = id.normalizedText
    person.fullName = fullName.normalizedText
    person.ethnicity = ethnicity.normalizedText
    person.unitCode = unitCode.normalizedText
    person.workplace = workplace.normalizedText
    person.position = position.normalizedText
    person.note = note.normalizedText
    person.partyMembership?.cardNumber = partyMembership?.cardNumber.normalizedText ?? ""
    person.studies = studies.map { study in
      var study = study
      study.document = study.document.normalizedText
      study.form = study.form.normalizedText
      study.note = study.note.normalizedText
      return study
    }
    .sorted { ($0.studied, $0.document) < ($1.studied, $1.document) }
    return person
  }
}
