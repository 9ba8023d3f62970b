/// Field paths as callers see them: a Swift property path (`members[2].birthDate`) spelled the
/// way the `.proto` names the fields (`members[2].birth_date`).
public enum FieldPath {
  /// `path` with each segment in snake case; list indexes (`[2]`) and dots are kept, and a
  /// segment named in `renames` (by its Swift name) takes the given proto name instead.
  public static func proto(_ path: String, renames: [String: String] = [:]) -> String {
    var segments: [String] = []
    for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
      let name = segment.prefix { $0 != "[" }
      let index = segment.dropFirst(name.count)
      segments.append((renames[String(name)] ?? snakeCased(String(name))) + index)
    }
    return segments.joined(separator: ".")
  }

  /// `name` in snake case: an underscore before each capital that follows a small letter or a
  /// digit, every letter small (`birthDate` → `birth_date`, `organID` → `organ_id`).
  public static func snakeCased(_ name: String) -> String {
    var result = ""
    result.reserveCapacity(name.utf8.count + 8)
    var previous: Character?
    for character in name {
      if character.isUppercase {
        if let previous, previous.isLowercase || previous.isNumber { result.append("_") }
        result.append(contentsOf: character.lowercased())
      } else {
        result.append(character)
      }
      previous = character
    }
    return result
  }

  /// `field` under `prefix`, joined by a dot; either may be empty.
  public static func joined(_ prefix: String, _ field: String) -> String {
    if prefix.isEmpty { return field }
    if field.isEmpty { return prefix }
    return field.hasPrefix("[") ? prefix + field : "\(prefix).\(field)"
  }

  /// The list, index and rest of a path that starts with a list entry:
  /// `people[3].name` → (`people`, 3, `name`); nil when the path has no index.
  public static func entry(_ path: String) -> (list: String, index: Int, rest: String)? {
    guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]"),
      let index = Int(path[path.index(after: open)..<close])
    else { return nil }
    var rest = path[path.index(after: close)...]
    if rest.first == "." { rest = rest.dropFirst() }
    return (String(path[..<open]), index, String(rest))
  }
}
