import Foundation
import GRDB
import GRPCCore
import ReformModule
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
  let store: ClassificationStore
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

  /// Runs a handler, turning the store's failures into statuses a caller can act on: a
  /// database busy past its timeout is `UNAVAILABLE` (try again), anything else of the store
  /// `INTERNAL`.
  static func mapped<Output>(_ body: () async throws -> Output) async throws -> Output {
    do {
      return try await body()
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
      throw RPCError(code: .unavailable, message: "the classification store is busy; try again: \(error.message ?? "")")
    } catch let error as DatabaseError {
      throw RPCError(code: .internalError, message: "the classification store failed: \(error)")
    }
  }
}
