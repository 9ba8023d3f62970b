import Foundation
import ReformClient
import ReformWire
import Testing

/// The exchange module in real processes — a coordinator, a registry worker that knows the
/// bloc's units, and an exchange worker — under `kill -9` of the worker and of the coordinator:
/// every send a sender was told about is stored exactly once, each receiver's arrival numbers
/// run 1, 2, 3… without a gap, and a Watch resumed from its last cursor misses nothing and
/// repeats nothing.
@Suite(.serialized, .timeLimit(.minutes(10)), .enabled(if: ExchangeBloc.registryIsHosted, "this reformd hosts no registry module yet"))
struct ExchangeProcessTests {
  @Test func everyAcknowledgedSendIsStoredOnceWithGaplessArrivalNumbersAcrossKills() async throws {
    let bloc = try await ExchangeBloc.start()
    let senders = Array(ExchangeBloc.senders.prefix(4))
    let perSender = 200
    let ledger = SendLedger()
    let started = ContinuousClock.now

    try await bloc.cluster.withClient { client in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for sender in senders {
          group.addTask {
            try await ledger.reportingFailure {
              for number in 1...perSender {
                let request = ExchangeBloc.send(
                  number: number, from: sender, to: ExchangeBloc.receivers, key: "\(bloc.run)-\(sender.code)-\(number)")
                let response = try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: ledger)
                await ledger.record(response, from: sender.code)
              }
            }
          }
        }
        // Each kill waits for a state of the load, never for a time: sends acknowledged so far,
        // and for the worker, a call in its hands.
        try await ledger.waitFor(acknowledged: 150)
        try await bloc.cluster.waitUntilBusy(bloc.exchangeWorker)
        try bloc.replaceExchangeWorker()
        try await ledger.waitFor(acknowledged: 400)
        try bloc.restartCoordinator()
        try await ledger.waitFor(acknowledged: 600)
        try await bloc.waitForWorkers()
        try await bloc.cluster.waitUntilBusy(bloc.exchangeWorker)
        try bloc.replaceExchangeWorker()
        try await group.waitForAll()
      }
    }
    try await bloc.waitForWorkers()

    let acknowledged = await ledger.responses
    #expect(acknowledged.count == senders.count * perSender)
    try await bloc.cluster.withClient { client in
      // The sender's book: each acknowledged document once, and nothing else.
      for sender in senders {
        let listed = try await ExchangeBloc.sent(by: sender.code, client: client).compactMap { $0.document?.documentId }
        let expected = Set(acknowledged.filter { $0.sender == sender.code }.compactMap { $0.response.document?.documentId })
        #expect(listed.count == perSender, "\(sender.code) lists \(listed.count) documents")
        #expect(Set(listed).count == listed.count, "\(sender.code) lists a document twice")
        #expect(Set(listed) == expected, "\(sender.code): listed and acknowledged differ")
      }
      // Each document as read back: the copies the sender was told about, numbers included.
      for (sender, response) in acknowledged {
        let documentId = try #require(response.document?.documentId)
        let stored = try await client.call(
          ExchangeService.GetDocument.self, ExchangeGetDocumentRequest(documentId: documentId, unitCode: sender), timeout: .seconds(30))
        #expect(ExchangeBloc.numbers(stored.deliveries) == ExchangeBloc.numbers(response.deliveries), "\(documentId)")
      }
      // The receivers' books: 1, 2, 3… with no gap and no repeat.
      for receiver in ExchangeBloc.receivers {
        let inbox = try await ExchangeBloc.inbox(of: receiver.code, client: client)
        let numbers = inbox.compactMap { $0.delivery?.arrivalNumber }.sorted()
        #expect(numbers == Array(1...Int64(senders.count * perSender)), "\(receiver.code)'s arrival numbers have a gap or a repeat")
        #expect(Set(inbox.compactMap { $0.delivery?.arrivalYear }).count == 1)
      }
    }
    let retried = await ledger.retries
    let replayed = acknowledged.filter { $0.response.replayed }.count
    #expect(retried > 0, "the kills hit no send")
    print(
      "exchange under kill -9: \(acknowledged.count) sends by \(senders.count) senders in \(Self.seconds(ContinuousClock.now - started)), "
        + "\(retried) attempts repeated after UNAVAILABLE, \(replayed) answered as repeats of a stored send")
  }

  private static func seconds(_ duration: Duration) -> String {
    String(format: "%.1f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
  }

  @Test func aWatchCutByKillingTheWorkerResumesFromItsCursorWithoutLossOrRepeat() async throws {
    let bloc = try await ExchangeBloc.start()
    let sender = ExchangeBloc.senders[0]
    let receiver = ExchangeBloc.receivers[0]
    let total = 300
    let watched = WatchLog()

    let sent = try await bloc.cluster.withClient { client in
      let start = try await client.call(
        ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: receiver.code),
        timeout: .seconds(30)
      ).watchCursor
      return try await withThrowingTaskGroup(of: [String].self) { group in
        group.addTask {
          try await watched.reportingFailure {
            try await ExchangeBloc.watch(receiver.code, from: start, until: total, into: watched, client: client)
          }
          return []
        }
        group.addTask {
          try await watched.reportingFailure {
            var sent: [String] = []
            for number in 1...total {
              let request = ExchangeBloc.send(number: number, from: sender, to: [receiver], key: "\(bloc.run)-watch-\(number)")
              let response = try await ExchangeBloc.sendUntilAcknowledged(request, client: client, ledger: nil)
              sent.append(try #require(response.document?.documentId))
            }
            return sent
          }
        }
        try await watched.waitFor(events: 100)
        try bloc.replaceExchangeWorker()
        try await watched.waitFor(events: 200)
        try bloc.replaceExchangeWorker()
        var sent: [String] = []
        for try await ids in group { sent += ids }
        return sent
      }
    }

    let events = await watched.events
    #expect(events.count == total)
    #expect(events.map(\.documentId) == sent, "the watch delivered another sequence than the one sent")
    #expect(events.map(\.arrivalNumber) == Array(1...Int64(total)))
    #expect(Set(events.map(\.cursor)).count == events.count, "a cursor came twice")
    let breaks = await watched.breaks
    #expect(breaks >= 1, "no kill cut the stream")
    print("exchange watch: \(events.count) arrivals in order through \(breaks) broken streams, each resumed from its last cursor")
  }
}

