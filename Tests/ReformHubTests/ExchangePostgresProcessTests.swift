import Foundation
import ReformClient
import ReformModuleTesting
import ReformWire
import Testing

/// The exchange on PostgreSQL in real processes, as on several hosts: exchange workers with
/// data folders of their own, attached to one coordinator, sharing one database. Each test
/// gets a new database on the test server (`REFORM_TEST_DATABASE_URL`, which `Deploy/test`
/// sets to a throwaway cluster on loopback).
@Suite(
  .serialized, .timeLimit(.minutes(10)),
  .enabled(if: ExchangeBloc.registryIsHosted, "this reformd hosts no registry module yet"),
  .enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
struct ExchangePostgresProcessTests {
  /// On SQLite each worker kept its own file: one unit's inbox read 2, 8, 2, 8… of ten.
  @Test func twoWorkersWithTheirOwnDataFoldersAnswerEveryInboxReadWithAllTenDocuments() async throws {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let bloc = try await ExchangeBloc.start(database: database, exchangeWorkers: 2)
    let sender = ExchangeBloc.senders[0]
    let receiver = ExchangeBloc.receivers[0]
    try await bloc.cluster.withClient { client in
      for number in 1...10 {
        let request = ExchangeBloc.send(number: number, from: sender, to: [receiver], key: "\(bloc.run)-ten-\(number)")
        _ = try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: nil)
      }
      // Both workers up; then each alone, the other killed.
      for _ in 1...6 { #expect(try await Self.inboxNumbers(receiver.code, client) == Array(1...10)) }
      bloc.cluster.kill9(bloc.exchangeWorkers[0])
      for _ in 1...3 { #expect(try await Self.inboxNumbers(receiver.code, client) == Array(1...10), "read through worker 1") }
      try bloc.replaceExchangeWorker(0)
      try await bloc.waitForWorkers()
      bloc.cluster.kill9(bloc.exchangeWorkers[1])
      for _ in 1...3 { #expect(try await Self.inboxNumbers(receiver.code, client) == Array(1...10), "read through worker 0") }
    }
  }

  /// An attachment uploaded and sent through one worker is served — fetched byte for byte and
  /// carried in an edXML export — by a worker on another data folder that never saw it, with
  /// the first worker killed. Beside SQLite the content was a file of the first worker's folder.
  @Test func anAttachmentUploadedThroughOneWorkerIsServedByAnotherWithItsOwnDataFolder() async throws {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let bloc = try await ExchangeBloc.start(database: database, exchangeWorkers: 2)
    let sender = ExchangeBloc.senders[0]
    let receiver = ExchangeBloc.receivers[0]
    // Three chunks and a part, with every byte value.
    let content = (0..<(3 * 65_536 + 1_234)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    bloc.cluster.kill9(bloc.exchangeWorkers[1])
    try await bloc.cluster.withClient { client in
      let document = try await Self.retryingWhileUnavailable {
        let upload = try await client.call(
          ExchangeService.BeginUpload.self,
          ExchangeBeginUploadRequest(
            idempotencyKey: "\(bloc.run)-upload", unitCode: sender.code, name: "Báo cáo cải cách.pdf",
            mediaType: "application/pdf", sizeBytes: Int64(content.count)),
          timeout: .seconds(30))
        for offset in stride(from: 0, to: content.count, by: 65_536) {
          _ = try await client.call(
            ExchangeService.UploadChunk.self,
            ExchangeUploadChunkRequest(
              uploadId: upload.uploadId, offset: Int64(offset), content: Array(content[offset..<min(offset + 65_536, content.count)])),
            timeout: .seconds(30))
        }
        let attachment = try await client.call(
          ExchangeService.CommitUpload.self, ExchangeCommitUploadRequest(uploadId: upload.uploadId), timeout: .seconds(30))
        var request = ExchangeBloc.send(number: 1, from: sender, to: [receiver], key: "\(bloc.run)-with-attachment")
        request.attachmentIds = [attachment.attachmentId]
        return try #require(
          try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: nil).document)
      }
      try bloc.replaceExchangeWorker(1)
      try await bloc.waitForWorkers()
      bloc.cluster.kill9(bloc.exchangeWorkers[0])
      let attachment = try #require(document.attachments.first)
      let fetched = try await Self.retryingWhileUnavailable {
        let chunks = ChunkLog()
        try await client.stream(
          ExchangeService.FetchAttachment.self,
          ExchangeFetchAttachmentRequest(documentId: document.documentId, attachmentId: attachment.attachmentId, unitCode: receiver.code),
          timeout: .seconds(30)
        ) { chunk in chunks.append(chunk.content) }
        return chunks.bytes
      }
      #expect(fetched == content)
      let envelope = try await Self.retryingWhileUnavailable {
        let chunks = ChunkLog()
        try await client.stream(
          ExchangeService.ExportEdxml.self, ExchangeExportEdxmlRequest(documentId: document.documentId), timeout: .seconds(30)
        ) { chunk in chunks.append(chunk.content) }
        return chunks.bytes
      }
      // The attachment travels base64-encoded in the envelope, perhaps in lines.
      let compact = String(decoding: envelope, as: UTF8.self).filter { !$0.isWhitespace }
      #expect(compact.contains(Data(content).base64EncodedString()))
    }
  }

  /// `body` again while it fails with UNAVAILABLE (a worker just killed), for up to 30 s.
  private static func retryingWhileUnavailable<T: Sendable>(_ body: () async throws -> T) async throws -> T {
    let deadline = ContinuousClock.now + .seconds(30)
    while true {
      do {
        return try await body()
      } catch let error as ReformError where error.code == .unavailable && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(200))
      }
    }
  }

  @Test func eightSendersThroughThreeWorkersNumberOneToFourThousandAndAWatchCutByKillsMissesNothing() async throws {
    let database = try #require(try await TestStore.freshDatabaseURL())
    let bloc = try await ExchangeBloc.start(database: database, exchangeWorkers: 3)
    let receiver = ExchangeBloc.receivers[0]
    let lanes = 8
    let perLane = 500
    let total = lanes * perLane
    let ledger = SendLedger()
    let watched = WatchLog()
    let started = ContinuousClock.now

    try await bloc.cluster.withClient { client in
      let start = try await client.call(
        ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: receiver.code),
        timeout: .seconds(30)
      ).watchCursor
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await watched.reportingFailure {
            try await ExchangeBloc.watch(receiver.code, from: start, until: total, into: watched, client: client)
          }
        }
        for lane in 0..<lanes {
          let sender = ExchangeBloc.senders[lane % ExchangeBloc.senders.count]
          group.addTask {
            try await ledger.reportingFailure {
              for index in 1...perLane {
                let number = lane * 10_000 + index
                let request = ExchangeBloc.send(number: number, from: sender, to: [receiver], key: "\(bloc.run)-\(number)")
                let response = try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: ledger)
                await ledger.record(response, from: sender.code)
              }
            }
          }
        }
        // Every worker is killed once while the watch runs: the one serving it among them.
        for (index, events) in [(0, total / 4), (1, total / 2), (2, 3 * total / 4)] {
          try await watched.waitFor(events: events)
          try bloc.replaceExchangeWorker(index)
        }
        try await group.waitForAll()
      }
    }

    let acknowledged = await ledger.responses
    #expect(acknowledged.count == total)
    let numbers = acknowledged.flatMap { $0.response.deliveries.map(\.arrivalNumber) }
    #expect(numbers.sorted() == Array(1...Int64(total)), "arrival numbers have a gap or a repeat")
    let events = await watched.events
    #expect(events.count == total)
    #expect(Set(events.map(\.documentId)) == Set(acknowledged.compactMap { $0.response.document?.documentId }))
    #expect(events.map(\.arrivalNumber) == Array(1...Int64(total)), "the watch delivered arrivals out of number order")
    #expect(Set(events.map(\.cursor)).count == events.count, "a cursor came twice")
    let breaks = await watched.breaks
    #expect(breaks >= 1, "no kill cut the watch")
    try await bloc.cluster.withClient { client in
      let inbox = try await ExchangeBloc.inbox(of: receiver.code, client: client)
      #expect(inbox.compactMap { $0.delivery?.arrivalNumber }.sorted() == Array(1...Int64(total)))
    }
    let seconds = Double((ContinuousClock.now - started).components.seconds)
    print(
      "exchange on PostgreSQL: \(total) sends by \(lanes) lanes through 3 workers in \(Int(seconds)) s, arrival numbers 1…\(total); "
        + "the watch got all \(events.count) in order through \(breaks) broken streams; \(await ledger.retries) sends repeated")
  }

  /// The arrival numbers in `unit`'s inbox, read through every page, asking again while the
  /// module has no worker for a moment (a worker was just killed).
  private static func inboxNumbers(_ unit: String, _ client: ReformClient) async throws -> [Int64] {
    var attempts = 0
    while true {
      do {
        return try await ExchangeBloc.inbox(of: unit, client: client).compactMap { $0.delivery?.arrivalNumber }.sorted()
      } catch let error as ReformError {
        guard error.code == .unavailable, attempts < 500 else { throw error }
        attempts += 1
        try await Task.sleep(for: .milliseconds(20))
      }
    }
  }
}

/// The bytes of a stream's chunks, in order.
private final class ChunkLog: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [UInt8] = []

  func append(_ bytes: [UInt8]) { lock.withLock { collected += bytes } }
  var bytes: [UInt8] { lock.withLock { collected } }
}
