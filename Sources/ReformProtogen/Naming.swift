/// How proto names become Swift and C names. The C names follow protoc-c's own rules, so the
/// generated Swift can reach the descriptors protoc-c emitted.
enum Naming {
  /// protoc-c's `CamelToLower`: `OrgUnit` → `org_unit`.
  static func cLower(_ name: Substring) -> String {
    var out = ""
    var wasUpper = true
    for c in name {
      let isUpper = c.isASCII && c.isUppercase
      if isUpper {
        if !wasUpper { out.append("_") }
        out.append(contentsOf: c.lowercased())
      } else {
        out.append(c)
      }
      wasUpper = isUpper
    }
    return out
  }

  /// protoc-c's `FullNameToLower`: `reform.v1.OrgUnit` → `reform__v1__org_unit`.
  static func cFullLower(_ fullName: String) -> String {
    fullName.split(separator: ".").map { cLower($0) }.joined(separator: "__")
  }

  /// `UnitKind` → `UNIT_KIND`, the prefix proto style puts on enum values.
  static func upperSnake(_ name: String) -> String {
    var out = ""
    var previous: Character?
    for c in name {
      if c.isUppercase, let p = previous, p.isLowercase || p.isNumber { out.append("_") }
      out.append(contentsOf: c.uppercased())
      previous = c
    }
    return out
  }

  /// `arrival_number` → `arrivalNumber`; `SERVICE_UNKNOWN` → `serviceUnknown`.
  static func lowerCamel(_ snake: String) -> String {
    let parts = snake.split(separator: "_", omittingEmptySubsequences: true)
    guard let first = parts.first else { return snake }
    let allUpper = snake.uppercased() == snake
    var out = allUpper ? first.lowercased() : String(first)
    for part in parts.dropFirst() {
      let word = allUpper ? part.lowercased() : String(part)
      out += word.prefix(1).uppercased() + word.dropFirst()
    }
    return out
  }

  /// `age_present` → `AgePresent`.
  static func upperCamel(_ snake: String) -> String {
    let lower = lowerCamel(snake)
    return lower.prefix(1).uppercased() + lower.dropFirst()
  }

  /// The Swift name of an enum value: the enum's prefix removed, then lower camel case.
  static func enumCase(_ value: String, enumName: String) -> String {
    let prefix = upperSnake(enumName) + "_"
    var stem = value.hasPrefix(prefix) && value.count > prefix.count ? String(value.dropFirst(prefix.count)) : value
    stem = lowerCamel(stem)
    if let first = stem.first, first.isNumber { stem = "_" + stem }
    return stem
  }

  static let swiftKeywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
    "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
    "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
    "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
    "super", "throws", "true", "try", "Type", "Protocol",
  ]

  /// A Swift identifier, escaped with backticks when it is a keyword.
  static func identifier(_ name: String) -> String {
    swiftKeywords.contains(name) ? "`\(name)`" : name
  }
}
