import ReformKit

/// Generates the people of a demo bloc: names by ethnic group, categories by host kind,
/// Party membership, positions and theory levels, arrivals and departures, and study records
/// of 01-NQ/ĐUK.
enum DemoPeople {
  static func make(plan: DemoUnitPlan, count: Int, random: inout SplitMix64) -> [Person] {
    // Each cell gets a weight; people are dealt out by weight, at least three a cell.
    var slots: [(organisation: Int, cell: OrgUnit, weight: Int)] = []
    for (index, organisation) in plan.organisations.enumerated() {
      for cell in organisation.cells {
        let base = organisation.host.large ? 14 : 10
        slots.append((index, cell, random.int(in: base / 2...base * 2)))
      }
    }
    guard !slots.isEmpty else { return [] }
    let ethnicities = DemoCatalogue.ethnicities.map { ($0, $0.weight) }
    var people: [Person] = []
    people.reserveCapacity(count)
    var headed = Set<Int>()
    let weighted = WeightedChoices(slots.indices.map { ($0, slots[$0].weight) })
    for number in 1...count {
      let slot = number <= slots.count * 3 ? slots[(number - 1) % slots.count] : slots[random.pick(weighted)]
      let organisation = plan.organisations[slot.organisation]
      let host = organisation.host
      let ethnicity = random.pick(weighted: ethnicities)
      let female = random.chance(0.48)
      let name = [
        random.pick(ethnicity.families), random.pick(female ? ethnicity.femaleMiddles : ethnicity.maleMiddles),
        random.pick(female ? ethnicity.femaleGiven : ethnicity.maleGiven),
      ].joined(separator: " ")

      var categories: Set<PersonCategory> = []
      switch host.kind {
      case .agency: categories.insert(random.chance(0.88) ? .civilServant : .worker)
      case .publicServiceUnit: categories.insert(random.chance(0.85) ? .publicEmployee : .worker)
      case .enterprise: categories.insert(.worker)
      case .partyOrMassOrganisation, .other: categories.insert(random.chance(0.8) ? .civilServant : .worker)
      }

      var position = ""
      var required: PoliticalTheoryLevel?
      var leader = false
      let isHead = !headed.contains(slot.organisation)
      if isHead {
        headed.insert(slot.organisation)
        let head = DemoCatalogue.head(for: host.kind)
        position = "\(head.0) \(host.name)"
        required = head.1
        leader = true
      } else if random.chance(0.13) {
        let choice = random.pick(DemoCatalogue.leaderPositions(for: host.kind))
        position = choice.0
        required = choice.1
        leader = true
      }
      if leader && host.kind == .partyOrMassOrganisation { categories.insert(.cadre) }
      // Heads are older than their staff, leaders a little.
      let birth = random.date(in: random.int(in: 1966...(isHead ? 1978 : leader ? 1988 : 2001)))
      let arrived = max(random.date(in: random.int(in: 1990...2024)), CivilDate(birth.year + 22, birth.month, min(birth.day, 28)))
      let departed: CivilDate? =
        random.chance(0.04) && arrived.year < 2025 ? random.date(in: random.int(in: max(2021, arrived.year + 1)...2025)) : nil

      let member = leader ? random.chance(0.97) : random.chance(0.68)
      var membership: PartyMembership?
      if member {
        let admitted = max(
          random.date(in: random.int(in: max(birth.year + 19, 1990)...max(birth.year + 19, 2025))),
          CivilDate(birth.year + 18, 12, 31))
        let official = CivilDate(admitted.year + 1, admitted.month, min(admitted.day, 28))
        let isOfficial = official <= CivilDate(2025, 12, 31)
        membership = PartyMembership(
          status: isOfficial ? .official : .probationary, admitted: admitted, official: isOfficial ? official : nil,
          cardNumber: isOfficial ? "\(random.int(in: 10_000_000...99_999_999))" : "")
      }

      let theory: PoliticalTheoryLevel
      if let required, leader {
        theory = random.chance(0.85 + 0.12 * organisation.diligence) ? meeting(required, &random) : below(required)
      } else if member {
        theory = random.pick(weighted: [(.elementary, 60), (.intermediate, 25), (.untrained, 10), (.advanced, 5)])
      } else {
        theory = random.pick(weighted: [(.untrained, 70), (.elementary, 27), (.intermediate, 3)])
      }

      let department = random.pick(DemoCatalogue.departments(for: host.kind))
      let studies = studyRecords(
        arrived: arrived, departed: departed, conference: organisation.studyConference,
        diligence: organisation.diligence, random: &random)
      people.append(
        Person(
          id: "NV\(String(1_000_000 + number).dropFirst())", fullName: name, gender: female ? .female : .male,
          birthDate: birth, ethnicity: ethnicity.name, categories: categories, partyMembership: membership,
          unitCode: slot.cell.code, workplace: "\(department), \(host.name)", position: position,
          leaderOrManager: leader, theoryLevel: theory, requiredTheoryLevel: required, studies: studies,
          arrived: arrived, departed: departed))
    }
    return people
  }

  /// Studying 01-NQ/ĐUK: most at their organisation's conference in early 2021, others later,
  /// newcomers within a year or so of arriving, a few never.
  private static func studyRecords(
    arrived: CivilDate, departed: CivilDate?, conference: CivilDate, diligence: Double, random: inout SplitMix64
  ) -> [ReformStudyRecord] {
    let document = IndicatorSet.resolution01.resolution.document
    let present = { (date: CivilDate) in arrived <= date && (departed.map { date < $0 } ?? true) }
    if present(conference) && random.chance(0.72 + 0.25 * diligence) {
      return [ReformStudyRecord(document: document, studied: conference, form: "Hội nghị quán triệt")]
    }
    guard random.chance(0.6 + 0.35 * diligence) else { return [] }
    let year = min(2025, max(arrived.year, 2021) + random.int(in: 0...2))
    var date = random.date(in: year)
    if date < arrived { date = arrived }
    guard present(date) else { return [] }
    return [ReformStudyRecord(document: document, studied: date, form: random.pick(weighted: DemoCatalogue.studyForms))]
  }

  private static func meeting(_ required: PoliticalTheoryLevel, _ random: inout SplitMix64) -> PoliticalTheoryLevel {
    switch required {
    case .advanced, .bachelor: return random.chance(0.2) ? .bachelor : .advanced
    case .intermediate: return random.chance(0.25) ? .advanced : .intermediate
    case .elementary: return random.chance(0.5) ? .intermediate : .elementary
    case .untrained: return .elementary
    }
  }

  private static func below(_ required: PoliticalTheoryLevel) -> PoliticalTheoryLevel {
    switch required {
    case .advanced, .bachelor: return .intermediate
    case .intermediate: return .elementary
    case .elementary, .untrained: return .untrained
    }
  }
}
