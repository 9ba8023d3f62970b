import Foundation
import ReformKit

extension RuleSet {
  /// The set written in `json`, checked with ``validate()``.
  ///
  /// - Throws: ``RuleSetError`` naming the first bad field, e.g.
  ///   `rules[2].capLevel: "HTX" is not a rating level; expected one of: HTXSNV, …`.
  public static func decode(json: String) throws(RuleSetError) -> RuleSet {
    try decode(data: Data(json.utf8))
  }

  /// The set encoded as UTF-8 JSON in `data`, checked with ``validate()``.
  public static func decode(data: Data) throws(RuleSetError) -> RuleSet {
    let set: RuleSet
    do {
      let decoder = JSONDecoder()
      decoder.userInfo[StrictKeys.requested] = true
      set = try decoder.decode(RuleSet.self, from: data)
    } catch let error as DecodingError {
      throw RuleSetError(decoding: error)
    } catch {
      throw RuleSetError(field: "json", "\(error)")
    }
    try set.validate()
    return set
  }

  /// The set as pretty-printed JSON with sorted keys, as ``decode(json:)`` reads it back.
  public func encodedJSON() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types into JSON cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
