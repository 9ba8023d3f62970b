import HashTreeCollections

/// The bloc's people as a value, checked against the unit tree (danh sách cán bộ, đảng viên).
///
/// Beyond each record's own rules (``Person/validationProblems``): ids are unique; a person's
/// unit exists; and a closed unit takes no new people — neither a new person nor one moved in
/// from another unit.
///
/// ## Topics
/// - ``add(_:in:)``, ``update(_:in:)``, ``problems(adding:in:)``, ``problems(updating:in:)``
/// - ``person(_:)``, ``people``, ``people(under:in:)``, ``idsInListOrder``
public struct PersonRoster: Sendable {
  /// Every person, by id. Changed only through ``add(_:in:)``, ``update(_:in:)`` and
  /// ``restore(_:)``, which keep ``idsInListOrder`` in step. A persistent map (a hash trie), so
  /// that a changed copy of a roster of a million people shares every record it did not change
  /// rather than copying them all.
  public internal(set) var peopleByID: TreeDictionary<String, Person> = [:]
  /// Every person's id in list order: by unit code, then by name in the Vietnamese alphabet
  /// (``VietnameseText/sortKey(_:)``), then by id. Kept as people are added and changed, so
  /// that a list of a hundred thousand people is read in order rather than sorted per call.
  public internal(set) var idsInListOrder: [String] = []

  /// An empty roster.
  public init() {}

  /// The person with this id.
  public func person(_ id: String) -> Person? { peopleByID[id] }

  /// Every person, by id.
  public var people: [Person] { peopleByID.keys.sorted().compactMap { peopleByID[$0] } }

  /// The people counted under `code` or any unit below it.
  public func people(under code: String, in tree: UnitTree) -> [Person] {
    let scope = Set(tree.subtree(of: code).map(\.code))
    return people.filter { scope.contains($0.unitCode) }
  }

  /// Adds a person.
  ///
  /// - Throws: the first of ``problems(adding:in:)``.
  public mutating func add(_ person: Person, in tree: UnitTree) throws(PersonError) {
    let person = person.normalized
    if let problem = problems(adding: person, in: tree).first { throw problem }
    place(person)
  }

  /// Replaces a person's record (same id).
  ///
  /// - Throws: the first of ``problems(updating:in:)``.
  public mutating func update(_ person: Person, in tree: UnitTree) throws(PersonError) {
    let person = person.normalized
    if let problem = problems(updating: person, in: tree).first { throw problem }
    place(person)
  }

  /// What ``add(_:in:)`` would refuse, every problem.
  public func problems(adding person: Person, in tree: UnitTree) -> [PersonError] {
    var problems = person.validationProblems
    if person.id.isEmpty {
      problems.insert(.invalid("id", "is required to add a person to the roster"), at: 0)
    } else if peopleByID[person.id] != nil {
      problems.append(PersonError(.alreadyExists, field: "id", "person \"\(person.id)\" exists already"))
    }
    problems += PersonRoster.unitProblems(of: person, previousUnit: nil, in: tree)
    return problems
  }

  /// What ``update(_:in:)`` would refuse, every problem.
  public func problems(updating person: Person, in tree: UnitTree) -> [PersonError] {
    guard let old = peopleByID[person.id] else {
      return [PersonError(.notFound, field: "id", "person \"\(person.id)\" does not exist")]
    }
    return person.validationProblems + PersonRoster.unitProblems(of: person, previousUnit: old.unitCode, in: tree)
  }

  /// The problems of counting `person` under their unit: it must exist, and a person cannot
  /// join a closed unit (staying in one, e.g. on the record of someone who departed, is fine).
  static func unitProblems(of person: Person, previousUnit: String?, in tree: UnitTree) -> [PersonError] {
    guard CodeSyntax.isValid(person.unitCode) else { return [] }
    guard let unit = tree.unit(person.unitCode) else {
      return [PersonError(.notFound, field: "unit_code", "unit \"\(person.unitCode)\" does not exist")]
    }
    if let closed = unit.closed, previousUnit != unit.code {
      return [
        PersonError(
          .failedPrecondition, field: "unit_code",
          "unit \"\(unit.code)\" is closed (from \(closed)) and takes no new people; choose an open unit")
      ]
    }
    return []
  }
}
