import ClassificationDomain
import Foundation
import GRPCCore
import ReformKit
import ReformModule
import ReformStore
import ReformWire

/// The handlers of the Classification service: each decodes nothing itself (the module's
/// registration does), checks the caller's scope first, validates through the domain, reads
/// or writes the store, and encodes the answer.
///
/// ## Topics
/// - Evaluations: ``submitEvaluations(_:_:)``, ``listEvaluations(_:_:)``
/// - Runs: ``run(_:_:)``, ``getRun(_:_:)``, ``listRuns(_:_:)``
/// - Ratings: ``listResults(_:_:)``, ``explain(_:_:)``, ``summary(_:_:)``, ``exportCsv(_:_:_:)``
/// - Rule sets: ``listRuleSets(_:_:)``, ``getRuleSet(_:_:)``, ``defineRuleSet(_:_:)``
/// - Quota exceptions: ``grantQuotaException(_:_:)``, ``revokeQuotaException(_:_:)``,
///   ``listQuotaExceptions(_:_:)``
struct ClassificationHandlers: Sendable {
  let store: any ClassificationStoring
  let catalogue: RuleSetCatalogue
  let hierarchy: any ClassificationUnitHierarchy
  /// Where a clerk's people are looked up; nil where there is no registry to ask.
  let people: (any ClassificationPersonUnits)?

  /// The caller's scope for one job.
  func scope(_ context: JobContext) -> CallerScope { CallerScope(context, hierarchy: hierarchy) }

  /// The caller's principal as stored with what they wrote.
  static func principalBytes(_ context: JobContext) -> [UInt8]? {
    context.caller.flatMap { try? $0.wireBytes() }
  }

  /// The idempotency claim of `request` (fingerprinted with its key cleared) for `method`; nil
  /// when it carries no key, as no repeat is to be recognised.
  static func claim(method: String, _ request: some IdempotentRequest) throws -> IdempotencyClaim? {
    let key = request.idempotencyKey
    guard !key.isEmpty else { return nil }
    var keyless = request
    keyless.idempotencyKey = ""
    let bytes: [UInt8]
    do {
      bytes = try keyless.wireBytes()
    } catch {
      throw RPCError(code: .invalidArgument, message: "request: cannot be encoded: \(error)")
    }
    return try IdempotencyClaim(method: method, key: key, request: bytes)
  }

  /// Runs a handler, turning what the store throws into statuses a caller can act on: a
  /// refusal names its field (``ClassificationRefusal``, `IdempotencyRefusal`), a store busy past its timeout
  /// is `UNAVAILABLE` (try again), anything else of the store `INTERNAL` (`StoreFailure`).
  static func mapped<Output>(_ body: () async throws -> Output) async throws -> Output {
    do {
      return try await body()
    } catch let refusal as ClassificationRefusal {
      throw FieldError(refusal).rpcError
    } catch let refusal as IdempotencyRefusal {
      throw FieldError(refusal).rpcError
    } catch let failure as StoreFailure {
      throw RPCError(code: failure.rpcErrorCode, message: failure.rpcErrorMessage)
    }
  }
}
