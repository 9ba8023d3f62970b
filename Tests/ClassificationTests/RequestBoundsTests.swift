import Foundation
import GRPCCore
import ReformWire
import Testing

/// Every number and code of a read request has its range, and a value outside it is
/// INVALID_ARGUMENT naming the field, before any read.
@Suite("Ranges of the classification reads")
struct RequestBoundsTests {
  @Test(arguments: [Int32.min, -1, 1_899, 10_000, Int32.max])
  func aYearFilterOutsideTheRatedSpanIsRefusedNamingYear(year: Int32) async throws {
    let bed = try TestBed()
    let calls: [() async throws -> Void] = [
      { _ = try await bed.call(ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: year)) },
      { _ = try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest(year: year)) },
      { _ = try await bed.call(ClassificationService.ListRuleSets.self, ClassificationListRuleSetsRequest(year: year)) },
      {
        _ = try await bed.call(
          ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest(year: year))
      },
    ]
    for call in calls {
      let error = await status { try await call() }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.hasPrefix("year: \(year) is not a year rated") == true, "\(String(describing: error))")
    }
  }

  @Test func aYearFilterOfZeroMeansEveryYear() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1")])
    let listed = try await bed.call(
      ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: 0))
    #expect(listed.evaluations.count == 1)
  }

  @Test func anOverlongCodeInAReadIsRefusedNamingTheField() async throws {
    let bed = try TestBed()
    let long = String(repeating: "X", count: 129)
    let bySubject = await status {
      try await bed.call(
        ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year, subjectId: long))
    }
    #expect(bySubject?.code == .invalidArgument)
    #expect(bySubject?.message.hasPrefix("subject_id: at most 128 bytes") == true)
    let byUnit = await status {
      try await bed.call(
        ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year, unitCode: long))
    }
    #expect(byUnit?.message.hasPrefix("unit_code: at most 128 bytes") == true)
    let runs = await status {
      try await bed.call(ClassificationService.ListRuns.self, ClassificationListRunsRequest(unitCode: long))
    }
    #expect(runs?.message.hasPrefix("unit_code: at most 128 bytes") == true)
  }
}
