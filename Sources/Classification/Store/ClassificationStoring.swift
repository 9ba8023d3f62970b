import ClassificationDomain
import Foundation
import ReformStore
import ReformWire

/// What the classification handlers need of storage, each method one transaction in the
/// module's terms: nothing of the engine (no GRDB type, no SQL) and nothing of the transport
/// (no `RPCError`) crosses it. ``ClassificationStore`` keeps it in SQLite,
/// ``ClassificationPostgresStore`` in PostgreSQL for workers on several hosts; what both decide
/// alike is theirs to share (``StoredValue``, ``RunRecording``, ``ExceptionRecording``).
///
/// Failures are `StoreFailure` (busy, failed, corrupt) or a ``ClassificationRefusal``
/// naming the request field the stored state refuses. A write that carries an
/// `IdempotencyClaim` answers a repeat of the same request with the response it stored the
/// first time and writes nothing.
///
/// ## Topics
/// - Repeats: ``replay(_:as:)``
/// - Evaluations: ``saveEvaluations(_:links:submittedBy:at:owners:idempotency:response:)``,
///   ``storedUnits(of:)``, ``evaluations(year:kinds:)``, ``evaluation(year:kind:subjectId:revision:)``,
///   ``evaluationPage(year:units:kinds:subjectId:after:limit:)``
/// - The submitted unit tree: ``unitLinks()``, ``collectiveNames()``
/// - Rule sets: ``ruleSetRecords()``, ``defineRuleSet(_:check:idempotency:response:)``
/// - Quota exceptions: ``grantException(_:idempotency:)``, ``revokeException(id:reason:idempotency:)``,
///   ``exception(id:)``, ``liveExceptions(year:)``, ``exceptionPage(year:units:includeRevoked:after:limit:)``
/// - Runs: ``recordRun(_:quotaGroups:results:ratedAt:idempotency:)``, ``run(id:)``,
///   ``runPage(year:unitCode:units:mode:before:limit:)``
/// - Ratings: ``resultPage(_:_:after:limit:countTotal:)``, ``result(_:kind:subjectId:)``,
///   ``collectiveResults(runId:unitCodes:)``, ``levelCounts(_:kinds:)``, ``currentFinals(year:kinds:)``
protocol ClassificationStoring: Sendable {
  /// The response stored for `key` by an earlier call, if any: read before any work, so that a
  /// repeat costs one lookup. Refused when the key was used for another request.
  func replay<Response: WireMessage>(_ key: IdempotencyClaim?, as type: Response.Type) async throws -> Response?

  /// Saves a SubmitEvaluations batch: the evaluations (a replaced one moves to the history),
  /// the unit links their collectives name, after `owners` accepted the units the evaluations
  /// to be replaced are stored under.
  func saveEvaluations(
    _ records: [EvaluationRecord], links: [UnitLink], submittedBy: [UInt8]?, at date: Date, owners: OwnerCheck?,
    idempotency: IdempotencyClaim?, response: SubmitEvaluationsResponse
  ) async throws -> SubmitEvaluationsResponse
  /// The unit each of `keys` already stored is rated in.
  func storedUnits(of keys: [EvaluationKey]) async throws -> [EvaluationKey: String]
  /// The current evaluations of `year` of the given kinds (proto numbers), for a run.
  func evaluations(year: Int, kinds: [Int32]) async throws -> [EvaluationRecord]
  /// One evaluation as it was at `revision` (the current one, or one from the history).
  func evaluation(year: Int, kind: Int32, subjectId: String, revision: Int64) async throws -> EvaluationRecord?
  /// A page of current evaluations in list order after `after`, with the total matching.
  func evaluationPage(
    year: Int, units: Set<String>?, kinds: [Int32], subjectId: String, after: EvaluationPageKey?, limit: Int
  ) async throws -> (records: [EvaluationRecord], total: Int)

  /// Every parent link the submitted collectives recorded, by unit.
  func unitLinks() async throws -> [String: String]
  /// Names of the collectives as last submitted.
  func collectiveNames() async throws -> [String: String]

  /// Every rule set operators loaded, by id then version.
  func ruleSetRecords() async throws -> [RuleSetRecord]
  /// Loads a rule set, after `check` accepted the latest version loaded under its id.
  func defineRuleSet(
    _ record: RuleSetRecord, check: @escaping @Sendable (_ latestLoaded: Int) throws -> Void,
    idempotency: IdempotencyClaim?, response: ClassificationDefineRuleSetResponse
  ) async throws -> ClassificationDefineRuleSetResponse

  /// Records an exception, numbered `QE-<year>-<n>`; one live exception per unit, duty group
  /// and year.
  func grantException(
    _ pending: RatingQuotaException, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationGrantQuotaExceptionResponse
  /// Revokes an exception, keeping it with the reason.
  func revokeException(
    id: String, reason: String, idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRevokeQuotaExceptionResponse
  /// The exception `id`, if any.
  func exception(id: String) async throws -> RatingQuotaException?
  /// The exceptions of `year` still applied, in the order recorded.
  func liveExceptions(year: Int) async throws -> [RatingQuotaException]
  /// A page of exceptions in the order recorded, after the one numbered `after`.
  func exceptionPage(
    year: Int, units: Set<String>?, includeRevoked: Bool, after: Int64?, limit: Int
  ) async throws -> (exceptions: [(seq: Int64, exception: RatingQuotaException)], total: Int)

  /// Records a run and its ratings, numbered `R<year>-<n>`; a final run supersedes the
  /// current final ratings of its subjects, and without a rerun reason is refused when any is.
  func recordRun(
    _ draft: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome], results: [ResultRecord], ratedAt: Date,
    idempotency: IdempotencyClaim?
  ) async throws -> ClassificationRunResponse
  /// The run `id` with its quota arithmetic.
  func run(id: String) async throws -> (run: ClassificationRun, quotaGroups: [RatingQuotaGroupOutcome])?
  /// A page of runs, newest first, before the run numbered `before`, with the total.
  func runPage(
    year: Int, unitCode: String?, units: Set<String>?, mode: Int32, before: Int64?, limit: Int
  ) async throws -> (runs: [(seq: Int64, run: ClassificationRun)], total: Int)

  /// A page of ratings in list order after `after`, with the total when `countTotal`.
  func resultPage(
    _ scope: ResultScope, _ filter: ResultFilter, after: ResultPageKey?, limit: Int, countTotal: Bool
  ) async throws -> (records: [ResultRecord], total: Int)
  /// One subject's rating in `scope`.
  func result(_ scope: ResultScope, kind: Int32, subjectId: String) async throws -> ResultRecord?
  /// The ratings of the collectives `unitCodes` in run `runId`.
  func collectiveResults(runId: String, unitCodes: [String]) async throws -> [ResultRecord]
  /// Counts per unit, kind and level in `scope`.
  func levelCounts(_ scope: ResultScope, kinds: [Int32]) async throws -> [UnitLevelCount]
  /// The current final rating of each subject of `year` of the given kinds, keyed by
  /// ``SubjectKey``: its run and level.
  func currentFinals(year: Int, kinds: [Int32]) async throws -> [String: (runId: String, level: Int)]
}

extension ClassificationStore: ClassificationStoring {}
