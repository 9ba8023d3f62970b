import Foundation
import GRPCCore
import ReformWire
import Testing

@Suite("GrantQuotaException, RevokeQuotaException and ListQuotaExceptions")
struct QuotaExceptionTests {
  static func grant(_ bed: TestBed, _ exception: RatingQuotaException, key: String = "") async throws -> RatingQuotaException {
    try #require(
      try await bed.call(
        ClassificationService.GrantQuotaException.self,
        ClassificationGrantQuotaExceptionRequest(exception: exception, idempotencyKey: key)
      ).exception)
  }

  @Test("a granted exception is recorded with who recorded it and the decision granting it")
  func grantRecorded() async throws {
    let bed = try TestBed()
    var asked = Sample.exception(unit: "CB1", grant: .shareBasisPoints(3_000))
    asked.id = "CHOSEN-BY-CALLER"
    asked.revoked = true
    let granted = try await Self.grant(bed, asked)
    #expect(granted.id == "QE-2025-0001")
    #expect(!granted.revoked, "output-only fields are the module's")
    #expect(granted.recordedBy?.id == "admin")
    #expect(granted.recordedAt != nil)
    #expect(granted.decision?.document == "Quyết định 45-QĐ/ĐUK")
    #expect(granted.authority == "Ban Thường vụ Đảng ủy Khối")
    #expect(granted.grant == .shareBasisPoints(3_000))
    let listed = try await bed.call(
      ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest(year: Sample.year))
    #expect(listed.exceptions == [granted])
  }

  @Test("an exception without its decision, authority or grant is refused naming the field")
  func invalidGrants() async throws {
    let bed = try TestBed()
    func refusal(_ exception: RatingQuotaException?) async -> String {
      let error = await status {
        try await bed.call(
          ClassificationService.GrantQuotaException.self, ClassificationGrantQuotaExceptionRequest(exception: exception))
      }
      #expect(error?.code == .invalidArgument)
      return error?.message ?? ""
    }
    var noDecision = Sample.exception(unit: "CB1", grant: .unlimited(true))
    noDecision.decision = nil
    #expect(await refusal(noDecision).hasPrefix("exception.decision.document:"))
    var noAuthority = Sample.exception(unit: "CB1", grant: .unlimited(true))
    noAuthority.authority = ""
    #expect(await refusal(noAuthority).hasPrefix("exception.authority:"))
    #expect(await refusal(Sample.exception(unit: "CB1", grant: nil)).hasPrefix("exception.grant:"))
    #expect(await refusal(Sample.exception(unit: "CB1", grant: .shareBasisPoints(12_000))).hasPrefix("exception.share_basis_points:"))
    #expect(await refusal(Sample.exception(unit: "CB1", year: 0, grant: .unlimited(true))).hasPrefix("exception.year:"))
    #expect(await refusal(nil).hasPrefix("exception:"))
    let listed = try await bed.call(
      ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest(includeRevoked: true))
    #expect(listed.exceptions.isEmpty)
  }

  @Test("one live exception per unit, duty group and year; a revoked one is kept and makes room")
  func oneLiveExceptionAndRevocation() async throws {
    let bed = try TestBed()
    let first = try await Self.grant(bed, Sample.exception(unit: "CB1", grant: .unlimited(true)))
    let second = await status { try await Self.grant(bed, Sample.exception(unit: "CB1", grant: .maxExcellentCount(3))) }
    #expect(second?.code == .alreadyExists)
    #expect(second?.message.hasPrefix("exception.unit_code:") == true)
    _ = try await Self.grant(bed, Sample.exception(unit: "CB1", dutyGroup: "chuyen-mon", grant: .maxExcellentCount(3)))

    let revoked = try await bed.call(
      ClassificationService.RevokeQuotaException.self,
      ClassificationRevokeQuotaExceptionRequest(id: first.id, reason: "Quyết định bị thu hồi"))
    #expect(revoked.exception?.revoked == true)
    #expect(revoked.exception?.revokedReason == "Quyết định bị thu hồi")
    let twice = await status {
      try await bed.call(
        ClassificationService.RevokeQuotaException.self,
        ClassificationRevokeQuotaExceptionRequest(id: first.id, reason: "again"))
    }
    #expect(twice?.code == .failedPrecondition)
    let noReason = await status {
      try await bed.call(ClassificationService.RevokeQuotaException.self, ClassificationRevokeQuotaExceptionRequest(id: first.id))
    }
    #expect(noReason?.message.hasPrefix("reason:") == true)
    let unknown = await status {
      try await bed.call(
        ClassificationService.RevokeQuotaException.self, ClassificationRevokeQuotaExceptionRequest(id: "QE-1", reason: "x"))
    }
    #expect(unknown?.code == .notFound)

    _ = try await Self.grant(bed, Sample.exception(unit: "CB1", grant: .maxExcellentCount(3)))
    let live = try await bed.call(ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest())
    #expect(live.exceptions.count == 2)
    let all = try await bed.call(
      ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest(includeRevoked: true))
    #expect(all.exceptions.map(\.id) == ["QE-2025-0001", "QE-2025-0002", "QE-2025-0003"])
  }

  @Test("a repeated grant with the same idempotency key records one exception")
  func idempotentGrant() async throws {
    let bed = try TestBed()
    let exception = Sample.exception(unit: "CB1", grant: .unlimited(true))
    let first = try await Self.grant(bed, exception, key: "grant-1")
    let again = try await Self.grant(bed, exception, key: "grant-1")
    #expect(first == again)
    let listed = try await bed.call(ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest())
    #expect(listed.exceptions.count == 1)
  }

  @Test("a clerk lists their own subtree's exceptions and cannot grant for another unit")
  func clerkScope() async throws {
    let bed = try TestBed()
    _ = try await Self.grant(bed, Sample.exception(unit: "CB1", grant: .unlimited(true)))
    _ = try await Self.grant(bed, Sample.exception(unit: "CB3", grant: .unlimited(true)))
    let own = try await bed.call(
      ClassificationService.ListQuotaExceptions.self, ClassificationListQuotaExceptionsRequest(), as: TestBed.clerk("DB2"))
    #expect(own.exceptions.map(\.unitCode) == ["CB3"])
    let error = await status {
      try await bed.call(
        ClassificationService.GrantQuotaException.self,
        ClassificationGrantQuotaExceptionRequest(exception: Sample.exception(unit: "CB1", grant: .unlimited(true))),
        as: TestBed.clerk("DB2"))
    }
    #expect(error?.code == .permissionDenied)
  }
}
