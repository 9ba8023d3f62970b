import Foundation
import GRDB
import ReformModule
import ReformModuleTesting
import ReformWire
import Testing

@Suite("A busy store")
struct BusyStoreTests {
  /// SQLite's lock; on PostgreSQL a server that is away is the busy case (`ExchangePostgresTests`).
  @Test(.enabled(if: !TestStore.isPostgres))
  func aFileLockedPastTheBusyTimeoutIsUnavailableAndSafeToRetry() async throws {
    let bed = try await TestBed.make()
    // Another process holds the write lock for longer than the store waits (ten seconds).
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: bed.databasePath, configuration: configuration)
    try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    let error = await failure {
      try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    }
    try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
    #expect(error?.code == .unavailable, "\(error.map(String.init(describing:)) ?? "no error")")
    #expect(error?.message.contains("the exchange store is busy") == true)
    // Once the lock is gone the same call goes through.
    let sent = try await bed.invoke(ExchangeService.Send.self, Sample.send(), as: Caller.clerk("DUK"))
    #expect(!sent.deliveries.isEmpty)
  }
}