/// A bloc in processes: a coordinator, a registry worker holding the bloc's units, and an exchange
/// worker that finds them through it; the units' documents as the tests send them.
struct ExchangeBloc: Sendable {
  /// A unit of the test bloc, with the OrganId the exchange addresses it by.
  struct Unit: Sendable {
    var code: String
    var organId: String
    var name: String
  }

  static let root = Unit(code: "DUK", organId: "000.00.00.H41", name: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu")
  static let receivers = [
    Unit(code: "DBCS-SNV", organId: "000.00.31.H41", name: "Sở Nội vụ tỉnh Lai Châu"),
    Unit(code: "DBCS-STC", organId: "000.00.32.H41", name: "Sở Tài chính tỉnh Lai Châu"),
  ]
  static let senders = [
    Unit(code: "CBCS-SYT", organId: "000.00.33.H41", name: "Sở Y tế tỉnh Lai Châu"),
    Unit(code: "CBCS-SGD", organId: "000.00.34.H41", name: "Sở Giáo dục và Đào tạo tỉnh Lai Châu"),
    Unit(code: "CBCS-SXD", organId: "000.00.35.H41", name: "Sở Xây dựng tỉnh Lai Châu"),
    Unit(code: "CBCS-STP", organId: "000.00.36.H41", name: "Sở Tư pháp tỉnh Lai Châu"),
  ]

  /// Whether the `reformd` under test can host the registry, without which the exchange cannot
  /// resolve a unit.
  static let registryIsHosted = (try? HostedModules.list().contains("registry")) ?? false

  let cluster: Cluster
  /// Tells this run's idempotency keys apart from any other's.
  let run = String(UUID().uuidString.prefix(8))
  /// The shared PostgreSQL database of the exchange workers; nil when each keeps SQLite in
  /// the cluster's data folder.
  let database: String?
  private let current: Current

  /// The (first) exchange worker now running.
  var exchangeWorker: Process { current.workers[0] }
  /// Every exchange worker now running.
  var exchangeWorkers: [Process] { current.workers }

  /// Starts the processes and creates the units in the registry: `exchangeWorkers` exchange
  /// workers, each with a data folder of its own and all on `database` when it is given (as
  /// on separate hosts), else one on the cluster's folder.
  static func start(database: String? = nil, exchangeWorkers: Int = 1) async throws -> ExchangeBloc {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    // A worker reads the modules' service token when it starts: without it the exchange would
    // keep its own, empty, unit directory instead of asking the registry.
    try await cluster.waitForServiceToken()
    try cluster.startWorker(module: "registry")
    var workers: [Process] = []
    for index in 0..<exchangeWorkers {
      workers.append(try startExchangeWorker(index, cluster: cluster, database: database))
    }
    let bloc = ExchangeBloc(cluster: cluster, database: database, current: Current(workers: workers))
    try await bloc.waitForWorkers()
    try await cluster.withClient { client in
      let opened = CalendarDate(year: 2004, month: 6, day: 1)
      var units = [
        OrgUnit(
          code: root.code, name: "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Lai Châu", kind: .blocCommittee, organId: root.organId,
          hostName: root.name, hostKind: .partyOrMassOrganisation, opened: opened)
      ]
      for unit in receivers {
        units.append(
          OrgUnit(
            code: unit.code, name: "Đảng bộ \(unit.name)", kind: .grassrootsCommittee, parentCode: root.code, organId: unit.organId,
            hostName: unit.name, hostKind: .agency, opened: opened))
      }
      for unit in senders {
        units.append(
          OrgUnit(
            code: unit.code, name: "Chi bộ \(unit.name)", kind: .grassrootsCell, parentCode: root.code, organId: unit.organId,
            hostName: unit.name, hostKind: .agency, opened: opened))
      }
      for unit in units {
        _ = try await client.call(
          RegistryService.CreateUnit.self, CreateUnitRequest(unit: unit, idempotencyKey: "unit-\(unit.code)"), timeout: .seconds(30))
      }
    }
    return bloc
  }

  /// Exchange worker `index`: on the cluster's folder, or with `database` on a data folder of
  /// its own, reading the cluster's worker secret and service token as a worker on another
  /// host would read its copies.
  private static func startExchangeWorker(_ index: Int, cluster: Cluster, database: String?) throws -> Process {
    guard let database else { return try cluster.startWorker(module: "exchange") }
    return try cluster.startWorkerOnAnotherHost(module: "exchange", index: index, database: database)
  }

  /// Waits for the registry and exchange workers to be attached, naming a worker that died.
  func waitForWorkers() async throws {
    do {
      try await cluster.waitForWorkers(1 + current.workers.count, limit: .seconds(30))
    } catch {
      let running = current.workers
      let dead = cluster.workers.filter { worker in !worker.isRunning && !running.contains { $0 === worker } }.count
      throw ClusterError(description: "\(error); \(dead) workers exited; logs:\n\((try? cluster.logs()) ?? "")")
    }
  }

  /// `kill -9` of exchange worker `index`, and a new one in its place on the same data.
  func replaceExchangeWorker(_ index: Int = 0) throws {
    cluster.kill9(current.workers[index])
    current.replace(index, with: try Self.startExchangeWorker(index, cluster: cluster, database: database))
  }

  /// `kill -9` of the coordinator, and a new one on the same socket and data; the workers
  /// reattach by themselves.
  func restartCoordinator() throws {
    if let coordinator = cluster.coordinator { cluster.kill9(coordinator) }
    try cluster.startCoordinator()
  }

  /// Letter `number` of `sender` to `receivers`, issued today, under `key`.
  static func send(number: Int, from sender: Unit, to receivers: [Unit], key: String) -> ExchangeSendRequest {
    let today = Calendar.vietnam.dateComponents([.year, .month, .day], from: Date())
    return ExchangeSendRequest(
      idempotencyKey: key, sender: ExchangeOrgan(unitCode: sender.code),
      metadata: ExchangeDocumentMetadata(
        issuingOrganName: sender.name, codeNumber: String(number), codeNotation: "CV-TEST", place: "Lai Châu",
        issuedDate: CalendarDate(year: Int32(today.year ?? 0), month: Int32(today.month ?? 0), day: Int32(today.day ?? 0)),
        documentType: ExchangeDocumentType(name: "Công văn"),
        subject: "V/v báo cáo tiến độ cải cách hành chính, văn bản thử số \(number)",
        signer: ExchangeSigner(position: "Giám đốc", fullName: "Lò Văn Minh"),
        recipients: receivers.map { ExchangeOrgan(organId: $0.organId, name: $0.name) }, urgency: .normal,
        confidentiality: .normal))
  }

  /// Sends, repeating the same request (the same key) on UNAVAILABLE until it is acknowledged.
  static func sendUntilAcknowledged(_ request: ExchangeSendRequest, client: ReformClient, ledger: SendLedger?) async throws
    -> ExchangeSendResponse
  {
    var attempts = 0
    while true {
      do {
        return try await client.call(ExchangeService.Send.self, request, timeout: .seconds(30))
      } catch {
        guard error.code == .unavailable, attempts < 2000 else { throw error }
        attempts += 1
        await ledger?.retried()
        try await Task.sleep(for: .milliseconds(20))
      }
    }
  }

  /// Follows `unit`'s arrivals from `cursor` until `count` came, reconnecting from the last
  /// cursor whenever the stream breaks.
  static func watch(_ unit: String, from cursor: String, until count: Int, into log: WatchLog, client: ReformClient) async throws {
    while await log.events.count < count {
      let request = ExchangeWatchRequest(unitCode: unit, cursor: await log.lastCursor ?? cursor)
      do {
        try await client.stream(ExchangeService.Watch.self, request) { event in
          guard case .arrival(let incoming)? = event.event else { return }
          if await log.add(cursor: event.cursor, incoming) >= count { throw WatchComplete() }
        }
      } catch {
        if error.cause is WatchComplete { return }
        guard error.code == .unavailable else { throw error }
        await log.broke()
        try await Task.sleep(for: .milliseconds(20))
      }
    }
  }

  /// Every document `unit` sent, through every page of its outbox.
  static func sent(by unit: String, client: ReformClient) async throws -> [ExchangeOutgoing] {
    try await client.everyPage(ExchangeService.ListSent.self, items: \.items, page: \.page, timeout: .seconds(30)) {
      ExchangeListSentRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: unit)
    }.items
  }

