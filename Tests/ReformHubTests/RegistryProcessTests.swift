import Foundation
import ReformClient
import ReformWire
import Testing

/// The registry in real processes on PostgreSQL: a coordinator and two `registry` workers, each
/// with its own data folder as on two hosts, on one database, called over gRPC as any client
/// would. The coordinator spreads the calls over both; every read through either answers the
/// whole registry.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct RegistryProcessTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
  func twoWorkersOnOneDatabaseKeepOneRegistry() async throws {
    let (cluster, database) = try await Cluster.startedForSharedDatabase()
    let workers = try (0..<2).map { try cluster.startWorkerOnAnotherHost(module: "registry", index: $0, database: database) }
    try await cluster.waitForWorkers(2, limit: .seconds(30))
    try await cluster.withClient { client in
      let opened = CalendarDate(year: 2024, month: 1, day: 1)
      _ = try await client.call(
        RegistryService.CreateUnit.self,
        CreateUnitRequest(
          unit: OrgUnit(
            code: "DUK", name: "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu", kind: .blocCommittee,
            organId: "000.00.00.H41", opened: opened)),
        timeout: .seconds(30))
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 1...10 {
          group.addTask {
            _ = try await client.call(
              RegistryService.CreateUnit.self,
              CreateUnitRequest(
                unit: OrgUnit(
                  code: "CB-\(index)", name: "Chi bộ số \(index)", kind: .grassrootsCell, parentCode: "DUK",
                  organId: "000.00.\(10 + index).H41", opened: opened),
                idempotencyKey: "unit-\(index)"),
              timeout: .seconds(60))
            _ = try await client.call(
              RegistryService.CreatePerson.self,
              CreatePersonRequest(person: Person(fullName: "Đảng viên \(index)", categories: [.civilServant], unitCode: "CB-\(index)")),
              timeout: .seconds(60))
          }
        }
        try await group.waitForAll()
      }
      let ids: [String] = (1...10).map { number in
        let digits = String(number)
        return "NV" + String(repeating: "0", count: 6 - digits.count) + digits
      }
      // Six reads, spread over both workers: each answers every unit and every person.
      for _ in 1...6 {
        let units = try await client.call(RegistryService.ListUnits.self, ListUnitsRequest(), timeout: .seconds(10))
        #expect(units.units.count == 11)
        let people = try await client.call(
          RegistryService.ListPeople.self, ListPeopleRequest(page: PageRequest(pageSize: 100)), timeout: .seconds(10))
        #expect(people.people.map(\.id).sorted() == ids)
      }
      // Both workers served: the data is not one worker's.
      let listed = try await client.call(AdminService.ListWorkers.self, AdminListWorkersRequest(), timeout: .seconds(10))
      let registry = listed.workers.filter { $0.module == "registry" }
      #expect(registry.count == 2)
      #expect(registry.allSatisfy { $0.done > 0 }, "\(registry.map(\.done))")
      cluster.kill9(workers[0])
      let afterKill = try await client.call(RegistryService.ListUnits.self, ListUnitsRequest(), timeout: .seconds(30))
      #expect(afterKill.units.count == 11)
    }
  }
}
