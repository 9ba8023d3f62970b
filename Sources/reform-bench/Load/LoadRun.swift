import ClassificationDomain
import Foundation
import ReformClient
import ReformKit
import ReformWire

/// The load itself: `concurrency` lanes take turns at a shared pace of `rate` calls a second
/// (as fast as they can when the rate is 0), each turn one operation drawn from ``Mix``; and
/// one watch per receiving unit, resumed from its last cursor whenever it breaks.
///
/// Writes carry idempotency keys and are repeated with the same key on UNAVAILABLE,
/// DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED and ABORTED until acknowledged, as a careful client
/// would; what was acknowledged goes to the ``LoadLedger``. Every attempt goes to the
/// ``LoadBook``.
final class LoadRun: Sendable {
  /// One kind of operation and its share of the turns.
  enum Operation: String, CaseIterable, Sendable {
    case send, notice, inbox, reportValues, report, listValues, ratingSummary, ratingDryRun, ratingFinal, programme, replan
  }

  struct Mix: Sendable {
    var weights: [(Operation, Int)]

    /// Documents 44%, indicators 32%, rating 11%, inspection 13%.
    static let standard = Mix(weights: [
      (.send, 24), (.notice, 10), (.inbox, 10), (.reportValues, 14), (.report, 10), (.listValues, 8),
      (.ratingSummary, 8), (.ratingDryRun, 2), (.ratingFinal, 1), (.programme, 10), (.replan, 3),
    ])

    func draw(_ random: inout SplitMix64) -> Operation {
      var pick = random.scaledIndex(weights.reduce(0) { $0 + $1.1 })
      for (operation, weight) in weights {
        if pick < weight { return operation }
        pick -= weight
      }
      return weights[0].0
    }
  }

  let client: ReformClient
  let bloc: LoadBloc
  let book: LoadBook
  let ledger: LoadLedger
  let control = LoadControl()
  private let rate: Double
  private let concurrency: Int
  private let mix: Mix
  private let seed: UInt64
  /// Tells this run's idempotency keys from any earlier run's on the same data.
  private let tag: String
  private let shared = Shared()
  private let counter = Counter()

  init(client: ReformClient, bloc: LoadBloc, book: LoadBook, ledger: LoadLedger, rate: Double, concurrency: Int, mix: Mix = .standard, seed: UInt64 = 1) {
    self.client = client
    self.bloc = bloc
    self.book = book
    self.ledger = ledger
    self.rate = rate
    self.concurrency = max(1, concurrency)
    self.mix = mix
    self.seed = seed
    tag = "load-\(getpid())-\(Int(Date().timeIntervalSince1970))"
  }

  /// Runs until ``LoadControl/stop(grace:)`` and, for the watches, ``LoadControl/stopWatches()``.
  func run() async {
    await withTaskGroup(of: Void.self) { group in
      for receiver in bloc.receivers {
        group.addTask { await self.watch(receiver.code) }
      }
      for lane in 0..<concurrency {
        group.addTask { await self.lane(lane) }
      }
    }
  }

  private func lane(_ number: Int) async {
    var random = SplitMix64(seed: seed &+ UInt64(number) &* 0x9E37_79B9)
    while let start = await control.nextTurn(rate: rate) {
      if start > .now { try? await Task.sleep(until: start) }
      await perform(mix.draw(&random), &random)
    }
  }

  private func perform(_ operation: Operation, _ random: inout SplitMix64) async {
    switch operation {
    case .send: await send(&random)
    case .notice: await notice(&random)
    case .inbox: await inbox(&random)
    case .reportValues: await reportValues(&random)
    case .report: await report(&random)
    case .listValues: await listValues(&random)
    case .ratingSummary: await ratingSummary()
    case .ratingDryRun: await ratingDryRun(&random)
    case .ratingFinal: await ratingFinal()
    case .programme: await programme()
    case .replan: await replan(&random)
    }
  }

  // MARK: Documents

