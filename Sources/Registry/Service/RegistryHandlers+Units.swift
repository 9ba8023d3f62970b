import Foundation
import ReformKit
import ReformModule
import ReformWire
import RegistryDomain

/// The unit calls: create, change, move and close units, and read them with their history.
/// The tree's rules are ``UnitTree``'s; these handlers decode, check scope, call it, store.
extension RegistryHandlers {
  func createUnit(_ request: CreateUnitRequest, _ context: JobContext) async throws -> CreateUnitResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.unit?.parentCode ?? "", field: "unit.parent_code", in: snapshot.tree)
    guard let wire = request.unit else { throw FieldError.invalid("unit", "is required") }
    let unit = try OrgUnit(wire: wire, field: "unit")
    guard unit.closed == nil, unit.successorCode.isEmpty else {
      throw FieldError.invalid("unit.closed", "cannot be set when creating a unit; CloseUnit closes it and records the closure")
    }
    let decision = try SourceRef.optional(request.decision, field: "decision")
    let key = try context.idempotency(request)
    let actor = context.actor
    let response = try await store.idempotentWrite(key) { write in
      var tree = write.state.tree
      let entry = try FieldError.checking(under: "unit") { () throws(UnitTreeError) in
        try tree.add(unit, stamp: ChangeStamp(actor: actor, at: write.now, decision: decision))
      }
      try write.commitUnits(tree, changed: [entry.unitCode], history: [entry])
      return CreateUnitResponse(unit: tree.unit(entry.unitCode)?.wire(in: tree, stamp: write.state.unitStamps[entry.unitCode]))
    }
    context.audit.record(target: "unit \(response.unit?.code ?? unit.code)", unit: response.unit?.code ?? unit.code)
    return response
  }

  func updateUnit(_ request: UpdateUnitRequest, _ context: JobContext) async throws -> UpdateUnitResponse {
    let snapshot = try await store.read()
    let code = request.unit?.code ?? ""
    try context.requireScope(over: code, field: "unit.code", in: snapshot.tree)
    guard let wire = request.unit else { throw FieldError.invalid("unit", "is required; unit.code names the unit to change") }
    try RequestBounds.checkCount(request.updateFields.count, field: "update_fields")
    let fields = request.updateFields
    let effective = try CivilDate.optional(request.effective, field: "effective") ?? CivilDate(store.now)
    let change = try context.unitChange(request)
    let expected = request.expectedRevision
    let response = try await store.idempotentWrite(change.key) { write in
      var tree = write.state.tree
      guard let current = tree.unit(code) else { throw FieldError.notFound("unit.code", "unit \"\(code)\" does not exist") }
      try ExpectedRevision.check(expected, against: write.state.unitStamps[code], of: "unit \"\(code)\"")
      let changed = try current.updated(with: wire, fields: fields)
      let entries = try FieldError.checking(under: "unit") { () throws(UnitTreeError) in
        try tree.update(changed, effective: effective, stamp: change.stamp(at: write.now))
      }
      if !entries.isEmpty { try write.commitUnits(tree, changed: [code], history: entries) }
      return UpdateUnitResponse(unit: tree.unit(code)?.wire(in: tree, stamp: write.state.unitStamps[code]))
    }
    context.audit.record(target: "unit \(code)", unit: code)
    return response
  }

  func getUnit(_ request: GetUnitRequest, _ context: JobContext) async throws -> GetUnitResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.code, field: "code", in: snapshot.tree)
    let unit = try snapshot.tree.unit(request.code, field: "code", required: "the unit's code")
    let today = CivilDate(store.now)
    let people = snapshot.roster.peopleByID.values.reduce(0) { count, person in
      person.unitCode == unit.code && person.isPresent(on: today) ? count + 1 : count
    }
    return GetUnitResponse(
      unit: unit.wire(in: snapshot.tree, stamp: snapshot.unitStamps[unit.code]),
      history: request.includeHistory ? snapshot.tree.history(of: unit.code).map(\.wire) : [],
      childCount: Int64(snapshot.tree.children(of: unit.code).filter { $0.isOpen(on: today) }.count),
      personCount: Int64(people))
  }

  func listUnits(_ request: ListUnitsRequest, _ context: JobContext) async throws -> ListUnitsResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let subtree = try context.confined(request.subtreeCode, field: "subtree_code", in: tree)
    if !request.parentCode.isEmpty { try context.requireScope(over: request.parentCode, field: "parent_code", in: tree) }
    let paging = try Paging(request)
    let kinds = try request.kinds.requiredSet(field: "kinds")
    let hostKinds = try request.hostKinds.requiredSet(field: "host_kinds")
    let openOn = try CivilDate.optional(request.openOn, field: "open_on")
    let today = CivilDate(store.now)
    let nameQuery = VietnameseText.folded(try TextLimit.short.checked(request.nameQuery, field: "name_query").normalizedText)
    try tree.requireKnown(subtree, field: "subtree_code")
    try tree.requireKnown(request.parentCode, field: "parent_code")
    let placed = UnitOrder.placed(tree, on: openOn)
    let inSubtree = subtree.isEmpty ? nil : Set(placed.subtree(of: subtree))
    let units = placed.order.compactMap { code -> OrgUnit? in
      guard let unit = tree.unit(code) else { return nil }
      if let openOn {
        guard unit.isOpen(on: openOn) else { return nil }
      } else if !request.includeClosed, !unit.isOpen(on: today) {
        return nil
      }
      if !request.parentCode.isEmpty, placed.parent[code] != request.parentCode { return nil }
      if let inSubtree, !inSubtree.contains(code) { return nil }
      if !kinds.isEmpty, !kinds.contains(unit.kind) { return nil }
      if !hostKinds.isEmpty, !(unit.hostKind.map(hostKinds.contains) ?? false) { return nil }
      if !request.organId.isEmpty, unit.organId != request.organId { return nil }
      if !nameQuery.isEmpty,
        ![unit.name, unit.shortName, unit.hostName].contains(where: { VietnameseText.folded($0).contains(nameQuery) })
      {
        return nil
      }
      return unit
    }
    let (page, response) = paging.slice(units)
    return ListUnitsResponse(units: page.map { $0.wire(in: tree, stamp: snapshot.unitStamps[$0.code]) }, page: response)
  }

  func moveUnit(_ request: MoveUnitRequest, _ context: JobContext) async throws -> MoveUnitResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.code, field: "code", in: snapshot.tree)
    try context.requireScope(over: request.newParentCode, field: "new_parent_code", in: snapshot.tree)
    let code = request.code
    let parent = request.newParentCode
    guard !parent.isEmpty else { throw FieldError.invalid("new_parent_code", "is required: the unit to move under") }
    let effective = try CivilDate.optional(request.effective, field: "effective") ?? CivilDate(store.now)
    let change = try context.unitChange(request)
    let expected = request.expectedRevision
    let response = try await store.idempotentWrite(change.key) { write in
      var tree = write.state.tree
      _ = try tree.unit(code, field: "code", required: "the unit to move")
      try ExpectedRevision.check(expected, against: write.state.unitStamps[code], of: "unit \"\(code)\"")
      let entry = try FieldError.checking { () throws(UnitTreeError) in
        try tree.move(code, under: parent, effective: effective, stamp: change.stamp(at: write.now))
      }
      try write.commitUnits(tree, changed: [code], history: [entry])
      return MoveUnitResponse(unit: tree.unit(code)?.wire(in: tree, stamp: write.state.unitStamps[code]), entry: entry.wire)
    }
    context.audit.record(target: "unit \(code)", unit: code)
    return response
  }

  func closeUnit(_ request: CloseUnitRequest, _ context: JobContext) async throws -> CloseUnitResponse {
    let snapshot = try await store.read()
    try context.requireScope(over: request.code, field: "code", in: snapshot.tree)
    if !request.transferPeopleToCode.isEmpty {
      try context.requireScope(over: request.transferPeopleToCode, field: "transfer_people_to_code", in: snapshot.tree)
    }
    let code = request.code
    let closed = try CivilDate.required(request.closed, field: "closed", what: "the closing date (giải thể, sáp nhập)")
    let successor = request.successorCode.isEmpty ? nil : request.successorCode
    let transfer = request.transferPeopleToCode
    let change = try context.unitChange(request)
    let response = try await store.idempotentWrite(change.key) { write in
      var tree = write.state.tree
      _ = try tree.unit(code, field: "code", required: "the unit to close")
      let staying = write.state.roster.peopleByID.values.filter { $0.unitCode == code && $0.isPresent(on: closed) }
      if !transfer.isEmpty {
        guard let target = tree.unit(transfer) else {
          throw FieldError.notFound("transfer_people_to_code", "unit \"\(transfer)\" does not exist")
        }
        guard target.code != code, target.closed == nil, target.isOpen(on: closed) else {
          throw FieldError.precondition("transfer_people_to_code", "unit \"\(transfer)\" must be another unit, open on \(closed)")
        }
      } else if !staying.isEmpty {
        throw FieldError.precondition(
          "closed",
          "\(staying.count) people are still counted under \"\(code)\" on \(closed); move them first or name transfer_people_to_code")
      }
      let entry = try FieldError.checking { () throws(UnitTreeError) in
        try tree.close(code, on: closed, successorCode: successor, stamp: change.stamp(at: write.now))
      }
      try write.commitUnits(tree, changed: [code], history: [entry])
      let moved = staying.map { person in
        var person = person
        person.unitCode = transfer
        return person
      }
      try write.commitPeople(moved)
      return CloseUnitResponse(
        unit: tree.unit(code)?.wire(in: tree, stamp: write.state.unitStamps[code]), entry: entry.wire,
        peopleTransferred: Int64(moved.count))
    }
    context.audit.record(target: "unit \(code)", unit: code)
    return response
  }

  func listUnitHistory(_ request: ListUnitHistoryRequest, _ context: JobContext) async throws -> ListUnitHistoryResponse {
    let snapshot = try await store.read()
    let tree = snapshot.tree
    let listed = try context.listed(request.unitCode, includeSubtree: request.includeSubtree, in: tree)
    let paging = try Paging(request)
    try listed.requireExists(in: tree)
    let first = try CivilDate.optional(request.effective?.first, field: "effective.first")
    let last = try CivilDate.optional(request.effective?.last, field: "effective.last")
    let changes = try request.changes.requiredSet(field: "changes")
    let units = listed.codes(in: tree)
    let entries = tree.entries.enumerated().filter { _, entry in
      (units?.contains(entry.unitCode) ?? true) && (first.map { entry.effective >= $0 } ?? true)
        && (last.map { entry.effective <= $0 } ?? true) && (changes.isEmpty || changes.contains(entry.change))
    }
    .sorted { ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset) }
    .map(\.element)
    let (page, response) = paging.slice(entries)
    return ListUnitHistoryResponse(entries: page.map(\.wire), page: response)
  }
}
