import Foundation
import ReformClient
import ReformModuleTesting
import ReformSecurity
import ReformWire
import Testing

/// `reformd up --database-url` on two hosts: two embedded systems, each with a data folder of
/// its own, on one PostgreSQL database. The second finds the registry the first loaded with
/// the demo — its own load of the same files writes nothing new — and both answer the same
/// report.
@Suite(
  .serialized, .timeLimit(.minutes(12)),
  .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct UpOnPostgresTests {
  @Test func twoUpsOnOneDatabaseServeOneRegistry() async throws {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let first = try UpProcess(database: database)
    defer { first.stop() }
    let firstCounts = try await first.demoCounts()
    #expect(firstCounts.units == 161)
    #expect(firstCounts.people == 2_500)
    let second = try UpProcess(database: database)
    defer { second.stop() }
    let secondCounts = try await second.demoCounts()
    #expect(secondCounts.units == firstCounts.units)
    #expect(secondCounts.people == firstCounts.people)
    let reports = try await [first, second].asyncMap { up in try await up.call { client in try await Self.reportRows(client) } }
    #expect(!reports[0].isEmpty)
    #expect(reports[0] == reports[1])
  }

  /// The 2024 report of 01-NQ/ĐUK, each row as its unit, indicator and figures.
  static func reportRows(_ client: ReformClient) async throws -> [String] {
    let report = try await client.call(
      RegistryService.Report.self,
      RegistryReportRequest(setId: "01-NQ-DUK-2020-2025", periods: [ReformWire.Period(type: .year, year: 2024)]),
      timeout: .seconds(30))
    return report.rows.map { row in
      let result = row.result
      return "\(row.unitCode) \(row.indicatorCode) \(result?.numerator ?? -1)/\(result?.denominator ?? -1)"
    }
  }
}

extension UpProcess {
  /// `reformd up --demo` on `database`.
  convenience init(database: String) throws {
    try self.init(extra: ["--demo", "--database-url", database])
  }

  /// Calls through this system's coordinator as its administrator.
  func call<R: Sendable>(_ body: @Sendable (ReformClient) async throws -> R) async throws -> R {
    let token = try TokenFile.read(from: directory + "/admin.token")
    return try await ReformClient.connect(to: address, token: token, body)
  }

  /// The registry's units (closed ones too) and people (departed ones too) once the demo has
  /// loaded (within 5 minutes: the demo fills every module).
  func demoCounts() async throws -> (units: Int, people: Int) {
    let deadline = ContinuousClock.now + .seconds(300)
    while !FileManager.default.fileExists(atPath: directory + "/demo.loaded") {
      guard ContinuousClock.now < deadline, process.isRunning else {
        throw ClusterError(description: "reformd up in \(directory) did not load the demo (running: \(process.isRunning))")
      }
      try await Task.sleep(for: .milliseconds(200))
    }
    return try await call { client in
      let units = try await client.call(
        RegistryService.ListUnits.self, ListUnitsRequest(page: PageRequest(pageSize: 1_000), includeClosed: true), timeout: .seconds(30))
      var people = 0
      var token = ""
      repeat {
        let page = try await client.call(
          RegistryService.ListPeople.self, ListPeopleRequest(page: PageRequest(pageSize: 1_000, pageToken: token), includeDeparted: true),
          timeout: .seconds(30))
        people += page.people.count
        token = page.page?.nextPageToken ?? ""
      } while !token.isEmpty
      return (units.units.count, people)
    }
  }
}

extension Array where Element: Sendable {
  fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
    var results: [T] = []
    for element in self { results.append(try await transform(element)) }
    return results
  }
}
