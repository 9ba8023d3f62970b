import ClassificationDomain
import ReformKit
import Testing

/// Properties over generated populations (50 runs of 200–2,000 people in 5–40 units): the quota
/// is never exceeded and never demotes more than it must, results do not depend on input
/// order, and a rerun gives the same results.
@Suite("Generated populations")
struct PropertyTests {
  /// One generated case: a population, the set to rate it with, and perhaps an exception.
  struct Case: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var people: Int
    var units: Int
    var civilServants: Bool
    var testDescription: String {
      "seed \(seed): \(people) people in \(units) units\(civilServants ? ", civil servants" : "")"
    }

    var ruleSet: RuleSet { civilServants ? .nghiDinh335 : .quyDinh366 }
    var year: Int { civilServants ? 2026 : 2025 }

    var population: ClassificationPopulation {
      .generated(
        people: people, units: units, seed: seed, year: year, subjectKind: civilServants ? .civilServant : .partyMember)
    }

    /// Every third case grants the first unit two extra places.
    var exceptions: [QuotaException] {
      guard seed % 3 == 0 else { return [] }
      return [
        QuotaException(
          id: "NL-\(seed)", unitCode: "U00001", year: year, grant: .extraPlaces(2), authority: "Ban Thường vụ",
          decision: SourceRef(document: "Quyết định \(seed)-QĐ/ĐUK"))
      ]
    }

    static let all: [Case] = {
      var random = SplitMix64(seed: 2025)
      return (1...50).map { index in
        Case(
          seed: UInt64(index), people: random.scaledInt(in: 200...2_000), units: random.scaledInt(in: 5...40),
          civilServants: index % 2 == 0)
      }
    }()
  }

  /// The number of HTXSNV the quota allows a group with `good` HTTNV and `rated` rated.
  private func allowed(_ quota: QuotaConfig, good: Int, rated: Int, grant: QuotaException.Grant?) -> Int {
    let base = quota.basis == .goodCount ? good : rated
    let round = { (share: Int) in quota.rounding == .floor ? share * base / 10_000 : (share * base + 5_000) / 10_000 }
    switch grant {
    case nil: return round(quota.shareBasisPoints)
    case .unlimited?: return Int.max
    case .shareBasisPoints(let share)?: return round(share)
    case .extraPlaces(let places)?: return round(quota.shareBasisPoints) + places
    case .maxExcellentCount(let count)?: return count
    }
  }

  @Test(arguments: Case.all)
  func theQuotaIsNeverExceededInAnyUnitOrDutyGroup(_ generated: Case) throws {
    let engine = try ClassificationEngine(ruleSet: generated.ruleSet, exceptions: generated.exceptions)
    let result = try engine.run(generated.population.input)
    let quota = try #require(generated.ruleSet.quota)
    let people = result.ratings.filter { quota.appliesTo.contains($0.subjectKind) }
    var groups: [String: [Rating]] = [:]
    for rating in people {
      groups["\(rating.quotaUnitCode)|", default: []].append(rating)
      if quota.perDutyGroup, let dutyGroup = rating.dutyGroup {
        groups["\(rating.quotaUnitCode)|\(dutyGroup)", default: []].append(rating)
      }
    }
    for (key, members) in groups {
      let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      let unitWide = generated.exceptions.first { $0.unitCode == parts[0] && $0.dutyGroup == nil }
      let excellent = members.filter { $0.level == .htxsnv }.count
      let good = members.filter { $0.level == .httnv }.count
      #expect(excellent <= allowed(quota, good: good, rated: members.count, grant: unitWide?.grant), "group \(key)")
    }
  }

  @Test(arguments: Case.all)
  func theQuotaDemotesNoMoreThanItMust(_ generated: Case) throws {
    let engine = try ClassificationEngine(ruleSet: generated.ruleSet, exceptions: generated.exceptions)
    let result = try engine.run(generated.population.input)
    let quota = try #require(generated.ruleSet.quota)
    for group in result.quotaGroups where group.demoted > 0 {
      let grant = generated.exceptions.first { $0.unitCode == group.quotaUnitCode }?.grant
      let oneFewer = group.demoted - 1
      let allowedThen = allowed(quota, good: group.goodBefore + oneFewer, rated: group.rated, grant: grant)
      #expect(group.excellentBefore - oneFewer > allowedThen, "\(group.quotaUnitCode) \(group.dutyGroup ?? "")")
    }
  }

  @Test(arguments: Case.all)
  func resultsDoNotDependOnInputOrder(_ generated: Case) throws {
    let engine = try ClassificationEngine(ruleSet: generated.ruleSet, exceptions: generated.exceptions)
    let input = generated.population.input
    var random = SplitMix64(seed: generated.seed &+ 1_000)
    let shuffled = ClassificationInput(
      year: input.year, persons: random.shuffled(input.persons), collectives: random.shuffled(input.collectives))
    #expect(shuffled.persons != input.persons)
    #expect(try engine.run(shuffled) == engine.run(input))
  }

  @Test(arguments: Case.all)
  func aRerunGivesIdenticalResults(_ generated: Case) throws {
    let engine = try ClassificationEngine(ruleSet: generated.ruleSet, exceptions: generated.exceptions)
    let input = generated.population.input
    let first = try engine.run(input)
    #expect(try engine.run(input) == first)
    #expect(RatingCSV.export(try engine.run(input).ratings) == RatingCSV.export(first.ratings))
  }

  @Test func theGeneratorIsRealisticAndDeterministic() {
    let population = ClassificationPopulation.generated(people: 2_000, units: 40, seed: 7)
    #expect(population == ClassificationPopulation.generated(people: 2_000, units: 40, seed: 7))
    #expect(population.input.persons.count == 2_000)
    #expect(population.input.collectives.count == 40)
    let totals = population.input.persons.compactMap { $0.scores?.totalHundredths }
    let inBand = totals.filter { (6_000...9_500).contains($0) }.count
    #expect(inBand * 100 >= totals.count * 80)
    let disciplined = population.input.persons.filter { !$0.discipline.isEmpty }.count
    #expect(disciplined > 0 && disciplined * 100 < population.input.persons.count * 5)
  }
}
