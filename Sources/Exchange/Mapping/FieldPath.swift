/// Field names as the domain writes them (`metadata.issuingOrganName`) turned into the request's
/// protocol paths (`metadata.issuing_organ_name`).
enum FieldPath {
  /// Each camel-case word of `path` as snake case; indexes and dots are kept.
  static func snakeCased(_ path: String) -> String {
    var result = ""
    result.reserveCapacity(path.utf8.count + 8)
    for character in path {
      if character.isASCII, character.isUppercase {
        result.append("_")
        result.append(contentsOf: character.lowercased())
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// `prefix[index]rest` split into the index and the rest, when `path` starts with `prefix[`.
  static func indexed(_ path: String, prefix: String) -> (index: Int, rest: String)? {
    guard path.hasPrefix(prefix + "[") else { return nil }
    let afterBracket = path.dropFirst(prefix.count + 1)
    guard let close = afterBracket.firstIndex(of: "]"), let index = Int(afterBracket[..<close]) else { return nil }
    return (index, String(afterBracket[afterBracket.index(after: close)...]))
  }
}