  private func send(_ random: inout SplitMix64) async {
    let sender = bloc.senders[random.scaledIndex(bloc.senders.count)]
    let first = random.scaledIndex(bloc.receivers.count)
    let receivers = random.next() % 2 == 0 ? [bloc.receivers[first]] : [bloc.receivers[first], bloc.receivers[(first + 1) % bloc.receivers.count]]
    let number = counter.add()
    let key = "\(tag)-send-\(number)"
    let today = Self.vietnam.dateComponents([.year, .month, .day], from: Date())
    let request = ExchangeSendRequest(
      idempotencyKey: key, sender: ExchangeOrgan(unitCode: sender.code),
      metadata: ExchangeDocumentMetadata(
        issuingOrganName: sender.name, codeNumber: String(number), codeNotation: "CV-\(tag.suffix(6))", place: "Lai Châu",
        issuedDate: CalendarDate(year: Int32(today.year ?? 0), month: Int32(today.month ?? 0), day: Int32(today.day ?? 0)),
        documentType: ExchangeDocumentType(name: "Công văn"),
        subject: "V/v báo cáo kết quả thực hiện cải cách hành chính, số \(number)",
        signer: ExchangeSigner(position: "Giám đốc", fullName: "Lò Văn Minh"),
        recipients: receivers.map { ExchangeOrgan(organId: $0.organId, name: $0.name) }, urgency: .normal,
        confidentiality: .normal))
    await ledger.attempted(sendKey: key)
    if let id = try? await write(ExchangeService.Send.self, request).get().document?.documentId {
      await ledger.acknowledged(LoadLedger.Send(key: key, sender: sender.code, documentId: id))
    }
  }

  /// A receiver registers a document its watch delivered (notice 03); without one, reads its inbox.
  private func notice(_ random: inout SplitMix64) async {
    guard let arrival = await ledger.nextArrival() else { return await inbox(&random) }
    await write(
      ExchangeService.SendNotice.self,
      ExchangeSendNoticeRequest(
        idempotencyKey: "\(tag)-notice-\(arrival.unit)-\(arrival.documentId)", documentId: arrival.documentId,
        unitCode: arrival.unit, code: .registered, staff: ExchangeStaff(fullName: "Nguyễn Thị Hoa", department: "Văn phòng")))
  }

