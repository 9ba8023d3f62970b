import ReformKit

/// A generated, realistic population to rate: units in a tree under the bloc, people with
/// scores mostly between 60 and 95, tasks mostly all on time, a few disciplines and findings
/// of decline, one leader per unit, and the units' own evaluations.
///
/// Deterministic: the same arguments give the same population on every platform.
public struct ClassificationPopulation: Sendable, Hashable {
  /// The code of the bloc's Party committee, the root of ``units``.
  public static let rootUnitCode = "DUK"

  /// What to rate.
  public var input: ClassificationInput
  /// The units, every one under ``rootUnitCode``.
  public var units: UnitTree

  /// `people` people in `units` units for `year`, drawn from `seed`.
  ///
  /// People are rated as `subjectKind`. Collectives are generated for Party members only (the
  /// civil-servant rule set does not rate them). Every person has both points and an assessed
  /// level, so the population can be rated under a set with or without a scale.
  public static func generated(
    people: Int, units unitCount: Int, seed: UInt64, year: Int = 2025,
    subjectKind: RatingSubjectKind = .partyMember
  ) -> ClassificationPopulation {
    var random = SplitMix64(seed: seed)
    let unitCount = max(1, unitCount)
    let codes = (0..<unitCount).map { "U" + padded($0 + 1, 5) }
    // A tenth of the units are đảng bộ cơ sở under the bloc; of the rest, half are chi bộ cơ sở
    // under the bloc and half chi bộ trực thuộc under a đảng bộ cơ sở.
    let grassroots = max(1, unitCount / 10)
    var parents: [String: String] = [:]
    for (index, code) in codes.enumerated() {
      parents[code] =
        index < grassroots || random.chance(basisPoints: 5_000) ? rootUnitCode : codes[random.scaledInt(in: 0...(grassroots - 1))]
    }
    let tree = UnitTree(parents: parents)

    var persons: [PersonEvaluation] = []
    persons.reserveCapacity(people)
    var leaderOf: [String: String] = [:]
    for index in 0..<max(0, people) {
      let unit = index < unitCount ? codes[index] : codes[random.scaledInt(in: 0...(unitCount - 1))]
      let personId = "P" + padded(index + 1, 6)
      let leads = leaderOf[unit] == nil
      if leads { leaderOf[unit] = personId }
      persons.append(person(personId, unit: unit, leads: leads, year: year, kind: subjectKind, &random))
    }

    var collectives: [CollectiveEvaluation] = []
    if subjectKind == .partyMember {
      let disciplined = Set(
        persons.filter { person in
          person.discipline.contains { $0.decided.year == year && $0.level.isAtLeast(.reprimand) }
        }.map(\.personId))
      collectives = codes.map { code in
        let leaders = leaderOf[code].map { [$0] } ?? []
        return collective(
          code, children: tree.children(of: code), leaders: leaders, disciplined: disciplined, year: year, &random)
      }
    }
    return ClassificationPopulation(
      input: ClassificationInput(year: year, persons: persons, collectives: collectives), units: tree)
  }

  /// Evaluations of `members` (Party members, each with their cell) for `year`, drawn from
  /// `seed`: what the demo rates on a real unit tree. The first member listed in a unit leads
  /// it; every unit with a member also has its collective evaluation.
  ///
  /// Deterministic: the same arguments give the same evaluations on every platform.
  public static func evaluations(
    of members: [(personId: String, unitCode: String)], units: UnitTree, year: Int, seed: UInt64
  ) -> ClassificationInput {
    var random = SplitMix64(seed: seed)
    var leaderOf: [String: String] = [:]
    let persons = members.map { member in
      let leads = leaderOf[member.unitCode] == nil
      if leads { leaderOf[member.unitCode] = member.personId }
      return person(member.personId, unit: member.unitCode, leads: leads, year: year, kind: .partyMember, &random)
    }
    let disciplined = Set(
      persons.filter { person in
        person.discipline.contains { $0.decided.year == year && $0.level.isAtLeast(.reprimand) }
      }.map(\.personId))
    let collectives = leaderOf.sorted { $0.key < $1.key }.map { code, leader in
      collective(
        code, children: units.children(of: code), leaders: [leader], disciplined: disciplined, year: year, &random)
    }
    return ClassificationInput(year: year, persons: persons, collectives: collectives)
  }

