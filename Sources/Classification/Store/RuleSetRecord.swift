import Foundation
import GRDB

/// A rule set an operator loaded: the domain's JSON of it, its SHA-256, and the dates it was
/// defined with.
struct RuleSetRecord: Sendable {
  var id: String
  var version: Int
  /// The set as the domain writes it (``ClassificationDomain/RuleSet/encodedJSON()``).
  var content: String
  var contentSHA256: String
  /// `YYYY-MM-DD`, as defined.
  var effectiveFrom: String?
  var effectiveTo: String?
  var loadedAtMillis: Int64
  var loadedBy: [UInt8]?

  /// When an operator loaded it.
  var loadedAt: Date { StoredValue.date(millis: loadedAtMillis) }

  static let columns = "id, version, content, content_sha256, effective_from, effective_to, loaded_at, loaded_by"

  init(row: Row) {
    id = row[0]
    version = row[1]
    content = row[2]
    contentSHA256 = row[3]
    effectiveFrom = row[4]
    effectiveTo = row[5]
    loadedAtMillis = row[6]
    loadedBy = (row[7] as Data?).map { [UInt8]($0) }
  }

  init(
    id: String, version: Int, content: String, contentSHA256: String, effectiveFrom: String?, effectiveTo: String?,
    loadedAt: Date, loadedBy: [UInt8]?
  ) {
    self.id = id
    self.version = version
    self.content = content
    self.contentSHA256 = contentSHA256
    self.effectiveFrom = effectiveFrom
    self.effectiveTo = effectiveTo
    self.loadedAtMillis = StoredValue.millis(loadedAt)
    self.loadedBy = loadedBy
  }
}