  private func inbox(_ random: inout SplitMix64) async {
    let unit = bloc.receivers[random.scaledIndex(bloc.receivers.count)].code
    _ = await read(
      ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 20), unitCode: unit))
  }

  /// A receiver's watch: from the inbox's cursor when first opened, then from the last
  /// arrival it delivered. Each stream lasts at most 10 s before it is reopened, so that a
  /// stop is noticed.
  private func watch(_ unit: String) async {
    while !(await control.watchesStopped) {
      if await ledger.lastCursor(unit) == nil {
        guard let page = await read(ExchangeService.ListInbox.self, ExchangeListInboxRequest(page: PageRequest(pageSize: 1), unitCode: unit))
        else {
          try? await Task.sleep(for: .milliseconds(200))
          continue
        }
        await ledger.watchStarted(unit, cursor: page.watchCursor)
      }
      let cursor = await ledger.lastCursor(unit) ?? ""
      do {
        try await client.stream(ExchangeService.Watch.self, ExchangeWatchRequest(unitCode: unit, cursor: cursor), timeout: .seconds(10)) {
          event in
          guard case .arrival(let incoming)? = event.event, let id = incoming.document?.documentId else { return }
          await self.ledger.watched(unit, LoadLedger.WatchedArrival(cursor: event.cursor, documentId: id))
        }
      } catch where error.code == .deadlineExceeded {
        continue
      } catch {
        await ledger.watchBroke()
        try? await Task.sleep(for: .milliseconds(100))
      }
    }
  }

  // MARK: Indicators

  /// The next step of one reporting unit's cycle: values, values again, submit, reopen. A
  /// step refused with FAILED_PRECONDITION (the period is not where the cycle thought, say
  /// after an earlier run of the load) goes on with the step that mends it.
  private func reportValues(_ random: inout SplitMix64) async {
    guard let unit = await shared.takeReporter(from: bloc.reporters.keys.sorted(), pick: random.scaledIndex(1 << 20)) else {
      return await listValues(&random)
    }
    let period = LoadBloc.reportingPeriod
    let key = "\(tag)-\(unit)-\(counter.add())"
    let step = await ledger.reporterStep(unit)
    await ledger.attemptedReport(unit)
    let outcome: Result<[IndicatorValueEntry]?, ReformError>
    switch step {
    case .values:
      let entries = (bloc.reporters[unit] ?? []).map { code -> IndicatorValueEntry in
        let denominator = Int64(random.scaledIndex(50) + 1)
        return IndicatorValueEntry(
          indicatorCode: code, numerator: Int64(random.scaledIndex(Int(denominator) + 1)), denominator: denominator,
          note: "Số liệu tải thử")
      }
      outcome = await write(
        RegistryService.ReportValues.self,
        ReportValuesRequest(setId: LoadBloc.setId, unitCode: unit, period: period, entries: entries, idempotencyKey: key)
      ).map { _ in entries }
    case .submit:
      outcome = await write(
        RegistryService.SubmitPeriod.self,
        SubmitPeriodRequest(setId: LoadBloc.setId, unitCode: unit, period: period, allowMissing: true, idempotencyKey: key)
      ).map { _ in nil }
    case .reopen:
      outcome = await write(
        RegistryService.ReopenPeriod.self,
        ReopenPeriodRequest(setId: LoadBloc.setId, unitCode: unit, period: period, reason: "Điều chỉnh số liệu", idempotencyKey: key)
      ).map { _ in nil }
    }
    switch outcome {
    case .success(let values):
      await ledger.acknowledgedReport(unit, values: values)
    case .failure(let error) where error.code == .failedPrecondition:
      await ledger.refusedReport(unit, at: step)
    case .failure:
      break
    }
    await shared.returnReporter(unit)
  }

  private func report(_ random: inout SplitMix64) async {
    let units = bloc.reporters.keys.sorted()
    let whole = random.next() % 2 == 0
    _ = await read(
      RegistryService.Report.self,
      RegistryReportRequest(
        setId: LoadBloc.setId, periods: [LoadBloc.reportingPeriod], unitCode: whole ? "" : units[random.scaledIndex(units.count)],
        maxDepth: whole ? 1 : 0))
  }

  private func listValues(_ random: inout SplitMix64) async {
    let units = bloc.reporters.keys.sorted()
    _ = await read(
      RegistryService.ListValues.self,
      ListValuesRequest(
        page: PageRequest(pageSize: 50), setId: LoadBloc.setId, unitCode: units[random.scaledIndex(units.count)],
        periods: [LoadBloc.reportingPeriod]))
  }

  // MARK: Rating

  private func ratingSummary() async {
    _ = await read(ClassificationService.Summary.self, ClassificationSummaryRequest(year: LoadBloc.ratingYear, byChildUnit: true))
  }

  private func ratingDryRun(_ random: inout SplitMix64) async {
    _ = await read(
      ClassificationService.Run.self,
      ClassificationRunRequest(
        unitCode: bloc.ratingUnits[random.scaledIndex(bloc.ratingUnits.count)], year: LoadBloc.ratingYear, mode: .dryRun))
  }

  /// A final rerun over the whole bloc, one at a time; a dry run when another is going.
  private func ratingFinal() async {
    guard await shared.take(.ratingFinal) else { return await ratingSummary() }
    let number = counter.add()
    let response = await write(
      ClassificationService.Run.self,
      ClassificationRunRequest(
        year: LoadBloc.ratingYear, mode: .final, rerunReason: "Đánh giá lại lần \(number) (tải thử)",
        idempotencyKey: "\(tag)-rating-\(number)"))
    await ledger.finalRun(try? response.get().run?.id)
    await shared.give(.ratingFinal)
  }

  // MARK: Inspection

  private func programme() async {
    _ = await read(InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: bloc.programmeId))
  }

  /// One inspector's leave of a few days, replanned on the latest version; one at a time.
  private func replan(_ random: inout SplitMix64) async {
    guard await shared.take(.replan) else { return await programme() }
    if let latest = await read(InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: bloc.programmeId)) {
      await replan(latest.version, &random)
    }
    await shared.give(.replan)
  }

  private func replan(_ version: Int32, _ random: inout SplitMix64) async {
    let month = Int32(random.scaledIndex(10) + 2)
    let day = Int32(random.scaledIndex(20) + 1)
    let leave = InspectionChange(
      change: .leave(
        InspectionLeaveChange(
          inspectorId: bloc.inspectors[random.scaledIndex(bloc.inspectors.count)],
          unavailable: InspectionUnavailability(
            dates: DateRange(
              first: CalendarDate(year: bloc.programmeYear, month: month, day: day),
              last: CalendarDate(year: bloc.programmeYear, month: month, day: day + 4)),
            reason: "Nghỉ phép"))),
      note: "Thay đổi khi chạy tải thử")
    let response = await write(
      InspectionService.Replan.self,
      InspectionReplanRequest(
        idempotencyKey: "\(tag)-replan-\(counter.add())", programmeId: bloc.programmeId, baseVersion: version,
        changes: [leave], timeLimitMs: 1_000))
    await ledger.replanned(try? response.get().programme?.version)
  }

  // MARK: Calls

  private static let vietnam: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
    return calendar
  }()

  /// One attempt, recorded in the book.
  private func attempt<M: WireMethod>(_ method: M.Type, _ request: M.Input) async -> Result<M.Output, ReformError> {
    let start = ContinuousClock.now
    do {
      let response = try await client.call(method, request, timeout: .seconds(30))
      await book.record(M.info.path, .now - start, status: "OK")
      return .success(response)
    } catch {
      await book.record(M.info.path, .now - start, status: error.code.description, message: error.message)
      return .failure(error)
    }
  }

  /// One attempt; nil when it failed.
  private func read<M: WireMethod>(_ method: M.Type, _ request: M.Input) async -> M.Output? {
    try? await attempt(method, request).get()
  }

  /// Attempts until acknowledged, repeating the same request while the failure is one a
  /// repeat can mend, until the stop's grace runs out.
  @discardableResult
  private func write<M: WireMethod>(_ method: M.Type, _ request: M.Input) async -> Result<M.Output, ReformError> {
    let repeatable: Set<ReformError.Code> = [.unavailable, .deadlineExceeded, .resourceExhausted, .aborted]
    var pause = Duration.milliseconds(50)
    while true {
      let outcome = await attempt(method, request)
      guard case .failure(let error) = outcome, repeatable.contains(error.code), await control.mayRetry else { return outcome }
      try? await Task.sleep(for: pause)
      pause = min(pause * 2, .seconds(1))
    }
  }

  /// Counters and the resources one lane holds at a time.
  private actor Shared {
    private var busy: Set<Operation> = []
    private var reportersBusy: Set<String> = []

    func take(_ operation: Operation) -> Bool { busy.insert(operation).inserted }
    func give(_ operation: Operation) { busy.remove(operation) }

    /// A unit no other lane is reporting for, the `pick`th free one.
    func takeReporter(from units: [String], pick: Int) -> String? {
      let free = units.filter { !reportersBusy.contains($0) }
      guard !free.isEmpty else { return nil }
      let unit = free[pick % free.count]
      reportersBusy.insert(unit)
      return unit
    }

    func returnReporter(_ unit: String) { reportersBusy.remove(unit) }
  }
}

/// When the lanes take their turns, and when the load stops.
actor LoadControl {
  private var nextStart = ContinuousClock.now
  private var stopping = false
  private var graceEnds: ContinuousClock.Instant?
  private(set) var watchesStopped = false

  /// The instant the next turn starts, or nil once stopping.
  func nextTurn(rate: Double) -> ContinuousClock.Instant? {
    guard !stopping else { return nil }
    guard rate > 0 else { return .now }
    let now = ContinuousClock.now
    // A pace the lanes cannot keep is not made up later in a burst.
    nextStart = max(nextStart + .seconds(1 / rate), now - .milliseconds(100))
    return nextStart
  }

  /// No new turns; writes under way may repeat for `grace` more.
  func stop(grace: Duration) {
    stopping = true
    graceEnds = .now + grace
  }

  func stopWatches() { watchesStopped = true }

  var mayRetry: Bool { graceEnds.map { ContinuousClock.now < $0 } ?? true }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func add() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }
}