  private static func person(
    _ id: String, unit: String, leads: Bool, year: Int, kind: RatingSubjectKind, _ random: inout SplitMix64
  ) -> PersonEvaluation {
    let scores = scores(&random, low: 6_000, high: 9_500)
    var discipline: [DisciplineRecord] = []
    if random.chance(basisPoints: 150) {
      let earlier = random.chance(basisPoints: 2_000)
      let levels: [DisciplineLevel] = [.admonition, .reprimand, .reprimand, .reprimand, .warning, .warning, .removal]
      discipline.append(
        DisciplineRecord(
          id: "KL-\(id)", system: random.chance(basisPoints: 7_000) ? .party : .administrative,
          level: levels[random.scaledInt(in: 0...(levels.count - 1))],
          decided: CivilDate(earlier ? year - 1 : year, random.scaledInt(in: 1...12), random.scaledInt(in: 1...28)),
          violationId: "VP-\(id)", countedInEarlierYear: earlier, countedYear: earlier ? year - 1 : nil,
          selfDetected: random.chance(basisPoints: 1_500)))
    }
    let declines =
      random.chance(basisPoints: 20)
      ? [DeclineFinding(concluded: CivilDate(year, random.scaledInt(in: 1...12), 15), finding: "Suy thoái về lối sống")] : []
    let positions =
      leads
      ? [RatingPosition(title: "Bí thư Chi bộ", unitCode: unit, leaderOrManager: true, head: true, ledUnitCode: unit)]
      : []
    let dutyGroup = leads ? "lanh-dao" : (random.chance(basisPoints: 6_000) ? "chuyen-mon" : "tong-hop")
    return PersonEvaluation(
      personId: id, year: year, subjectKind: kind, unitCode: unit, dutyGroup: dutyGroup, scores: scores,
      tasks: tasks(&random, total: 6...30), discipline: discipline, declines: declines, positions: positions,
      assessedLevel: level(of: scores.totalHundredths))
  }

  private static func collective(
    _ code: String, children: [String], leaders: [String], disciplined: Set<String>, year: Int,
    _ random: inout SplitMix64
  ) -> CollectiveEvaluation {
    let scores = scores(&random, low: 6_500, high: 9_800)
    let targets = random.scaledInt(in: 8...25)
    let met = random.chance(basisPoints: 9_500) ? targets - random.scaledInt(in: 0...2) : random.scaledInt(in: (targets * 4 / 10)...targets)
    let disciplinedChildren = children.filter { _ in random.chance(basisPoints: 300) }.map {
      DisciplinedSubordinate(unitCode: $0, selfDetected: random.chance(basisPoints: 3_000))
    }
    return CollectiveEvaluation(
      unitCode: code, year: year, scores: scores, tasks: tasks(&random, total: 10...40), targetsTotal: targets,
      targetsMet: max(0, met), subordinateUnitsTotal: children.count, disciplinedSubordinates: disciplinedChildren,
      leaderPersonIds: leaders, disciplinedLeaderPersonIds: leaders.filter(disciplined.contains),
      assessedLevel: level(of: scores.totalHundredths))
  }

  /// A total mostly between `low` and `high` hundredths (a tenth below, a twentieth above),
  /// split about 30/70 between the two groups.
  private static func scores(_ random: inout SplitMix64, low: Int, high: Int) -> RatingScores {
    let roll = random.scaledInt(in: 0...99)
    let total =
      roll < 10 ? random.scaledInt(in: 4_000...low) : (roll < 95 ? random.scaledInt(in: low...high) : random.scaledInt(in: high...10_000))
    var common = min(3_000, max(0, total * 3 / 10 + random.scaledInt(in: -200...200)))
    if total - common > 7_000 { common = total - 7_000 }
    if total - common < 0 { common = total }
    return RatingScores(commonCriteriaHundredths: common, taskResultsHundredths: total - common)
  }

  /// Mostly all on time, with 10–60% exceeded.
  private static func tasks(_ random: inout SplitMix64, total range: ClosedRange<Int>) -> TaskCounts {
    let total = random.scaledInt(in: range)
    let onTime = random.chance(basisPoints: 8_800) ? total : max(0, total - random.scaledInt(in: 1...3))
    let exceeded = onTime * random.scaledInt(in: 10...60) / 100
    return TaskCounts(total: total, onTime: onTime, exceeded: exceeded)
  }

  /// The level the thresholds of the 100-point scale give, as an assessing body would propose.
  private static func level(of total: Int) -> RatingLevel {
    total >= 9_000 ? .htxsnv : (total >= 7_000 ? .httnv : (total >= 5_000 ? .htnv : .khtnv))
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
