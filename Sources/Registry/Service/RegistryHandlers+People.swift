import Foundation
import ReformKit
import ReformModule
import ReformWire
import RegistryDomain

/// The people calls: create and change records, read and list them, and record studies of the
/// reform documents (the source of indicator 1). The record's rules are ``Person``'s and
/// ``PersonRoster``'s; these handlers decode, check scope, call them, store.
extension RegistryHandlers {

  func createPerson(_ request: CreatePersonRequest, _ context: JobContext) async throws -> CreatePersonResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.person?.unitCode ?? "", field: "person.unit_code", in: snapshot.tree)
    guard let wire = request.person else { throw FieldError.invalid("person", "is required") }
    let given = try Person(wire: wire, field: "person").normalized
    if let problem = given.validationProblems.first { throw FieldError(problem, under: "person") }
    let key = try context.idempotency(request)
    let response = try await store.idempotentWrite(key) { write in
      var person = given
      if person.id.isEmpty { person.id = try write.newPersonIDs(1).first ?? "" }
      if let problem = write.state.roster.problems(adding: person, in: write.state.tree).first {
        throw FieldError(problem, under: "person")
      }
      try write.commitPeople([person])
      return CreatePersonResponse(person: person.wire(stamp: write.state.personStamps[person.id]))
    }
    context.audit.record(target: "person \(response.person?.id ?? "")", unit: given.unitCode)
    return response
  }

  func updatePerson(_ request: UpdatePersonRequest, _ context: JobContext) async throws -> UpdatePersonResponse {
    let snapshot = try await store.read()
    let id = request.person?.id ?? ""
    try context.requireScope(over: snapshot.roster.person(id)?.unitCode ?? "", field: "person.id", in: snapshot.tree)
    if request.updateFields.isEmpty || request.updateFields.contains("unit_code") {
      try context.requireScope(over: request.person?.unitCode ?? "", field: "person.unit_code", in: snapshot.tree)
    }
    guard let wire = request.person else { throw FieldError.invalid("person", "is required; person.id names the person to change") }
    try RequestBounds.checkCount(request.updateFields.count, field: "update_fields")
    let fields = request.updateFields
    let expected = request.expectedRevision
    let key = try context.idempotency(request)
    let response = try await store.idempotentWrite(key) { write in
      guard let current = write.state.roster.person(id) else {
        throw FieldError.notFound("person.id", id.isEmpty ? "is required: the person to change" : "person \"\(id)\" does not exist")
      }
      try ExpectedRevision.check(expected, against: write.state.personStamps[id], of: "person \"\(id)\"")
      let changed = try current.updated(with: wire, fields: fields).normalized
      if let problem = write.state.roster.problems(updating: changed, in: write.state.tree).first {
        throw FieldError(problem, under: "person")
      }
      if changed != current { try write.commitPeople([changed]) }
      return UpdatePersonResponse(person: changed.wire(stamp: write.state.personStamps[id]))
    }
    context.audit.record(target: "person \(id)", unit: response.person?.unitCode ?? "")
    return response
  }

  func getPerson(_ request: GetPersonRequest, _ context: JobContext) async throws -> GetPersonResponse {
    guard !request.id.isEmpty else { throw FieldError.invalid("id", "is required: the person's id") }
    let snapshot = try await store.read()
    guard let person = snapshot.roster.person(request.id) else {
      throw FieldError.notFound("id", "person \"\(request.id)\" does not exist")
    }
    try context.requireScope(over: person.unitCode, field: "id", in: snapshot.tree)
    context.audit.record(target: "person \(person.id)", unit: person.unitCode)
    return GetPersonResponse(person: person.wire(stamp: snapshot.personStamps[person.id]))
  }

  func listPeople(_ request: ListPeopleRequest, _ context: JobContext) async throws -> ListPeopleResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let subtree = try context.confined(request.subtreeCode, field: "subtree_code", in: tree)
    if !request.unitCode.isEmpty { try context.requireScope(over: request.unitCode, field: "unit_code", in: tree) }
    let paging = try Paging(request)
    try tree.requireKnown(subtree, field: "subtree_code")
    try tree.requireKnown(request.unitCode, field: "unit_code")
    try RequestBounds.checkCount(request.categories.count, field: "categories")
    let categories = try request.categories.requiredSet(field: "categories")
    guard RegistryFlagFilter.allKnown.contains(request.leaderOrManager),
      RegistryFlagFilter.allKnown.contains(request.theoryMeetsRequirement), RegistryFlagFilter.allKnown.contains(request.studied)
    else { throw FieldError.invalid("leader_or_manager", "a flag filter is UNSPECIFIED, YES or NO") }
    guard RegistryMembershipFilter.allKnown.contains(request.membership) else {
      throw FieldError.invalid("membership", "\(request.membership.rawValue) is not a membership filter")
    }
    let presentOn = try CivilDate.optional(request.presentOn, field: "present_on")
    let today = CivilDate(store.now)
    let onDate = presentOn ?? today
    let document = try TextLimit.short.checked(request.studiedDocument, field: "studied_document").normalizedText
    let name = try TextLimit.short.checked(request.nameQuery, field: "name_query").normalizedText
    let folded = VietnameseText.folded(name)
    let scope = subtree.isEmpty ? nil : Set(tree.subtree(of: subtree).map(\.code))
    // The roster keeps everyone in list order (by unit, name and id), each unit's people
    // together: a unit or a subtree is read from its units' stretches of that list.
    let roster = snapshot.roster
    var units = scope
    if !request.unitCode.isEmpty { units = scope?.intersection([request.unitCode]) ?? [request.unitCode] }
    let candidates = units.map { roster.idsInListOrder(ofUnits: $0) } ?? roster.idsInListOrder
    let ordered = candidates.lazy.compactMap { roster.person($0) }.filter { person in
      if presentOn != nil || !request.includeDeparted, !person.isPresent(on: onDate) { return false }
      if !categories.isEmpty, categories.isDisjoint(with: person.categories) { return false }
      if !Self.matches(request.membership, person.partyMembership, on: onDate) { return false }
      if !Self.matches(request.leaderOrManager, person.leaderOrManager) { return false }
      if !Self.matches(request.theoryMeetsRequirement, person.meetsTheoryRequirement) { return false }
      let studied = person.studies.contains { document.isEmpty || $0.document == document }
      if !Self.matches(request.studied, studied) { return false }
      if !name.isEmpty, person.id != name, !VietnameseText.folded(person.fullName).contains(folded) { return false }
      return true
    }
    let (page, response) = paging.slice(Array(ordered.map(\.id)))
    context.audit.record(target: "people listed: \(page.count) of \(response.totalCount)", unit: subtree.isEmpty ? request.unitCode : subtree)
    return ListPeopleResponse(
      people: page.compactMap { id in roster.person(id)?.wire(stamp: snapshot.personStamps[id]) }, page: response)
  }

  func recordReformStudies(_ request: RecordReformStudiesRequest, _ context: JobContext) async throws -> RecordReformStudiesResponse {
    let snapshot = try await store.read()
    if !request.unitCode.isEmpty || context.ownUnitLimit != nil {
      try context.requireScope(over: request.unitCode, field: "unit_code", in: snapshot.tree)
    }
    guard request.personIds.count <= RequestBounds.maxStudyPeople else {
      throw FieldError.tooLarge("person_ids", "at most \(RequestBounds.maxStudyPeople) people per call; got \(request.personIds.count): split the list")
    }
    let document = try TextLimit.short.checked(request.document?.document ?? "", field: "document.document").normalizedText
    guard !document.isEmpty else { throw FieldError.invalid("document.document", "is required: the document studied, e.g. 01-NQ/ĐUK") }
    let studied = try CivilDate.required(request.studied, field: "studied", what: "the date of the session")
    let record = ReformStudyRecord(
      document: document, studied: studied, form: try TextLimit.short.checked(request.form, field: "form").normalizedText,
      note: try TextLimit.long.checked(request.note, field: "note").normalizedText)
    switch (request.personIds.isEmpty, request.unitCode.isEmpty) {
    case (true, true): throw FieldError.invalid("person_ids", "name the people, or a unit_code for everyone under it")
    case (false, false): throw FieldError.invalid("unit_code", "give either person_ids or unit_code, not both")
    default: break
    }
    let ids = request.personIds
    let unitCode = request.unitCode
    let key = try context.idempotency(request)
    let limited = context.ownUnitLimit != nil
    let actorUnit = context.ownUnitLimit ?? ""
    let response = try await store.idempotentWrite(key) { write in
      let roster = write.state.roster
      let tree = write.state.tree
      var people: [Person] = []
      if unitCode.isEmpty {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() {
          guard let person = roster.person(id) else { throw FieldError.notFound("person_ids[\(index)]", "person \"\(id)\" does not exist") }
          guard seen.insert(id).inserted else { throw FieldError.invalid("person_ids[\(index)]", "\"\(id)\" is listed twice") }
          if limited, !tree.isWithinSubtree(person.unitCode, of: actorUnit) {
            throw FieldError.permissionDenied("person_ids[\(index)]", "\"\(id)\" is outside the caller's unit")
          }
          people.append(person)
        }
      } else {
        guard tree.unit(unitCode) != nil else { throw FieldError.notFound("unit_code", "unit \"\(unitCode)\" does not exist") }
        let scope = Set(tree.subtree(of: unitCode).map(\.code))
        people = roster.peopleByID.values.filter { scope.contains($0.unitCode) && $0.isPresent(on: studied) }
      }
      let new = people.filter { person in !person.studies.contains { $0.document == document && $0.studied == studied } }
      try write.commitStudies(new.map { PersonStudy(personID: $0.id, record: record) })
      return RecordReformStudiesResponse(recorded: Int64(new.count), alreadyRecorded: Int64(people.count - new.count))
    }
    context.audit.record(target: "studies of \(document) on \(studied)", unit: unitCode)
    return response
  }

  private static func matches(_ filter: RegistryFlagFilter, _ value: Bool) -> Bool {
    switch filter {
    case .yes: value
    case .no: !value
    default: true
    }
  }

  private static func matches(_ filter: RegistryMembershipFilter, _ membership: PartyMembership?, on date: CivilDate) -> Bool {
    let member = membership.map { $0.isMember(on: date) } ?? false
    switch filter {
    case .member: return member
    case .official: return member && membership?.status == .official
    case .probationary: return member && membership?.status == .probationary
    case .nonMember: return !member
    default: return true
    }
  }
}
