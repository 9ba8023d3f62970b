extension PersonRoster {
  /// The roster as a store kept it: each record taken as it is, since its rules were checked
  /// when it was written (a person may stay counted under a unit that closed since).
  public init(restoring people: some Sequence<Person>) {
    self.init()
    for person in people { restore(person) }
  }

  /// Puts a record back as a store kept it, replacing the one with the same id, unchecked.
  public mutating func restore(_ person: Person) {
    peopleByID[person.id] = person
  }
}
