extension PersonRoster {
  /// Where a person stands in ``idsInListOrder``: unit code, then name in the Vietnamese
  /// alphabet, then id — an order with no ties, since ids are unique.
  struct ListKey: Comparable {
    let unitCode: String
    let name: [UInt32]
    let id: String

    init(_ person: Person) {
      unitCode = person.unitCode
      name = VietnameseText.sortKey(person.fullName)
      id = person.id
    }

    static func < (lhs: ListKey, rhs: ListKey) -> Bool {
      if lhs.unitCode != rhs.unitCode { return lhs.unitCode < rhs.unitCode }
      if lhs.name != rhs.name { return lhs.name.lexicographicallyPrecedes(rhs.name) }
      return lhs.id < rhs.id
    }
  }

  /// The ids of the people counted under the units `codes`, in list order. Each unit's people
  /// stand together in ``idsInListOrder``, so they are found by binary search rather than by
  /// looking at everyone.
  public func idsInListOrder(ofUnits codes: some Sequence<String>) -> [String] {
    Set(codes).sorted().flatMap { code in
      idsInListOrder[count { $0.unitCode < code }..<count { $0.unitCode <= code }]
    }
  }

  /// Stores `person`, replacing the record with the same id, and moves their id to where the
  /// list order puts them; a change that leaves unit and name as they were leaves it in place.
  mutating func place(_ person: Person) {
    let old = peopleByID[person.id]
    if let old, old.unitCode == person.unitCode, old.fullName == person.fullName {
      peopleByID[person.id] = person
      return
    }
    if let old {
      let index = count(before: ListKey(old))
      if index < idsInListOrder.count, idsInListOrder[index] == old.id { idsInListOrder.remove(at: index) }
    }
    peopleByID[person.id] = person
    idsInListOrder.insert(person.id, at: count(before: ListKey(person)))
  }

  /// How many people in ``idsInListOrder`` come before `key`: ordered by unit first, and by
  /// name only within the unit, so few names are turned into keys.
  private func count(before key: ListKey) -> Int {
    count { person in person.unitCode == key.unitCode ? ListKey(person) < key : person.unitCode < key.unitCode }
  }

  /// How many people at the start of ``idsInListOrder`` `isBefore` holds for, found by binary
  /// search since the list is in order.
  private func count(where isBefore: (Person) -> Bool) -> Int {
    boundary(in: idsInListOrder[...], where: isBefore)
  }

  /// The first index of `ids` (people in list order) that `isBefore` does not hold for, found
  /// by binary search.
  private func boundary(in ids: ArraySlice<String>, where isBefore: (Person) -> Bool) -> Int {
    var low = ids.startIndex
    var high = ids.endIndex
    while low < high {
      let middle = (low + high) / 2
      if let person = peopleByID[ids[middle]], isBefore(person) { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// ``idsInListOrder`` as it stands once `moving` is stored: those people (new to the roster,
  /// or with a new unit or name; one record per id) at their places and gone from their old
  /// ones. Read against the records as they stand, before `moving` replaces them. Only the
  /// units that people leave or join are looked into; the rest of the list is copied as it is.
  func merged(_ moving: [Person]) -> [String] {
    var leaving: Set<String> = []
    var leavingUnits: Set<String> = []
    var joining: [String: [ListKey]] = [:]
    for person in moving {
      if let old = peopleByID[person.id] {
        leaving.insert(old.id)
        leavingUnits.insert(old.unitCode)
      }
      joining[person.unitCode, default: []].append(ListKey(person))
    }
    var list: [String] = []
    list.reserveCapacity(idsInListOrder.count - leaving.count + moving.count)
    var done = idsInListOrder.startIndex
    for unit in leavingUnits.union(joining.keys).sorted() {
      let start = boundary(in: idsInListOrder[done...]) { $0.unitCode < unit }
      let end = boundary(in: idsInListOrder[start...]) { $0.unitCode <= unit }
      list += idsInListOrder[done..<start]
      var staying = idsInListOrder[start..<end]
      if leavingUnits.contains(unit) { staying.removeAll { leaving.contains($0) } }
      list += merge(staying, (joining[unit] ?? []).sorted())
      done = end
    }
    list += idsInListOrder[done...]
    return list
  }

  /// One unit's people in list order: `staying` (ids in list order) with `joining` (in order)
  /// among them. Few joining a large unit are placed by binary search; otherwise the staying
  /// people's keys are made once and the two lists merged.
  private func merge(_ staying: ArraySlice<String>, _ joining: [ListKey]) -> [String] {
    var merged: [String] = []
    merged.reserveCapacity(staying.count + joining.count)
    var from = staying.startIndex
    if joining.count * 8 < staying.count {
      for key in joining {
        let at = boundary(in: staying[from...]) { ListKey($0) < key }
        merged += staying[from..<at]
        merged.append(key.id)
        from = at
      }
      merged += staying[from...]
      return merged
    }
    let stayingKeys = staying.compactMap { peopleByID[$0].map(ListKey.init) }
    var next = stayingKeys.startIndex
    for key in joining {
      while next < stayingKeys.endIndex, stayingKeys[next] < key {
        merged.append(stayingKeys[next].id)
        next += 1
      }
      merged.append(key.id)
    }
    merged += stayingKeys[next...].map(\.id)
    return merged
  }
}
