extension PersonRoster {
  /// The roster as a store kept it: each record taken as it is, since its rules were checked
  /// when it was written (a person may stay counted under a unit that closed since).
  public init(restoring people: some Sequence<Person>) {
    self.init()
    restore(Array(people))
  }

  /// Puts a record back as a store kept it, replacing the one with the same id, unchecked.
  public mutating func restore(_ person: Person) {
    place(person)
  }

  /// Puts records back as a store kept them, replacing those with the same ids, unchecked.
  /// When many of them are new or change unit or name (a whole roster read, an import), the
  /// list order is made again once rather than person by person.
  public mutating func restore(_ people: some Collection<Person>) {
    let moving = people.count { person in
      peopleByID[person.id].map { $0.unitCode != person.unitCode || $0.fullName != person.fullName } ?? true
    }
    guard moving > max(64, idsInListOrder.count / 16) else {
      for person in people { place(person) }
      return
    }
    peopleByID.reserveCapacity(peopleByID.count + people.count)
    for person in people { peopleByID[person.id] = person }
    var byUnit: [String: [ListKey]] = [:]
    for person in peopleByID.values { byUnit[person.unitCode, default: []].append(ListKey(person)) }
    idsInListOrder = byUnit.keys.sorted().flatMap { unit in (byUnit[unit] ?? []).sorted().map(\.id) }
  }
}
