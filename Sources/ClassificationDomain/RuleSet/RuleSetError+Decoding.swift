extension RuleSetError {
  /// The decoding failure as a field path and a message.
  init(decoding error: DecodingError) {
    switch error {
    case .keyNotFound(let key, let context):
      self.init(field: Self.path(context.codingPath + [key]), "required")
    case .valueNotFound(let type, let context):
      self.init(field: Self.path(context.codingPath), "required: expected \(Self.name(of: type))")
    case .typeMismatch(let type, let context):
      self.init(field: Self.path(context.codingPath), "expected \(Self.name(of: type))")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        self.init(
          field: "json", "not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
      } else {
        self.init(field: Self.path(context.codingPath), context.debugDescription)
      }
    @unknown default:
      self.init(field: "json", "\(error)")
    }
  }

  /// `rules[3].parameters.minHundredths` from the coding path.
  static func path(_ codingPath: [any CodingKey]) -> String {
    var path = ""
    for key in codingPath {
      if let index = key.intValue {
        path += "[\(index)]"
      } else {
        path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return path.isEmpty ? "json" : path
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is Int.Type: "an integer"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default: "\(type)"
    }
  }
}
