import Foundation

extension IndicatorSet {
  /// Reads a set from JSON (the shape of ``resolution01JSON``).
  ///
  /// - Throws: ``IndicatorSetError`` naming the path of the field that does not decode, e.g.
  ///   `"indicators[2].target.comparison"`.
  public static func decode(json: String) throws(IndicatorSetError) -> IndicatorSet {
    do {
      return try JSONDecoder().decode(IndicatorSet.self, from: Data(json.utf8))
    } catch let error as DecodingError {
      throw IndicatorSetError(decoding: error)
    } catch {
      throw IndicatorSetError(field: "", "not JSON: \(error)")
    }
  }

  /// The set as JSON: pretty-printed, keys sorted, UTF-8 text unescaped.
  public func encodedJSON() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}

extension IndicatorSetError {
  /// The error for a decoding failure, with its coding path written as a field path.
  init(decoding error: DecodingError) {
    func path(_ keys: [any CodingKey]) -> String {
      keys.reduce(into: "") { text, key in
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? IndicatorSetError.snakeCase(key.stringValue) : "." + IndicatorSetError.snakeCase(key.stringValue)
        }
      }
    }
    switch error {
    case .keyNotFound(let key, let context):
      self.init(field: path(context.codingPath + [key]), "is required")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      self.init(field: path(context.codingPath), "has the wrong type: \(context.debugDescription)")
    case .dataCorrupted(let context):
      self.init(field: path(context.codingPath), context.debugDescription)
    @unknown default:
      self.init(field: "", "\(error)")
    }
  }

  /// `numeratorDefinition` → `numerator_definition`: fields are named as in the `.proto`.
  static func snakeCase(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase {
        result += "_" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }
}
