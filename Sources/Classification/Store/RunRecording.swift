import ClassificationDomain
import Foundation
import ReformKit
import ReformWire

/// What recording a run decides whatever the engine: its id, and for a FINAL run which current
/// final ratings it supersedes. Each store calls it inside the write that records the run,
/// with the current finals read in that write, so that two final runs cannot both supersede
/// one rating.
enum RunRecording {
  /// `draft` numbered `seq` (``StoredValue/runId(year:seq:)``).
  static func numbered(_ draft: ClassificationRun, seq: Int64) -> ClassificationRun {
    var run = draft
    run.id = StoredValue.runId(year: Int(draft.year), seq: seq)
    return run
  }

  /// For a FINAL `run`, the `results` whose subject already has a current final rating in
  /// `finals` (keyed by ``SubjectKey``): the ratings the run supersedes. The runs superseded
  /// and the count of subjects whose level changed are recorded on `run`.
  ///
  /// - Throws: ``ClassificationRefusal`` naming `rerun_reason` when any rating would be
  ///   superseded and the run gives no reason.
  static func supersede(
    _ run: inout ClassificationRun, results: [ResultRecord], finals: [String: (runId: String, level: Int)]
  ) throws -> [ResultRecord] {
    var superseded = Set<String>()
    var replaced: [ResultRecord] = []
    var changed: Int64 = 0
    for result in results {
      guard let earlier = finals[SubjectKey.of(result.subjectKind, result.subjectId)] else { continue }
      superseded.insert(earlier.runId)
      replaced.append(result)
      if earlier.level != result.level { changed += 1 }
    }
    if !superseded.isEmpty, run.rerunReason.isEmpty {
      throw ClassificationRefusal(
        .failedPrecondition, field: "rerun_reason",
        "\(replaced.count) subject(s) in scope already have final \(run.year) ratings "
          + "(run \(superseded.sorted().joined(separator: ", "))), which are locked; give rerun_reason to rerun")
    }
    run.supersededRunIds = superseded.sorted()
    run.changedCount = changed
    return replaced
  }

  /// The kinds (proto numbers) of `results`, once each, for reading the current finals.
  static func kinds(of results: [ResultRecord]) -> [Int32] {
    Array(Set(results.map(\.subjectKind))).sorted()
  }

  /// A run's quota arithmetic as stored: the count, then each group's message bytes.
  static func encode(_ groups: [RatingQuotaGroupOutcome]) throws -> [UInt8] {
    var writer = ByteWriter(capacity: groups.count * 48)
    writer.int(groups.count)
    for group in groups { writer.data(try group.wireBytes()) }
    return writer.bytes
  }

  /// The quota arithmetic stored for run `runId` read back.
  static func decodeGroups(_ bytes: [UInt8], runId: String) throws -> [RatingQuotaGroupOutcome] {
    var reader = ByteReader(bytes)
    let count = try reader.int()
    guard count >= 0 else { throw StoreFailure.damaged("run \(runId) holds a negative count of quota groups") }
    var groups: [RatingQuotaGroupOutcome] = []
    for _ in 0..<count { groups.append(try RatingQuotaGroupOutcome(wireBytes: try reader.data())) }
    return groups
  }
}
