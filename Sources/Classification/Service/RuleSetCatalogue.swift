import ClassificationDomain
import Crypto
import Foundation
import ReformKit
import ReformModule
import ReformWire
import Synchronization

/// A rule set the module can rate with, shipped or loaded, with what the proto shows of it.
struct CatalogueRuleSet: Sendable {
  var set: RuleSet
  /// SHA-256 (hex) of the domain's canonical JSON of the set.
  var sha256: String
  /// The dates the set was defined with; `nil` for a shipped set, dated by its years.
  var effectiveFrom: CalendarDate? = nil
  var effectiveTo: CalendarDate? = nil
  /// When an operator loaded it; `nil` for a shipped set.
  var loadedAt: Date? = nil

  /// The set on the wire.
  var wire: RatingRuleSet {
    self.set.wire(effectiveFrom: effectiveFrom, effectiveTo: effectiveTo, sha256: sha256, loadedAt: loadedAt.map(Timestamp.init))
  }

  /// SHA-256 (hex) of `set`'s canonical JSON: sorted keys, as the domain writes it.
  static func sha256(of set: RuleSet) -> String {
    SHA256.hash(data: Data(set.encodedJSON().utf8)).map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}

/// The rule sets a run may use: the shipped ones (always present) and those operators loaded
/// (read from the store, decoded once: a set never changes under its id and version).
///
/// ## Topics
/// - ``all()``, ``find(id:version:)``, ``applicable(year:kind:among:)``
final class RuleSetCatalogue: Sendable {
  private let store: any ClassificationStoring
  /// The shipped sets, version 1 each.
  let builtIn: [CatalogueRuleSet]
  private let decoded = Mutex<[String: CatalogueRuleSet]>([:])

  init(store: any ClassificationStoring) {
    self.store = store
    builtIn = RuleSet.builtIn.map { CatalogueRuleSet(set: $0, sha256: CatalogueRuleSet.sha256(of: $0)) }
  }

  /// Every set, by id then version.
  func all() async throws -> [CatalogueRuleSet] {
    let loaded = try await store.ruleSetRecords().map(entry(for:))
    return (builtIn + loaded).sorted { ($0.set.id, $0.set.version) < ($1.set.id, $1.set.version) }
  }

  /// The set `id` at `version`, or its latest version when `version` is 0.
  func find(id: String, version: Int) async throws -> CatalogueRuleSet? {
    let versions = try await all().filter { $0.set.id == id }
    return version == 0 ? versions.last : versions.first { $0.set.version == version }
  }

  /// The set of `sets` that rates `kind` in `year`: among the latest version of each set, one
  /// that applies to the year and rates the kind, the one in force latest (the later first
  /// year, then the later loaded; shipped sets count as loaded first).
  static func applicable(
    year: Int, kind: ClassificationDomain.RatingSubjectKind, among sets: [CatalogueRuleSet]
  ) -> CatalogueRuleSet? {
    var latest: [String: CatalogueRuleSet] = [:]
    for entry in sets where (latest[entry.set.id]?.set.version ?? 0) < entry.set.version { latest[entry.set.id] = entry }
    return latest.values
      .filter { $0.set.applies(toYear: year) && $0.set.appliesTo.contains(kind) }
      .max { left, right in
        (left.set.validFromYear, left.loadedAt ?? .distantPast, left.set.id)
          < (right.set.validFromYear, right.loadedAt ?? .distantPast, right.set.id)
      }
  }

  private func entry(for record: RuleSetRecord) throws -> CatalogueRuleSet {
    let key = record.id + "\u{1F}" + String(record.version)
    if let hit = decoded.withLock({ $0[key] }) { return hit }
    let set: RuleSet
    do {
      set = try RuleSet.decode(json: record.content)
    } catch {
      throw StoreFailure.damaged("rule set \(record.id) version \(record.version) does not read back: \(error)")
    }
    let entry = CatalogueRuleSet(
      set: set, sha256: record.contentSHA256,
      effectiveFrom: record.effectiveFrom.flatMap(CivilDate.init(iso:)).map(\.wire),
      effectiveTo: record.effectiveTo.flatMap(CivilDate.init(iso:)).map(\.wire),
      loadedAt: record.loadedAt)
    decoded.withLock { $0[key] = entry }
    return entry
  }
}
