import Foundation
import ReformWire
import Testing

/// A personal read writes into the job's audit note what it read and for which unit, for the
/// coordinator's audit log.
@Suite("What the classification reads note for the audit log")
struct AuditNoteTests {
  @Test("ListEvaluations notes the year or the subject read, and the unit the read was rooted at")
  func listEvaluationsNotesWhatWasRead() async throws {
    let bed = try TestBed()
    try await bed.submit([Sample.member("P1", unit: "CB1")])
    let clerk = TestBed.clerk("DB1")
    _ = try await bed.call(
      ClassificationService.ListEvaluations.self, ClassificationListEvaluationsRequest(year: Sample.year), as: clerk)
    #expect(clerk.audit.value == ("evaluations 2025", "DB1"))
    let bySubject = TestBed.clerk("DB1")
    _ = try await bed.call(
      ClassificationService.ListEvaluations.self,
      ClassificationListEvaluationsRequest(year: Sample.year, unitCode: "CB1", subjectId: "P1"), as: bySubject)
    #expect(bySubject.audit.value == ("P1", "CB1"))
  }
}
