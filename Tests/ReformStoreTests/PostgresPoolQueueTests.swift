import Foundation
import ReformStore
import Testing

/// A full pool is a queue, not a server that cannot be reached. `Deploy/test` runs this suite
/// alone: beside a thousand other tests on two cores, a free connection can wait longer than
/// the one-second bound for its caller to be scheduled, which is not what this pins.
@Suite struct PostgresPoolQueueTests {
  /// Two connections, a one-second connect timeout, and twelve writes of 0.3 s each asked
  /// for at once: the last ones wait about 1.8 s for a connection, past the bound, while the
  /// server answers all along. A full pool is a queue, not a server that cannot be reached:
  /// every write goes through.
  @Test(.needsPostgres) func callersQueuedBehindAFullPoolWaitTheirTurnPastTheConnectTimeout() async throws {
    var settings = try PostgresTestServer.settings(poolSize: 2)
    settings.connectTimeout = 1
    let store = try PostgresStore(
      settings: settings, name: "test", schema: PostgresTestServer.freshSchema(),
      migrations: PostgresTestServer.migrations(["notes": "CREATE TABLE notes (body TEXT NOT NULL)"]))
    // Migrations first, so that the queue below is of writes only.
    _ = try await PostgresStoreTests.notes(store)
    let started = ContinuousClock.now
    let failures = await withTaskGroup(of: (any Error)?.self) { group in
      for index in 0..<12 {
        group.addTask {
          do {
            try await store.write { db in
              try await db.execute("SELECT pg_sleep(0.3)")
              try await db.execute("INSERT INTO notes (body) VALUES (\("note \(index)"))")
            }
            return nil
          } catch {
            return error
          }
        }
      }
      return await group.reduce(into: [any Error]()) { if let error = $1 { $0.append(error) } }
    }
    let waited = ContinuousClock.now - started
    #expect(failures.isEmpty, "\(failures.count) of 12 queued writes failed: \(failures.first.map { "\($0)" } ?? "")")
    #expect(waited > .seconds(1), "the queue drained in \(waited), within the bound: it tested nothing")
    #expect(try await PostgresStoreTests.notes(store).count == 12)
    await PostgresTestServer.dispose(store)
  }
}
