import Foundation
import ReformClient
import ReformWire
import Testing

/// The inspection module in real processes: a coordinator and an `inspection` worker
/// (`reformd worker --module inspection`), called over gRPC as any client would, and
/// `reformctl` run as a process against them.
///
/// Programmes are planned for next year, so that no visit has begun yet (a replan never moves
/// a visit that has) whenever the tests run.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct InspectionProcessTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `reformctl` executable the build made beside the tests.
  static let reformctl: String =
    ProcessInfo.processInfo.environment["REFORMCTL"] ?? root.appendingPathComponent(".build/debug/reformctl").path

  /// The checker of iCalendar files, on Python's `icalendar` parser.
  static let icsCheck = root.appendingPathComponent("Tests/InspectionTests/ics_check.py").path

  /// Next year in Vietnam.
  static let year: Int32 = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
    return Int32(calendar.component(.year, from: Date())) + 1
  }()

  @Test func aProgrammePlannedOverRPCPlacesEveryVisitOnWorkingDaysAndNeverAtAnInspectorsOwnUnit() async throws {
    let cluster = try await Self.inspectionCluster()
    let (programme, calendar) = try await cluster.withClient { client in
      let programme = try await Self.planSmallInput(client)
      let calendar = try await client.call(
        InspectionService.GetCalendar.self, InspectionGetCalendarRequest(year: Self.year), timeout: .seconds(10))
      return (programme, calendar)
    }

    #expect(programme.version == 1)
    #expect(programme.visits.count == 6)
    #expect(programme.unplaced.isEmpty, "\(programme.unplaced.map(\.explanation))")
    let working = Set(calendar.days.filter(\.working).compactMap(\.date).map(Self.ordinal))
    for visit in programme.visits {
      let first = Self.ordinal(try #require(visit.firstDay))
      let last = Self.ordinal(try #require(visit.lastDay))
      #expect(working.contains(first) && working.contains(last), "\(visit.visitId) starts or ends on a day off")
      #expect(working.count { (first...last).contains($0) } == Int(visit.workingDays), "\(visit.visitId)")
    }
    // T1 has Lò Thị Bình of DBCS-03.
    #expect(programme.visits.first { $0.unitCode == "DBCS-03" }?.teamId == "T2")
  }

  @Test func aLeaveMovesOnlyTheVisitsItOverlapsAndTheReplanIsStoredAsTheNextVersion() async throws {
    let cluster = try await Self.inspectionCluster()
    let (before, replan, latest) = try await cluster.withClient { client in
      let before = try await Self.planSmallInput(client)
      // Trần Đức Chi of T2 takes leave over the whole of T2's first visit.
      let target = try #require(before.visits.first { $0.teamId == "T2" })
      let leave = Self.leave("KTV-03", over: target)
      let replan = try await client.call(
        InspectionService.Replan.self,
        InspectionReplanRequest(
          idempotencyKey: "replan-1", programmeId: before.programmeId, baseVersion: 1, changes: [leave]),
        timeout: .seconds(30))
      let latest = try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: before.programmeId),
        timeout: .seconds(10))
      return (before, replan, latest)
    }

    let target = try #require(before.visits.first { $0.teamId == "T2" })
    let leave = Self.ordinal(try #require(target.firstDay))...Self.ordinal(try #require(target.lastDay))
    let moved = try #require(
      replan.moves.first { $0.visitId == target.visitId }, "the visit under the leave did not move")
    #expect(moved.kind == .moved)
    #expect(moved.reason.contains("KTV-03"), "\(moved.reason)")
    let after = try #require(moved.after)
    let afterDays = Self.ordinal(try #require(after.firstDay))...Self.ordinal(try #require(after.lastDay))
    #expect(after.teamId != "T2" || !afterDays.overlaps(leave), "\(after.visitId) still falls in the leave")
    for move in replan.moves {
      let old = try #require(move.before)
      let oldDays = Self.ordinal(try #require(old.firstDay))...Self.ordinal(try #require(old.lastDay))
      #expect(old.teamId == "T2" && oldDays.overlaps(leave), "\(move.visitId) moved though the leave does not touch it")
    }
    #expect(Int(replan.unchanged) + replan.moves.count == before.visits.count)
    #expect(replan.programme?.version == 2)
    #expect(latest.version == 2)
    #expect(latest.visits.first(where: { $0.visitId == target.visitId }) == after)
  }

  @Test func theExportedICalendarParsesWithARealParserWithOneEventPerVisit() async throws {
    let cluster = try await Self.inspectionCluster()
    let (programme, file) = try await cluster.withClient { client in
      let programme = try await Self.planSmallInput(client)
      let file = try await client.call(
        InspectionService.ExportProgramme.self,
        InspectionExportProgrammeRequest(programmeId: programme.programmeId, format: .icalendar), timeout: .seconds(10))
      return (programme, file)
    }

    #expect(file.mediaType == "text/calendar")
    #expect(file.fileName.hasSuffix(".ics"))
    let path = cluster.directory + "/programme.ics"
    try Data(file.content).write(to: URL(fileURLWithPath: path))
    let result = try Self.run("/usr/bin/env", ["python3", Self.icsCheck, path])
    #expect(result.status == 0, "ics_check.py: \(result.error)")
    #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(programme.visits.count))
  }

  @Test func reformctlCalendarShowsTếtFrom14To22FebruaryAnd27AprilAsDaysOffIn2026() async throws {
    let cluster = try await Self.inspectionCluster()
    let result = try Self.run(
      Self.reformctl,
      [
        "calendar", "--year", "2026", "--format", "csv", "--address", cluster.address, "--token",
        try cluster.adminToken,
      ])
    #expect(result.status == 0, "reformctl: \(result.error)")

    // date,weekday,lunar,kind,working,name,source
    let rows = Dictionary(
      result.output.split(whereSeparator: \.isNewline).dropFirst().map { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return (fields[0], fields)
      }, uniquingKeysWith: { first, _ in first })
    for day in 14...22 {
      let row = try #require(rows["2026-02-\(day)"], "14–22/2/2026 is Tết")
      #expect(row[4] == "no" && row[3] == "holiday" && row[5] == "Tết Nguyên đán", "\(row)")
    }
    let giỗTổ = try #require(rows["2026-04-27"], "27/4/2026 is off for Giỗ Tổ Hùng Vương")
    #expect(giỗTổ[4] == "no" && giỗTổ[3] == "compensating_day_off", "\(giỗTổ)")
    #expect(rows["2026-02-13"] == nil && rows["2026-02-23"] == nil, "the days around Tết are working days")
    #expect(result.error.contains("working days in 2026"))
  }

  /// The first admin token names no unit, so `inspection plan` needs an owner: the refusal
  /// names the flag the person left out, not the request's field.
  @Test func aPlanWithoutAnOwnerFromATokenOfNoUnitNamesTheOwnerFlag() async throws {
    let cluster = try await Self.inspectionCluster()
    let example = try Self.run(Self.reformctl, ["inspection", "example-input"])
    #expect(example.status == 0, "reformctl: \(example.error)")
    let file = cluster.directory + "/plan-input.json"
    try Data(example.output.utf8).write(to: URL(fileURLWithPath: file))
    let connection = ["--address", cluster.address, "--token", try cluster.adminToken]
    let refused = try Self.run(Self.reformctl, ["inspection", "plan", "--input", file, "--dry-run"] + connection)
    #expect(refused.status != 0)
    #expect(refused.error.contains("--owner: required"), "\(refused.error)")
    #expect(!refused.error.contains("owner_unit_code"), "\(refused.error)")
    let planned = try Self.run(
      Self.reformctl, ["inspection", "plan", "--input", file, "--dry-run", "--owner", "DUK", "--time-limit-ms", "500"] + connection)
    #expect(planned.status == 0, "reformctl: \(planned.error)")
  }

  /// Two inspection workers with data folders of their own, as on two hosts, on one
  /// PostgreSQL database: programmes planned at once through both are numbered once each,
  /// every read through either answers the same programme, and of two replans from one version
  /// one is stored and the other refused on `base_version`; with one worker killed the other
  /// still answers it.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["REFORM_TEST_DATABASE_URL"] != nil, "no test PostgreSQL server"))
  func twoWorkersOnOneDatabaseNumberProgrammesOnceAndStoreOneOfTwoReplansFromOneVersion() async throws {
    let (cluster, database) = try await Cluster.startedForSharedDatabase()
    let workers = try (0..<2).map { try cluster.startWorkerOnAnotherHost(module: "inspection", index: $0, database: database) }
    try await cluster.waitForWorkers(2, limit: .seconds(30))
    try await cluster.withClient { client in
      let planned = try await withThrowingTaskGroup(of: String.self) { group in
        for index in 1...6 {
          group.addTask {
            let answer = try await client.call(
              InspectionService.Plan.self,
              InspectionPlanRequest(
                idempotencyKey: "plan-\(index)", input: Self.smallInput(), ownerUnitCode: "DUK", timeLimitMs: 2_000),
              timeout: .seconds(60))
            return try #require(answer.programme).programmeId
          }
        }
        return try await group.reduce(into: [String]()) { $0.append($1) }
      }
      #expect(planned.sorted() == (1...6).map { "KTGS-\(Self.year)-000\($0)" }, "\(planned.sorted())")

      let programmeId = "KTGS-\(Self.year)-0001"
      let first = try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: programmeId), timeout: .seconds(10))
      let target = try #require(first.visits.first { $0.teamId == "T2" })
      let leave = Self.leave("KTV-03", over: target)
      let outcomes = await withTaskGroup(of: Result<Int32, any Error>.self) { group in
        for index in 1...2 {
          group.addTask {
            do {
              let replan = try await client.call(
                InspectionService.Replan.self,
                InspectionReplanRequest(
                  idempotencyKey: "replan-\(index)", programmeId: programmeId, baseVersion: 1, changes: [leave]),
                timeout: .seconds(60))
              return .success(replan.programme?.version ?? 0)
            } catch {
              return .failure(error)
            }
          }
        }
        return await group.reduce(into: [Result<Int32, any Error>]()) { $0.append($1) }
      }
      #expect(outcomes.compactMap { try? $0.get() } == [2], "\(outcomes)")
      for case .failure(let error) in outcomes {
        let status = error as? ReformError
        #expect(status?.code == .failedPrecondition && status?.message.hasPrefix("base_version:") == true, "\(error)")
      }
      for _ in 1...4 {
        let read = try await client.call(
          InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: programmeId), timeout: .seconds(10))
        #expect(read.version == 2)
      }
      cluster.kill9(workers[0])
      let afterKill = try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: programmeId), timeout: .seconds(30))
      #expect(afterKill.version == 2)
      #expect(afterKill.visits == (try await client.call(
        InspectionService.GetProgramme.self, InspectionGetProgrammeRequest(programmeId: programmeId, version: 2),
        timeout: .seconds(30))).visits)
    }
  }

  // MARK: Support

  /// Inspector `inspectorId` on leave over the whole of `visit`.
  private static func leave(_ inspectorId: String, over visit: InspectionVisit) -> InspectionChange {
    InspectionChange(
      change: .leave(
        InspectionLeaveChange(
          inspectorId: inspectorId,
          unavailable: InspectionUnavailability(
            dates: DateRange(first: visit.firstDay, last: visit.lastDay), reason: "Nghỉ phép"))))
  }

  /// A coordinator and one inspection worker, attached.
  private static func inspectionCluster() async throws -> Cluster {
    let cluster = try Cluster()
    try cluster.startCoordinator()
    try cluster.startWorker(module: "inspection")
    try await cluster.waitForWorkers(1)
    return cluster
  }

  /// Plans ``smallInput()`` for DUK and returns the programme, version 1.
  private static func planSmallInput(_ client: ReformClient) async throws -> InspectionProgramme {
    let planned = try await client.call(
      InspectionService.Plan.self,
      InspectionPlanRequest(idempotencyKey: "plan-1", input: smallInput(), ownerUnitCode: "DUK", timeLimitMs: 2_000),
      timeout: .seconds(30))
    return try #require(planned.programme)
  }

  /// Six units of next year, two teams of two; T1 has an inspector from DBCS-03.
  private static func smallInput() -> InspectionPlanInput {
    let codes = (1...6).map { "DBCS-0\($0)" }
    return InspectionPlanInput(
      year: year,
      visitsDue: codes.enumerated().map { i, code in
        InspectionVisitDue(
          dueId: "\(code)-1", unitCode: code, unitName: "Chi bộ \(code)", kind: .programmed, lengthDays: 5,
          window: i < 3
            ? DateRange(
              first: CalendarDate(year: year, month: 3, day: 1), last: CalendarDate(year: year, month: 6, day: 30))
            : nil,
          topic: "Cải cách hành chính")
      },
      teams: [
        InspectionTeam(
          teamId: "T1", name: "Đoàn 1",
          inspectors: [
            InspectionInspector(inspectorId: "KTV-01", fullName: "Nguyễn Văn An", homeUnitCode: "UBKT"),
            InspectionInspector(inspectorId: "KTV-02", fullName: "Lò Thị Bình", homeUnitCode: "DBCS-03"),
          ]),
        InspectionTeam(
          teamId: "T2", name: "Đoàn 2",
          inspectors: [
            InspectionInspector(inspectorId: "KTV-03", fullName: "Trần Đức Chi", homeUnitCode: "UBKT"),
            InspectionInspector(inspectorId: "KTV-04", fullName: "Giàng Minh Dũng", homeUnitCode: "UBKT"),
          ]),
      ],
      risks: codes.enumerated().map { i, code in InspectionUnitRisk(unitCode: code, scoreBp: Int32(1_000 * (i + 1))) },
      riskMode: .given, seed: 1)
  }

  /// A number that orders dates as the calendar does.
  private static func ordinal(_ date: CalendarDate) -> Int32 {
    date.year * 10_000 + date.month * 100 + date.day
  }

  /// Runs `executable` to its end; returns its exit status and what it printed.
  private static func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, output: String, error: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // Standard error goes to a file, so that only one pipe is read and neither can fill up.
    let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("inspection-process-\(UUID()).err")
    _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorPath) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorPath)
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let error = try String(contentsOf: errorPath, encoding: .utf8)
    return (process.terminationStatus, String(decoding: printed, as: UTF8.self), error)
  }
}