  /// Every copy in `unit`'s inbox, through every page.
  static func inbox(of unit: String, client: ReformClient) async throws -> [ExchangeIncoming] {
    try await client.everyPage(ExchangeService.ListInbox.self, items: \.items, page: \.page, timeout: .seconds(30)) {
      ExchangeListInboxRequest(page: PageRequest(pageSize: 1000, pageToken: $0), unitCode: unit)
    }.items
  }

  /// Copies as (receiver, year, number), in one order, for comparing two answers.
  static func numbers(_ deliveries: [ExchangeDelivery]) -> [String] {
    deliveries.map { "\($0.receiver?.organId ?? "")#\($0.arrivalYear)/\($0.arrivalNumber)" }.sorted()
  }

  /// The exchange workers in use, each replaced by its kill.
  private final class Current: @unchecked Sendable {
    private let lock = NSLock()
    private var processes: [Process]

    init(workers: [Process]) {
      processes = workers
    }

    var workers: [Process] { lock.withLock { processes } }

    func replace(_ index: Int, with process: Process) {
      lock.withLock { processes[index] = process }
    }
  }
}

/// What the senders were told, and how often they had to ask again.
actor SendLedger {
  private(set) var responses: [(sender: String, response: ExchangeSendResponse)] = []
  private(set) var retries = 0
  private var failure: (any Error)?

  /// Runs a sender, keeping its error so that a wait on the load ends with it.
  func reportingFailure(_ body: @Sendable () async throws -> Void) async throws {
    do {
      try await body()
    } catch {
      failure = error
      throw error
    }
  }

  func record(_ response: ExchangeSendResponse, from sender: String) {
    responses.append((sender, response))
  }

  func retried() {
    retries += 1
  }

  /// Returns once `count` attempts were repeated in all; throws a sender's error.
  func waitFor(retries count: Int) async throws {
    while retries < count {
      if let failure { throw failure }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  /// Returns once `count` sends were acknowledged; throws a sender's error.
  func waitFor(acknowledged count: Int) async throws {
    while responses.count < count {
      if let failure { throw failure }
      try await Task.sleep(for: .milliseconds(10))
    }
  }
}

/// The arrivals a watch delivered, in order, and how often its stream broke.
actor WatchLog {
  struct Event: Sendable {
    var cursor: String
    var documentId: String
    var arrivalNumber: Int64
  }

  private(set) var events: [Event] = []
  private(set) var breaks = 0
  private var failure: (any Error)?

  /// Runs the watcher or the sender, keeping its error so that a wait on the watch ends with it.
  func reportingFailure<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      failure = error
      throw error
    }
  }

  var lastCursor: String? { events.last?.cursor }

  /// Records an arrival; the number recorded so far.
  func add(cursor: String, _ incoming: ExchangeIncoming) -> Int {
    events.append(
      Event(cursor: cursor, documentId: incoming.document?.documentId ?? "", arrivalNumber: incoming.delivery?.arrivalNumber ?? 0))
    return events.count
  }

  func broke() {
    breaks += 1
  }

  /// Returns once `count` arrivals were recorded; throws the watcher's or the sender's error.
  func waitFor(events count: Int) async throws {
    while events.count < count {
      if let failure { throw failure }
      try await Task.sleep(for: .milliseconds(10))
    }
  }
}

/// Thrown by the watch's item handler once every arrival came.
struct WatchComplete: Error {}

extension Calendar {
  /// The Gregorian calendar in Asia/Ho_Chi_Minh, where the exchange dates documents.
  fileprivate static var vietnam: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
    return calendar
  }
}
