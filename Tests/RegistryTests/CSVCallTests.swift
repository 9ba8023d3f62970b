import Foundation
import GRPCCore
import ReformWire
import Registry
import RegistryDomain
import Testing

@Suite("CSV import and export")
struct CSVCallTests {
  @Test func anImportWithOneBadLineWritesNothingAndNamesTheLineAndColumn() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let events = try await registry.importCSV(
      .people,
      """
      id,full_name,categories,unit_code
      P10,Giàng A Páo,WORKER,CBCS-B
      P11,Lý Thị Mai,WORKER,NOWHERE
      P12,Tẩn Văn Sơn,WORKER,CBCS-B

      """)
    let errors = events.flatMap(\.errors)
    #expect(errors.count == 1)
    #expect(errors.first?.line == 3)
    #expect(errors.first?.column == 4)
    #expect(errors.first?.field == "unit_code")
    let summary = try #require(events.last?.summary)
    #expect(!summary.applied)
    #expect(summary.errorCount == 1)
    #expect(summary.rowsRead == 3)
    let missing = await status { try await registry.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P10")) }
    #expect(missing?.code == .notFound)
  }

  @Test func aDryRunCountsWhatWouldChangeAndWritesNothing() async throws {
    let registry = try await RegistryHarness.smallBloc()
    let events = try await registry.importCSV(
      .people, "id,full_name,categories,unit_code\nP2,Lò Thị Bình,WORKER,DBCS-A-01\n,Người Mới,WORKER,CBCS-B\n", dryRun: true)
    let summary = try #require(events.last?.summary)
    #expect(summary.dryRun && !summary.applied)
    #expect(summary.created == 1 && summary.unchanged == 1)
    let people = try await registry.call(RegistryService.ListPeople.self, ListPeopleRequest())
    #expect(people.page?.totalCount == 3)
  }

  @Test func fileErrorsAndMalformedRequestsAreReported() async throws {
    let registry = try RegistryHarness()
    let noKind = await status {
      try await registry.stream(RegistryService.ImportCsv.self, RegistryImportCsvRequest(csv: Array("code\n".utf8)))
    }
    #expect(noKind?.message.hasPrefix("kind:") == true)
    let empty = await status { try await registry.stream(RegistryService.ImportCsv.self, RegistryImportCsvRequest(kind: .units)) }
    #expect(empty?.message.hasPrefix("csv:") == true)
    let notUTF8 = try await registry.stream(
      RegistryService.ImportCsv.self,
      RegistryImportCsvRequest(kind: .units, csv: Array("code,name,kind,parent_code,opened\nDUK,Kh".utf8) + [0xFF, 0xFE] + Array(",BLOC_COMMITTEE,,2004-06-01\n".utf8)))
    #expect(notUTF8.flatMap(\.errors).first?.line == 2)
    #expect(notUTF8.last?.summary?.applied == false)
  }

  @Test func theDemoLoadsOnceThroughImportAndExportsBackUnchanged() async throws {
    let registry = try RegistryHarness()
    let folder = registry.directory.appendingPathComponent("demo")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bloc = DemoBloc.generate(seed: 7, scale: DemoScale(grassrootsOrganisations: 6, subordinateCells: 10, people: 120))
    for (name, text) in [("units.csv", bloc.unitsCSV), ("people.csv", bloc.peopleCSV), ("studies.csv", bloc.studiesCSV), ("values.csv", bloc.valuesCSV)] {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    let first = try await registry.module.loadDemo(from: folder.path)
    #expect(first.map(\.applied) == [true, true, true, true])
    #expect(first[1].created == 120)
    let again = try await registry.module.loadDemo(from: folder.path)
    #expect(again.map(\.created) == first.map(\.created))
    let units = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .units, includeClosed: true))
    let text = String(decoding: units.flatMap(\.data), as: UTF8.self)
    #expect(units.reduce(0) { $0 + $1.rows } == Int64(bloc.tree.count))
    let reimport = try await registry.importCSV(.units, text)
    #expect(reimport.last?.summary?.unchanged == Int64(bloc.tree.count))
    let people = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .people, includeClosed: true))
    #expect(String(decoding: people.flatMap(\.data), as: UTF8.self) == bloc.peopleCSV)
  }

  @Test func anExportIsCutAtRecordEndsWithItsRowsCounted() async throws {
    let registry = try RegistryHarness()
    let bloc = DemoBloc.generate(seed: 3, scale: DemoScale(grassrootsOrganisations: 10, subordinateCells: 20, people: 2_000))
    try await registry.importCSV(.units, bloc.unitsCSV)
    try await registry.importCSV(.people, bloc.peopleCSV)
    let chunks = try await registry.stream(RegistryService.ExportCsv.self, RegistryExportCsvRequest(kind: .people, includeClosed: true, withBom: true))
    #expect(chunks.count > 1)
    #expect(chunks.reduce(0) { $0 + $1.rows } == 2_000)
    #expect(chunks.allSatisfy { $0.data.suffix(2) == Array("\r\n".utf8) })
    #expect(chunks[0].data.prefix(3) == [0xEF, 0xBB, 0xBF])
  }
}
