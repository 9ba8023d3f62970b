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
    var low = 0
    var high = idsInListOrder.count
    while low < high {
      let middle = (low + high) / 2
      if let person = peopleByID[idsInListOrder[middle]], isBefore(person) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
