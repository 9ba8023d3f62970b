import Foundation
import ReformKit
import Testing
@testable import RegistryDomain

@Suite("Demo bloc")
struct DemoBlocTests {
  static let bloc = DemoBloc.generate(seed: 2020)

  @Test func theSameSeedGivesTheSameBlocAndAnotherSeedAnother() {
    let again = DemoBloc.generate(seed: 2020)
    #expect(again.peopleCSV == Self.bloc.peopleCSV)
    #expect(again.valuesCSV == Self.bloc.valuesCSV)
    #expect(DemoBloc.generate(seed: 2021).peopleCSV != Self.bloc.peopleCSV)
  }

  @Test func theStandardBlocHasFortyOrganisationsAHundredAndTwentyCellsAndTwoAndAHalfThousandPeople() {
    let units = Self.bloc.tree.treeOrder
    #expect(units.filter { $0.kind.isGrassroots }.count == 40)
    #expect(units.filter { $0.kind == .subordinateCell }.count == 120)
    #expect(Self.bloc.people.count == 2_500)
    #expect(Set(Self.bloc.people.map(\.id)).count == 2_500)
    #expect(Self.bloc.tree.root?.name == "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu")
  }

  @Test func everyGeneratedCSVPassesItsImporter() throws {
    let bloc = Self.bloc
    let units = try UnitCSV.importUnits(bloc.unitsCSV, into: UnitTree(), asOf: CivilDate(2025, 12, 31), stamp: Fixtures.stamp)
    let people = try PersonCSV.importPeople(bloc.peopleCSV, roster: PersonRoster(), tree: units.tree)
    var roster = PersonRoster()
    for person in people.people { try roster.add(person, in: units.tree) }
    let studies = try StudyCSV.importStudies(bloc.studiesCSV, roster: roster)
    let values = try IndicatorValueCSV.importValues(bloc.valuesCSV, sets: [bloc.set], tree: units.tree)
    #expect(studies.roster.people == bloc.people)
    #expect(values.count == bloc.values.count)
    let years = Set(values.map(\.key.period))
    #expect(years == Set(DemoBloc.years.map { Period.year($0) }))
  }

  @Test func theCommittedDemoFilesAreTheGeneratorsOutputForSeed2020() throws {
    let folder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Deploy/demo")
    let expected = [
      "units.csv": Self.bloc.unitsCSV, "people.csv": Self.bloc.peopleCSV, "studies.csv": Self.bloc.studiesCSV,
      "values.csv": Self.bloc.valuesCSV,
    ]
    for (name, text) in expected {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      #expect(data == Data(text.utf8), "Deploy/demo/\(name) differs from the generator's output")
    }
  }

  @Test func theDemoYieldsAReportForEveryIndicator() throws {
    let bloc = Self.bloc
    let computed = IndicatorComputation(tree: bloc.tree, people: bloc.people).compute(bloc.set, period: .year(2024))
    let report = try IndicatorReport.build(
      set: bloc.set, period: .year(2024), tree: bloc.tree, values: bloc.values + computed.values,
      generatedAt: Date(timeIntervalSince1970: 1_735_660_800))
    #expect(report.sections.count == 10)
    #expect(report.sections.first { $0.indicator.code == "1" }?.aggregate.ratio.hasData == true)
    #expect(report.sections.first { $0.indicator.code == "3a" }?.aggregate.outcome == .noData)
    #expect(report.sections.first { $0.indicator.code == "2" }?.rows.count == 40)
  }
}
