/// Turns the domain's field paths (`persons[3].scores.commonCriteriaHundredths`) into the
/// proto's (`persons[3].scores.common_criteria_hundredths`), so that an error names the field
/// the caller sent.
enum FieldPath {
  /// `path` with each name in snake case and the names the proto spells differently renamed
  /// by `renames` (a domain name to its proto name, matched on whole segments).
  static func proto(_ path: String, renames: [String: String] = [:]) -> String {
    var segments: [String] = []
    for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
      let name = segment.prefix { $0 != "[" }
      let index = segment.dropFirst(name.count)
      let renamed = renames[String(name)] ?? snakeCase(String(name))
      segments.append(renamed + index)
    }
    return segments.joined(separator: ".")
  }

  /// `commonCriteriaHundredths` → `common_criteria_hundredths`.
  static func snakeCase(_ name: String) -> String {
    var result = ""
    result.reserveCapacity(name.utf8.count + 4)
    for character in name {
      if character.isUppercase {
        if !result.isEmpty { result.append("_") }
        result.append(contentsOf: character.lowercased())
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The path of an evaluation field inside its entry, from the domain's path after
  /// `persons[N].` or `collectives[N].`.
  static func evaluationField(_ rest: String) -> String {
    // The proto lists disciplined subordinates as bare codes.
    if rest.hasPrefix("disciplinedSubordinates["), rest.hasSuffix("].unitCode") {
      return "disciplined_subordinate_unit_codes" + rest.dropFirst("disciplinedSubordinates".count).dropLast(".unitCode".count)
    }
    return proto(rest)
  }

  /// Splits `persons[12].scores.total` into ("persons", 12, "scores.total"); `nil` for a path
  /// that names no entry of a list.
  static func entry(_ path: String) -> (list: String, index: Int, rest: String)? {
    guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]"),
      let index = Int(path[path.index(after: open)..<close])
    else { return nil }
    var rest = path[path.index(after: close)...]
    if rest.first == "." { rest = rest.dropFirst() }
    return (String(path[..<open]), index, String(rest))
  }
}
