import Foundation

extension PlanInputFile {
  /// What is wrong with a plan input file, as a sentence naming the field, e.g.
  /// `visitsDue[3].window.first: "2026-02-30" is not a date; write 2026-03-02`.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// Decodes and checks the JSON in `data`.
  static func decode(_ data: Data) throws(Problem) -> PlanInputFile {
    let tree: Any
    do {
      tree = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw Problem(description: "not JSON: \(syntaxError(error, in: data))")
    }
    let file: PlanInputFile
    do {
      file = try JSONDecoder().decode(PlanInputFile.self, from: data)
    } catch let error as DecodingError {
      throw Problem(description: describe(error))
    } catch {
      throw Problem(description: "\(error)")
    }
    // The decoder ignores fields it does not know; encoding what it read back and comparing
    // the fields finds them, at any depth.
    let written: Any
    do {
      written = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(file))
    } catch {
      throw Problem(description: "\(error)")
    }
    if let unknown = unknownField(in: tree, knownIn: written, path: "") {
      throw Problem(description: "\(unknown): not a field of the plan input; see 'reformctl inspection plan --help'")
    }
    return file
  }

  /// The parser's complaint with its place as a line and column, e.g. `invalid value at
  /// line 12, column 7`.
  private static func syntaxError(_ error: any Error, in data: Data) -> String {
    let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    guard let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
      let offset = Int(text[range].dropFirst("character ".count)), offset <= data.count
    else { return text }
    let before = data.prefix(offset)
    let line = before.count { $0 == UInt8(ascii: "\n") } + 1
    let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
    let what = text[..<range.lowerBound].replacingOccurrences(of: " around ", with: "").trimmingCharacters(
      in: .whitespaces)
    return
      "\(what.isEmpty ? "error" : what.prefix(1).lowercased() + what.dropFirst()) at line \(line), column \(column)"
  }

  /// The path of the first field of `read` that `written` lacks, or `nil`. A field that is
  /// `null` counts as left out.
  private static func unknownField(in read: Any, knownIn written: Any, path: String) -> String? {
    if let object = read as? [String: Any] {
      let known = written as? [String: Any] ?? [:]
      for key in object.keys.sorted() where !(object[key] is NSNull) {
        let field = path.isEmpty ? key : "\(path).\(key)"
        guard let value = known[key] else { return field }
        if let found = unknownField(in: object[key]!, knownIn: value, path: field) { return found }
      }
    } else if let array = read as? [Any], let known = written as? [Any] {
      for (i, element) in array.enumerated() where i < known.count {
        if let found = unknownField(in: element, knownIn: known[i], path: "\(path)[\(i)]") { return found }
      }
    }
    return nil
  }

  /// A decoding error as a sentence naming the field.
  static func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text.isEmpty ? "the file" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return "\(parent == "the file" ? key.stringValue : "\(parent).\(key.stringValue)"): required"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(Self.typeName(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(Self.typeName(type)), found null"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// A Swift type as the file's author knows it.
  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text in quotes"
    case is Int32.Type, is Int64.Type, is Int.Type: "a whole number"
    case is [Any].Type: "a list [ … ]"
    case is [String: Any].Type: "an object { … }"
    default: "\(type)"
    }
  }
}
