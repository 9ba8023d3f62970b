import Foundation
import ReformWire

/// What the system acknowledged to the load, kept to check afterwards that it holds: each
/// write the load was told succeeded, and what each watch delivered.
actor LoadLedger {
  struct Send: Sendable {
    var key: String
    var sender: String
    var documentId: String
  }

  struct WatchedArrival: Sendable {
    var cursor: String
    var documentId: String
  }

  /// Sends acknowledged, and the keys of sends attempted but never acknowledged.
  private(set) var sends: [Send] = []
  private(set) var unresolvedSends: Set<String> = []
  /// Per reporting unit: the entries of its last acknowledged ReportValues.
  private(set) var lastValues: [String: [IndicatorValueEntry]] = [:]
  /// Per unit: a value report, submission or reopening was left unacknowledged.
  private(set) var unresolvedReports: Set<String> = []
  /// Per unit: where its reporting cycle stands — values twice, submit, reopen.
  private var reporterSteps: [String: Int] = [:]
  private(set) var finalRuns: [String] = []
  private(set) var unresolvedFinalRuns = 0
  /// Versions of the programme the load's replans were told about.
  private(set) var replannedVersions: [Int32] = []
  private(set) var unresolvedReplans = 0
  /// Per receiver: where its watch began and each arrival it delivered, in order.
  private(set) var watchStarts: [String: String] = [:]
  private(set) var watched: [String: [WatchedArrival]] = [:]
  private(set) var watchBreaks = 0
  /// Documents seen arriving and not yet given a status notice.
  private var arrivals: [(unit: String, documentId: String)] = []

  func attempted(sendKey key: String) { unresolvedSends.insert(key) }

  func acknowledged(_ send: Send) {
    unresolvedSends.remove(send.key)
    sends.append(send)
  }

  func attemptedReport(_ unit: String) { unresolvedReports.insert(unit) }

  /// A step of a unit's reporting cycle.
  enum ReportStep: Sendable {
    case values, submit, reopen
  }

  func reporterStep(_ unit: String) -> ReportStep {
    switch reporterSteps[unit, default: 0] % 4 {
    case 0, 1: .values
    case 2: .submit
    default: .reopen
    }
  }

  func acknowledgedReport(_ unit: String, values: [IndicatorValueEntry]?) {
    unresolvedReports.remove(unit)
    if let values { lastValues[unit] = values }
    reporterSteps[unit, default: 0] += 1
  }

  /// The period was not where the cycle thought: values or a submission refused mean it is
  /// submitted (reopen next); a refused reopening means it is open (values next).
  func refusedReport(_ unit: String, at step: ReportStep) {
    unresolvedReports.remove(unit)
    reporterSteps[unit] = step == .reopen ? 0 : 3
  }

  func finalRun(_ id: String?) {
    if let id { finalRuns.append(id) } else { unresolvedFinalRuns += 1 }
  }

  func replanned(_ version: Int32?) {
    if let version { replannedVersions.append(version) } else { unresolvedReplans += 1 }
  }

  func watchStarted(_ unit: String, cursor: String) {
    if watchStarts[unit] == nil { watchStarts[unit] = cursor }
  }

  func watched(_ unit: String, _ arrival: WatchedArrival) {
    watched[unit, default: []].append(arrival)
    arrivals.append((unit, arrival.documentId))
  }

  func watchBroke() { watchBreaks += 1 }

  /// The oldest arrival not yet given a notice, if any.
  func nextArrival() -> (unit: String, documentId: String)? {
    arrivals.isEmpty ? nil : arrivals.removeFirst()
  }

  /// The last cursor a receiver's watch delivered.
  func lastCursor(_ unit: String) -> String? {
    watched[unit]?.last?.cursor ?? watchStarts[unit]
  }

  func watchedCount(_ unit: String) -> Int { watched[unit]?.count ?? 0 }
}
