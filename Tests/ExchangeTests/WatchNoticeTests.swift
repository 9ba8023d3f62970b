import Foundation
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Exchange

/// On PostgreSQL a Watch waiting in one worker is woken by the notice a send through another
/// worker commits, not by its poll: here the poll is ten minutes, so only the notice can end
/// the wait within the test's minute.
@Suite("Watch woken by LISTEN/NOTIFY on PostgreSQL", .enabled(if: TestStore.isPostgres, "the run is on SQLite"))
struct WatchNoticeTests {
  struct StillWaiting: Error {}

  /// Runs `body`, failing with ``StillWaiting`` once a minute has passed.
  private func withinAMinute<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
      group.addTask { try await body() }
      group.addTask {
        try await Task.sleep(for: .seconds(60))
        throw StillWaiting()
      }
      defer { group.cancelAll() }
      return try await group.next()!
    }
  }

  /// A second worker's store on `bed`'s schema whose Watch polls every ten minutes, listening.
  private func listeningStore(on bed: TestBed) async throws -> ExchangePostgresStore {
    guard case .postgres(let settings, let schema) = bed.store else { throw StillWaiting() }
    let store = try ExchangePostgresStore(settings: settings, schema: schema ?? "exchange", watchPoll: .seconds(600))
    store.follow()
    try await withinAMinute {
      while !store.isListening { try await Task.sleep(for: .milliseconds(20)) }
    }
    return store
  }

  @Test func aWaitingWatchIsWokenByASendThroughAnotherWorker() async throws {
    let bed = try await TestBed.make()
    let store = try await listeningStore(on: bed)
    let before = try await store.latestEventSeq(unitCode: "SNV")
    let mark = store.eventMark()
    let waiting = Task { try await store.awaitEvents(unitCode: "SNV", since: mark) }
    _ = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(number: "1", receivers: [Sample.homeAffairs]), as: Caller.clerk("DUK"))
    try await withinAMinute {
      try await withTaskCancellationHandler { try await waiting.value } onCancel: { waiting.cancel() }
    }
    let events = try await store.events(unitCode: "SNV", after: before, includeNotices: false, limit: 10)
    #expect(events.count == 1)
  }

  /// A send committed after the mark but before the wait began still ends the wait at once.
  @Test func aSendBetweenTheReadAndTheWaitIsNotSleptThrough() async throws {
    let bed = try await TestBed.make()
    let store = try await listeningStore(on: bed)
    let mark = store.eventMark()
    _ = try await bed.invoke(
      ExchangeService.Send.self, Sample.send(number: "1", receivers: [Sample.homeAffairs]), as: Caller.clerk("DUK"))
    // The notice may still be on its way: the wait below ends when it arrives, or at once if it has.
    try await withinAMinute { try await store.awaitEvents(unitCode: "SNV", since: mark) }
    #expect(store.eventMark() > mark)
  }

  /// A Watch through the module: the other worker's send reaches it as an event, woken by the
  /// notice (the module's own poll on PostgreSQL is a second, the guard a minute).
  @Test func aWatchThroughTheModuleSeesAnotherWorkersSend() async throws {
    let bed = try await TestBed.make()
    let other = try TestBed(sharing: bed)
    let clerk = Caller.clerk("SNV")
    let listed = try await bed.invoke(ExchangeService.ListInbox.self, ExchangeListInboxRequest(), as: clerk)
    async let events = bed.watch(ExchangeWatchRequest(cursor: listed.watchCursor), as: clerk, until: 1)
    _ = try await other.invoke(
      ExchangeService.Send.self, Sample.send(number: "7", receivers: [Sample.homeAffairs]), as: Caller.clerk("DUK"))
    #expect(try await events.map(\.arrivalNumber) == [1])
  }
}
