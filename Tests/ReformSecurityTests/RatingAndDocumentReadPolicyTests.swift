import ReformWire
import Testing

@testable import ReformSecurity

/// Ratings, evaluations and documents are personal data: every admitted read of them is
/// audited (the handlers write what was read into the job's audit note). Counts and the
/// regulation are not, and stay unaudited.
@Suite("Audited reads of ratings, evaluations and documents")
struct RatingAndDocumentReadPolicyTests {
  static let auditedReads = [
    ClassificationService.ListEvaluations.info, ClassificationService.ListResults.info,
    ClassificationService.Explain.info, ClassificationService.ExportCsv.info,
    ExchangeService.ListInbox.info, ExchangeService.ListSent.info, ExchangeService.Watch.info,
    ExchangeService.GetDocument.info, ExchangeService.FetchAttachment.info, ExchangeService.GetTrace.info,
    ExchangeService.ExportEdxml.info,
  ]

  @Test(arguments: auditedReads)
  func readsOfRatingsEvaluationsAndDocumentsAreAuditedAndAClerkReadsTheirOwnUnitOnly(method: WireMethodInfo) throws {
    try expectAuditedReadOfTheClerksOwnUnit(method)
  }

  @Test(arguments: [
    ClassificationService.GetRun.info, ClassificationService.ListRuns.info, ClassificationService.Summary.info,
    ClassificationService.ListRuleSets.info, ClassificationService.GetRuleSet.info,
    ClassificationService.ListQuotaExceptions.info, ExchangeService.CountDocuments.info, ExchangeService.ListOverdue.info,
  ])
  func countsAndTheRegulationAreNotAuditedReads(method: WireMethodInfo) throws {
    let rule = try #require(AccessPolicy.reform.rule(for: method.path))
    #expect(!rule.auditsReads, "runs, summaries and exceptions carry counts, never a person's rating")
  }
}
