import Foundation
import GRPCCore
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Registry

/// Registry workers on several hosts, as two module instances — each with its own connection
/// pool and its own registry in memory — on one PostgreSQL schema: what one writes, the other
/// reads at its next call, and writes sent to both at once come out as one writer's would.
/// Runs on the test server whatever engine the rest of the run uses.
@Suite("Registry workers on one PostgreSQL database", .needsPostgres)
struct PostgresWorkerTests {
  /// Two workers on a new schema holding the small bloc.
  static func workers() async throws -> (RegistryHarness, RegistryHarness) {
    let first = try RegistryHarness(folder: try TemporaryFolder("registry-workers"), store: try TestPostgres.freshStore("registry_w"))
    try await first.seedSmallBloc()
    return (first, try first.reopened())
  }

  @Test func bothDialectsMigrateToTheSameTablesAndColumns() async throws {
    let folder = try TemporaryFolder("registry-dialects")
    let sqlite = StoreLocation.sqlite(path: folder.file("reform.sqlite"))
    let postgres = try TestPostgres.freshStore("registry_shape")
    for location in [sqlite, postgres] {
      // Migrations run when a store opens (SQLite) or before its first operation (PostgreSQL).
      let registry = try RegistryHarness(folder: folder, store: location)
      _ = try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest())
    }
    let sqliteShape = try await TestStore.schemaShape(sqlite, prefix: "registry_")
    let postgresShape = try await TestStore.schemaShape(postgres, prefix: "registry_")
    #expect(sqliteShape.keys.sorted() == postgresShape.keys.sorted())
    for table in sqliteShape.keys.sorted() {
      #expect(sqliteShape[table] == postgresShape[table], "\(table) differs between the dialects")
    }
    #expect(sqliteShape.count == 11)
  }

  @Test func whatOneWorkerWritesTheOtherReadsAtItsNextCall() async throws {
    let (first, second) = try await Self.workers()
    #expect(try await second.call(RegistryService.ListUnits.self, ListUnitsRequest()).units.count == 6)
    let unit = OrgUnit(
      code: "CBCS-PG", name: "Chi bộ Sở Khoa học và Công nghệ", kind: .grassrootsCell, parentCode: "DUK",
      organId: "000.00.09.H41", opened: CalendarDate(year: 2024, month: 1, day: 1))
    _ = try await first.call(RegistryService.CreateUnit.self, CreateUnitRequest(unit: unit))
    let read = try await second.call(RegistryService.GetUnit.self, GetUnitRequest(code: "CBCS-PG", includeHistory: true))
    #expect(read.unit?.name == "Chi bộ Sở Khoa học và Công nghệ")
    #expect(read.history.count == 1)

    var person = try #require(try await first.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P2")).person)
    person.workplace = "Văn phòng Sở"
    _ = try await second.call(
      RegistryService.UpdatePerson.self, UpdatePersonRequest(person: person, updateFields: ["workplace"]))
    let changed = try await first.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P2")).person
    #expect(changed?.workplace == "Văn phòng Sở")
    #expect(changed?.studies == person.studies)

    // A worker that opens later starts from the database alone.
    let third = try first.reopened()
    #expect(try await third.call(RegistryService.GetUnit.self, GetUnitRequest(code: "CBCS-PG")).unit?.organId == "000.00.09.H41")
    #expect(try await third.call(RegistryService.GetPerson.self, GetPersonRequest(id: "P2")).person == changed)
  }

  @Test func peopleCreatedOnTwoWorkersAtOnceTakeDistinctIDsWithoutAGap() async throws {
    let (first, second) = try await Self.workers()
    let perWorker = 15
    let ids = try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0..<(2 * perWorker) {
        let worker = index % 2 == 0 ? first : second
        group.addTask {
          let created = try await worker.call(
            RegistryService.CreatePerson.self,
            CreatePersonRequest(person: Person(fullName: "Người thứ \(index)", categories: [.civilServant], unitCode: "DBCS-C")))
          return created.person?.id ?? ""
        }
      }
      var ids: [String] = []
      for try await id in group { ids.append(id) }
      return ids
    }
    let expected = (1...(2 * perWorker)).map { "NV" + String(repeating: "0", count: 6 - String($0).count) + String($0) }
    #expect(ids.sorted() == expected)
    for worker in [first, second] {
      let listed = try await worker.call(
        RegistryService.ListPeople.self, ListPeopleRequest(page: PageRequest(pageSize: 100), unitCode: "DBCS-C"))
      #expect(listed.people.count == 2 * perWorker)
    }
  }

  @Test func aKeyedRequestSentToBothWorkersAtOnceIsWrittenOnce() async throws {
    let (first, second) = try await Self.workers()
    let request = CreateUnitRequest(
      unit: OrgUnit(
        code: "CBCS-KEY", name: "Chi bộ Sở Tư pháp", kind: .grassrootsCell, parentCode: "DUK", organId: "000.00.10.H41",
        opened: CalendarDate(year: 2024, month: 1, day: 1)),
      idempotencyKey: "create-key-once")
    async let one = first.call(RegistryService.CreateUnit.self, request)
    async let other = second.call(RegistryService.CreateUnit.self, request)
    let answers = try await [one, other]
    #expect(answers[0] == answers[1])
    let read = try await first.call(RegistryService.GetUnit.self, GetUnitRequest(code: "CBCS-KEY", includeHistory: true))
    #expect(read.history.count == 1)
    // The same key for another unit is refused on either worker.
    var another = request
    another.unit?.code = "CBCS-KEY2"
    await expectRPCError(.alreadyExists, field: "idempotency_key") {
      try await second.call(RegistryService.CreateUnit.self, another)
    }
  }

  @Test func valuesReportedThroughTwoWorkersAtOnceAreAllKept() async throws {
    let (first, second) = try await Self.workers()
    // The units that report 3b, each through one of the two workers, all at once.
    let units = ["DBCS-A", "DBCS-C", "CBCS-B"]
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, unit) in units.enumerated() {
        let worker = index % 2 == 0 ? first : second
        group.addTask {
          _ = try await worker.call(
            RegistryService.ReportValues.self,
            ReportValuesRequest(
              setId: set01, unitCode: unit, period: year(2024),
              entries: [IndicatorValueEntry(indicatorCode: "3b", numerator: Int64(index + 1), denominator: 10)]))
        }
      }
      try await group.waitForAll()
    }
    for worker in [first, second] {
      let values = try await worker.call(
        RegistryService.ListValues.self, ListValuesRequest(setId: set01, indicatorCodes: ["3b"]))
      #expect(Set(values.values.map(\.unitCode)) == Set(units))
    }
  }

  /// A registry whose database cannot be reached answers reads and writes UNAVAILABLE — safe to
  /// repeat — naming the store, rather than failing as a fault or waiting out the caller.
  @Test func aRegistryWhoseDatabaseIsAwayAnswersUnavailable() async throws {
    // Nothing listens on port 1 (tcpmux).
    let away = StoreLocation.postgres(
      try PostgresSettings(url: "postgres://reform@127.0.0.1:1/reform?connect_timeout=1"), schema: "registry")
    let registry = try RegistryHarness(folder: try TemporaryFolder("registry-away"), store: away)
    let read = await status { try await registry.call(RegistryService.ListUnits.self, ListUnitsRequest()) }
    #expect(read?.code == .unavailable)
    #expect(read?.message.contains("registry store is busy") == true, "\(read?.message ?? "")")
    let write = await status {
      try await registry.call(
        RegistryService.CreateUnit.self,
        CreateUnitRequest(
          unit: OrgUnit(
            code: "DUK", name: "Đảng bộ Khối", kind: .blocCommittee, organId: "000.00.00.H41",
            opened: CalendarDate(year: 2024, month: 1, day: 1)),
          idempotencyKey: "away-1"))
    }
    #expect(write?.code == .unavailable)
  }
}
