import Foundation
import GRPCCore
import ReformModuleTesting
import ReformStore
import ReformWire
import Testing

@testable import Inspection

/// Workers on several hosts sharing one PostgreSQL database: two modules opened on one schema
/// write at the same moment, and the programme numbers, the versions and the idempotency keys
/// stay as one worker would leave them.
@Suite("Workers on one PostgreSQL database", .needsPostgres)
struct ConcurrentWorkerTests {
  /// Two modules on one new schema, as two workers on two hosts.
  static func twoWorkers() throws -> (Harness, Harness) {
    let first = try Harness(folder: try TemporaryFolder("inspection-workers"), store: try TestPostgres.freshStore("inspection_w"))
    return (first, try first.reopened())
  }

  @Test func programmesPlannedAtOnceByTwoWorkersAreNumberedWithoutGapOrRepeat() async throws {
    let (first, second) = try Self.twoWorkers()
    // Four lanes, two on each worker, each planning 25 programmes of 2026 one after another.
    let ids = try await withThrowingTaskGroup(of: [String].self) { group in
      for lane in 0..<4 {
        let worker = lane.isMultiple(of: 2) ? first : second
        group.addTask {
          var ids: [String] = []
          for i in 0..<25 {
            let planned = try await worker.call(InspectionService.Plan.self, planRequest(smallInput(seed: Int64(lane * 25 + i))))
            ids.append(planned.programme?.programmeId ?? "")
          }
          return ids
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(ids.sorted() == (1...100).map { ProgrammeRecord.programmeID(year: 2026, number: $0) })
    let listed = try await second.call(InspectionService.ListProgrammes.self, .init(page: .init(pageSize: 200), year: 2026))
    #expect(listed.page?.totalCount == 100)
    #expect(listed.programmes.map(\.programmeId) == ids.sorted())
  }

  @Test func ofTwoVersionsAppendedOnOneBaseAtOnceExactlyOneIsStored() async throws {
    let location = try TestPostgres.freshStore("inspection_w")
    guard case .postgres(let settings, let schema) = location else { return }
    let stores = [
      try InspectionPostgresStore(settings: settings, schema: try #require(schema)),
      try InspectionPostgresStore(settings: settings, schema: try #require(schema)),
    ]
    var draft = InspectionProgramme()
    draft.year = 2026
    draft.name = "Chương trình kiểm tra, giám sát năm 2026"
    draft.ownerUnitCode = "DUK"
    let created = try await stores[0].createProgramme(draft, idempotency: nil) { $0 }
    // Ten rounds: in each, both stores append a version on the latest one at the same moment.
    for base in 1...10 {
      let outcomes = await withTaskGroup(of: Result<Int32, any Error>.self) { group in
        for store in stores {
          group.addTask {
            await outcome {
              try await store.appendVersion(created, baseVersion: base, replanRequest: [], idempotency: nil) { $0 }.version
            }
          }
        }
        return await group.reduce(into: []) { $0.append($1) }
      }
      let stored = outcomes.compactMap { try? $0.get() }
      #expect(stored == [Int32(base + 1)], "round \(base): \(outcomes)")
      for case .failure(let error) in outcomes {
        let refusal = error as? InspectionStoreRefusal
        #expect(refusal?.kind == .failedPrecondition && refusal?.field == "base_version", "\(error)")
      }
    }
    #expect(try await stores[1].header(programmeID: created.programmeId)?.latestVersion == 11)
  }

  @Test func ofTwoReplansFromOneVersionOnTwoWorkersOnlyOneIsStored() async throws {
    let (first, second) = try Self.twoWorkers()
    let planned = try #require(try await first.call(InspectionService.Plan.self, planRequest(smallInput())).programme)
    for base in Int32(1)...5 {
      let outcomes = await withTaskGroup(of: Result<Int32, any Error>.self) { group in
        for worker in [first, second] {
          group.addTask {
            let leave = InspectionChange(
              change: .leave(
                .init(inspectorId: "KTV-01", unavailable: .init(dates: range(date(2026, 3, base), date(2026, 3, base)), reason: "Họp"))))
            return await outcome {
              try await worker.call(
                InspectionService.Replan.self,
                .init(programmeId: planned.programmeId, baseVersion: base, changes: [leave])
              ).programme?.version ?? 0
            }
          }
        }
        return await group.reduce(into: []) { $0.append($1) }
      }
      #expect(outcomes.compactMap { try? $0.get() } == [base + 1], "round \(base): \(outcomes)")
      for case .failure(let error) in outcomes {
        let status = error as? RPCError
        #expect(status?.code == .failedPrecondition && status?.message.hasPrefix("base_version:") == true, "\(error)")
      }
    }
    let read = try await second.call(InspectionService.GetProgramme.self, .init(programmeId: planned.programmeId))
    #expect(read.version == 6)
  }

  @Test func aKeyedPlanSentToTwoWorkersAtOnceIsStoredOnce() async throws {
    let (first, second) = try Self.twoWorkers()
    let request = planRequest(smallInput(), key: "3f0c2a4e-7d1b-4c55-9a61-2b8e5d7f9c10")
    let answers = try await withThrowingTaskGroup(of: InspectionPlanResponse.self) { group in
      for lane in 0..<4 {
        let worker = lane.isMultiple(of: 2) ? first : second
        group.addTask { try await worker.call(InspectionService.Plan.self, request) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(answers.map { $0.programme?.programmeId ?? "" }) == ["KTGS-2026-0001"])
    #expect(Set(answers.map { try! $0.wireBytes() }).count == 1, "every repeat gets the first answer, byte for byte")
    let listed = try await second.call(InspectionService.ListProgrammes.self, .init(year: 2026))
    #expect(listed.page?.totalCount == 1)
  }
}

/// What `body` returned or threw.
private func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
  do {
    return .success(try await body())
  } catch {
    return .failure(error)
  }
}
