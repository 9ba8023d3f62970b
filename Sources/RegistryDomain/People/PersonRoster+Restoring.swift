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

  /// Puts records back as a store kept them, replacing those with the same ids, unchecked (the
  /// last of two with one id stands).
  ///
  /// When many of them are new or change unit or name (a whole roster read, an import), the
  /// list order is merged once rather than person by person: the arriving people are sorted
  /// among themselves and each unit's share is placed among that unit's people by binary
  /// search, so the work grows with what arrives (and a copy of the list), not with a sort of
  /// the whole roster.
  public mutating func restore(_ people: some Collection<Person>) {
    var arriving: [String: Person] = [:]
    arriving.reserveCapacity(people.count)
    for person in people { arriving[person.id] = person }
    let moving = arriving.values.filter { person in
      peopleByID[person.id].map { $0.unitCode != person.unitCode || $0.fullName != person.fullName } ?? true
    }
    guard moving.count > 64 else {
      for person in people { place(person) }
      return
    }
    idsInListOrder = merged(moving)
    for person in arriving.values { peopleByID[person.id] = person }
  }
}
